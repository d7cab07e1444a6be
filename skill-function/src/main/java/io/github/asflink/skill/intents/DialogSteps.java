package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.Response;
import java.util.List;
import java.util.Optional;

/**
 * The dialog directives the write intents send themselves (their dialog is the skill's, not Alexa's): ask for one
 * slot, or ask the user to confirm. Every question is also the reprompt.
 */
final class DialogSteps {

    private DialogSteps() {
    }

    /** Asks for one slot again, forgetting its old value and any confirmation; the other slots are kept. */
    static Optional<Response> elicit(HandlerInput input, Intent intent, String slot, String question) {
        return ask(input, Slots.without(intent, slot), slot, question);
    }

    /** Asks for one slot with every slot emptied: the dialog starts over. */
    static Optional<Response> startOver(HandlerInput input, Intent intent, String slot, String question) {
        Intent empty = Slots.without(intent, slot);
        for (String name : List.copyOf(empty.getSlots().keySet())) {
            empty = Slots.without(empty, name);
        }
        return ask(input, empty, slot, question);
    }

    /** Asks the user to say yes or no to what the intent will do. */
    static Optional<Response> confirm(HandlerInput input, Intent intent, String question) {
        return input.getResponseBuilder()
                .withSpeech(question)
                .withReprompt(question)
                .addConfirmIntentDirective(intent)
                .build();
    }

    private static Optional<Response> ask(HandlerInput input, Intent updated, String slot, String question) {
        return input.getResponseBuilder()
                .withSpeech(question)
                .withReprompt(question)
                .addElicitSlotDirective(slot, updated)
                .build();
    }
}
