package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.LaunchRequest;
import com.amazon.ask.model.Response;
import com.amazon.ask.request.Predicates;
import io.github.asflink.skill.salesforce.Salesforce;
import io.github.asflink.skill.salesforce.SalesforceClient;
import io.github.asflink.skill.salesforce.SalesforceResult;
import io.github.asflink.skill.salesforce.SalesforceUser;
import io.github.asflink.skill.speech.Ssml;
import java.util.Optional;

/**
 * "Alexa, open Salesforce Link": checks the link (userinfo), greets the linked user by first name and says what the
 * skill can do.
 */
final class LaunchHandler extends LinkedRequestHandler {

    LaunchHandler(Salesforce salesforce) {
        super(salesforce);
    }

    @Override
    public boolean canHandle(HandlerInput input) {
        return input.matches(Predicates.requestType(LaunchRequest.class));
    }

    @Override
    Optional<Response> handle(HandlerInput input, SalesforceClient salesforce) {
        return switch (salesforce.user()) {
            case SalesforceResult.Failure<SalesforceUser> failure ->
                    Replies.salesforceFailed(input, failure.failure());
            case SalesforceResult.Success<SalesforceUser> success -> {
                String greeting = success.value().firstName()
                        .map(name -> "Hi " + Ssml.escape(name) + ".")
                        .orElse("Welcome to " + Replies.SKILL_NAME + ".");
                yield input.getResponseBuilder()
                        .withSpeech(greeting + " " + Replies.WHAT_YOU_CAN_SAY + " What would you like?")
                        .withReprompt(Replies.WHAT_YOU_CAN_SAY + " " + Replies.REPROMPT)
                        .build();
            }
        };
    }
}
