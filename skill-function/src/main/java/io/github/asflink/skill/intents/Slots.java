package io.github.asflink.skill.intents;

import com.amazon.ask.model.Intent;
import com.amazon.ask.model.IntentConfirmationStatus;
import com.amazon.ask.model.Slot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reading and clearing an intent's slots. */
final class Slots {

    private Slots() {
    }

    /** The slot's value, stripped; empty when the slot is absent or blank. */
    static Optional<String> value(Intent intent, String name) {
        if (intent.getSlots() == null || intent.getSlots().get(name) == null) {
            return Optional.empty();
        }
        String value = intent.getSlots().get(name).getValue();
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * The intent with {@code slot} emptied and no confirmation, for a {@code Dialog.ElicitSlot} that asks for it
     * again (Alexa then fills it from the answer).
     */
    static Intent without(Intent intent, String slot) {
        Map<String, Slot> slots = new LinkedHashMap<>(intent.getSlots() == null ? Map.of() : intent.getSlots());
        slots.put(slot, Slot.builder().withName(slot).build());
        return Intent.builder()
                .withName(intent.getName())
                .withSlots(slots)
                .withConfirmationStatus(IntentConfirmationStatus.NONE)
                .build();
    }
}
