package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import io.github.asflink.skill.Turn;
import io.github.asflink.skill.salesforce.SalesforceFailure;
import java.util.Optional;

/** The answers several handlers share: account linking, Salesforce trouble, and the "what can I say" prompt. */
final class Replies {

    static final String SKILL_NAME = "Salesforce Link";
    static final String WHAT_YOU_CAN_SAY = "You can ask about your agenda, your pipeline, your open cases or a deal "
            + "by name, move a deal's stage, log a call, or say remind me to call Ada.";
    /** After an answer: short, since the user has just heard one; the reprompt says what they can ask. */
    static final String ANYTHING_ELSE = "Anything else?";
    static final String ANYTHING_ELSE_REPROMPT = "Anything else? " + WHAT_YOU_CAN_SAY;
    static final String LINK_ACCOUNT = "To use " + SKILL_NAME + ", please link your Salesforce account. "
            + "I've sent a card to the Alexa app to help you do that.";
    static final String RELINK_ACCOUNT = "Your Salesforce sign-in has expired. Please link your Salesforce account "
            + "again; I've sent a card to the Alexa app to help you do that.";
    static final String SALESFORCE_TROUBLE = "Sorry, I couldn't get an answer from Salesforce just now. "
            + "Please try again in a moment.";
    static final String REPROMPT = "What would you like to do?";

    private Replies() {
    }

    /** No usable linked token: a LinkAccount card, and the session ends (the user has to go to the app). */
    static Optional<Response> linkAccount(HandlerInput input) {
        return input.getResponseBuilder()
                .withSpeech(LINK_ACCOUNT)
                .withLinkAccountCard()
                .withShouldEndSession(true)
                .build();
    }

    /** A Salesforce failure, as the user hears it. Records the failure on the request's {@link Turn}. */
    static Optional<Response> salesforceFailed(HandlerInput input, SalesforceFailure failure) {
        Turn.of(input).salesforceFailed(failure);
        if (failure instanceof SalesforceFailure.SessionInvalid) {
            return input.getResponseBuilder()
                    .withSpeech(RELINK_ACCOUNT)
                    .withLinkAccountCard()
                    .withShouldEndSession(true)
                    .build();
        }
        return apology(input);
    }

    /** A short apology; the session stays open so the user can simply ask again. */
    static Optional<Response> apology(HandlerInput input) {
        return input.getResponseBuilder()
                .withSpeech(SALESFORCE_TROUBLE + " " + REPROMPT)
                .withReprompt(REPROMPT)
                .build();
    }

    /** An answer, then an open microphone for the next question. */
    static Optional<Response> answer(HandlerInput input, String ssml) {
        return input.getResponseBuilder()
                .withSpeech(ssml + " " + ANYTHING_ELSE)
                .withReprompt(ANYTHING_ELSE_REPROMPT)
                .build();
    }
}
