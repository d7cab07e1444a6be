package io.github.asflink.local.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns spoken slot words into the slot object Alexa sends: AMAZON.DATE as {@code yyyy-MM-dd} (or a week), custom
 * types with entity resolution ({@code ER_SUCCESS_MATCH} and the value's name and id when the words are one of the
 * type's values or synonyms, {@code ER_SUCCESS_NO_MATCH} otherwise), anything else as said.
 */
public final class SlotFiller {
    private final InteractionModel model;
    private final String skillId;
    private final Supplier<LocalDate> today;

    public SlotFiller(InteractionModel model, String skillId, Supplier<LocalDate> today) {
        this.model = model;
        this.skillId = skillId;
        this.today = today;
    }

    /** An empty slot, as Alexa lists every slot of the intent. */
    public static JsonObject empty(String name) {
        JsonObject slot = new JsonObject();
        slot.addProperty("name", name);
        slot.addProperty("confirmationStatus", "NONE");
        return slot;
    }

    public JsonObject fill(InteractionModel.Intent intent, String name, String spoken) {
        JsonObject slot = empty(name);
        String type = intent.slot(name).map(InteractionModel.Slot::type).orElse("AMAZON.SearchQuery");
        if (type.equals("AMAZON.DATE")) {
            slot.addProperty("value", SpokenDate.resolve(spoken, today.get()).orElse(spoken));
        } else {
            slot.addProperty("value", spoken);
        }
        slot.addProperty("source", "USER");
        InteractionModel.SlotType custom = model.types().get(type);
        if (custom != null) {
            slot.add("resolutions", resolutions(custom, spoken));
        }
        return slot;
    }

    private JsonObject resolutions(InteractionModel.SlotType type, String spoken) {
        JsonObject authority = new JsonObject();
        authority.addProperty("authority", "amzn1.er-authority.echo-sdk." + skillId + "." + type.name());
        JsonObject status = new JsonObject();
        Optional<InteractionModel.SlotValue> match = match(type, spoken);
        status.addProperty("code", match.isPresent() ? "ER_SUCCESS_MATCH" : "ER_SUCCESS_NO_MATCH");
        authority.add("status", status);
        match.ifPresent(value -> {
            JsonObject resolved = new JsonObject();
            resolved.addProperty("name", value.name());
            resolved.addProperty("id", value.id() != null ? value.id() : Integer.toHexString(value.name().hashCode()));
            JsonObject wrapper = new JsonObject();
            wrapper.add("value", resolved);
            JsonArray values = new JsonArray();
            values.add(wrapper);
            authority.add("values", values);
        });
        JsonArray perAuthority = new JsonArray();
        perAuthority.add(authority);
        JsonObject resolutions = new JsonObject();
        resolutions.add("resolutionsPerAuthority", perAuthority);
        return resolutions;
    }

    private static Optional<InteractionModel.SlotValue> match(InteractionModel.SlotType type, String spoken) {
        String words = spoken.toLowerCase(Locale.ROOT).strip();
        for (InteractionModel.SlotValue value : type.values()) {
            if (value.name().toLowerCase(Locale.ROOT).equals(words)) {
                return Optional.of(value);
            }
            for (String synonym : value.synonyms()) {
                if (synonym.toLowerCase(Locale.ROOT).equals(words)) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }
}
