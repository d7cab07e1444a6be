package io.github.asflink.skill.intents;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.Response;
import com.amazon.ask.model.Slot;
import java.util.LinkedHashMap;
import java.util.Map;
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
        Map<String, Slot> slots = new LinkedHashMap<>(intent.getSlots() == null ? Map.of() : intent.getSlots());
        slots.put(slot, Slot.builder().withName(slot).build());
        return elicitWith(input, intent, slots, slot, question);
    }

    /** Asks for one slot with every slot emptied: the dialog starts over. */
    static Optional<Response> startOver(HandlerInput input, Intent intent, String slot, String question) {
        Map<String, Slot> slots = new LinkedHashMap<>();
        if (intent.getSlots() != null) {
            intent.getSlots().keySet().forEach(name -> slots.put(name, Slot.builder().withName(name).build()));
        }
        slots.put(slot, Slot.builder().withName(slot).build());
        return elicitWith(input, intent, slots, slot, question);
    }

    /** Asks the user to say yes or no to what the intent will do. */
    static Optional<Response> confirm(HandlerInput input, Intent intent, String question) {
        return input.getResponseBuilder()
                .withSpeech(question)
                .withReprompt(question)
                .addConfirmIntentDirective(intent)
                .build();
    }

    /** The value the user gave a slot, stripped; empty when none. */
    static Optional<String> slotValue(Intent intent, String name) {
        if (intent.getSlots() == null || intent.getSlots().get(name) == null) {
            return Optional.empty();
        }
        String value = intent.getSlots().get(name).getValue();
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Optional<Response> elicitWith(HandlerInput input, Intent intent, Map<String, Slot> slots,
                                                 String slot, String question) {
        Intent updated = Intent.builder()
                .withName(intent.getName())
                .withSlots(slots)
                .withConfirmationStatus(IntentConfirmationStatus.NONE)
                .build();
        return input.getResponseBuilder()
                .withSpeech(question)
                .withReprompt(question)
                .addElicitSlotDirective(slot, updated)
                .build();
    }
}
