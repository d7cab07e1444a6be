package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Response;
import io.github.asflink.skill.Turn;
import io.github.asflink.skill.salesforce.WriteOutcome;
import io.github.asflink.skill.speech.Ssml;
import java.util.Optional;

/** The answers both write intents give when a change did not simply succeed, and what their log line says. */
final class WriteReplies {

    /** A validation rule's message is the admin's text: spoken in full, up to a length a listener can follow. */
    private static final int MAX_RULE_MESSAGE = 300;

    private WriteReplies() {
    }

    /** The user's or the record's reason, spoken; the log line gets Salesforce's status and error code only. */
    static Optional<Response> refused(HandlerInput input, WriteOutcome.Refused refused, String speech) {
        Turn.of(input).writeRefused(refused.status(), refused.errorCode());
        return Replies.answer(input, speech);
    }

    /** "Salesforce didn't save it: Enter an amount before closing this opportunity." */
    static String validationRule(WriteOutcome.Refused refused) {
        String message = refused.adminMessage().map(String::strip).filter(text -> !text.isEmpty())
                .map(text -> text.length() > MAX_RULE_MESSAGE ? text.substring(0, MAX_RULE_MESSAGE) : text)
                .orElse("");
        if (message.isEmpty()) {
            return "Salesforce didn't save it: one of your org's validation rules stopped it.";
        }
        boolean ended = message.endsWith(".") || message.endsWith("!") || message.endsWith("?");
        return "Salesforce didn't save it: " + Ssml.escape(message) + (ended ? "" : ".");
    }

    /** Sent but not answered in time: it may have been saved, so the user is asked to check rather than retry. */
    static Optional<Response> unconfirmed(HandlerInput input, String speech) {
        Turn.of(input).writeUnconfirmed();
        return Replies.answer(input, speech);
    }
}
