package io.github.asflink.local.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The skill's interaction model as the simulator needs it: each intent's samples and slots, the custom slot types'
 * values and synonyms, the dialog model (which slots Alexa must elicit or confirm, the delegation strategy) and the
 * prompts. Read from the same file the skill package deploys, so new intents need no change here.
 */
public record InteractionModel(String invocationName, Map<String, Intent> intents, Map<String, SlotType> types,
                               String defaultDelegation, Map<String, List<String>> prompts) {

    /** The model file, relative to the project root. */
    public static final String FILE = "skill-package/interactionModels/custom/en-US.json";

    public record Slot(String name, String type, List<String> samples) {
    }

    /** An intent and, when the dialog section names it, what Alexa must collect before the skill is done. */
    public record Intent(String name, List<Slot> slots, List<String> samples, Optional<IntentDialog> dialog) {
        public Optional<Slot> slot(String slotName) {
            return slots.stream().filter(s -> s.name().equals(slotName)).findFirst();
        }
    }

    public record IntentDialog(String delegationStrategy, boolean confirmationRequired,
                               Optional<String> confirmationPrompt, List<DialogSlot> slots) {
    }

    public record DialogSlot(String name, boolean elicitationRequired, boolean confirmationRequired,
                             Optional<String> elicitationPrompt, Optional<String> confirmationPrompt) {
    }

    public record SlotValue(String id, String name, List<String> synonyms) {
    }

    public record SlotType(String name, List<SlotValue> values) {
    }

    /** Reads {@link #FILE} from {@code root} (or its parent, as a module's tests run one folder down). */
    public static Optional<InteractionModel> find(Path root) throws IOException {
        for (Path candidate : List.of(root.resolve(FILE), root.resolve("..").resolve(FILE))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(parse(Files.readString(candidate, StandardCharsets.UTF_8)));
            }
        }
        return Optional.empty();
    }

    public static InteractionModel parse(String json) {
        JsonObject root = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("interactionModel");
        JsonObject language = root.getAsJsonObject("languageModel");
        JsonObject dialog = object(root, "dialog");
        Map<String, IntentDialog> dialogs = new LinkedHashMap<>();
        for (JsonElement e : array(dialog, "intents")) {
            JsonObject d = e.getAsJsonObject();
            List<DialogSlot> slots = new ArrayList<>();
            for (JsonElement s : array(d, "slots")) {
                JsonObject slot = s.getAsJsonObject();
                slots.add(new DialogSlot(text(slot, "name"), bool(slot, "elicitationRequired"),
                        bool(slot, "confirmationRequired"), prompt(slot, "elicitation"),
                        prompt(slot, "confirmation")));
            }
            dialogs.put(text(d, "name"), new IntentDialog(text(d, "delegationStrategy"),
                    bool(d, "confirmationRequired"), prompt(d, "confirmation"), List.copyOf(slots)));
        }
        Map<String, Intent> intents = new LinkedHashMap<>();
        for (JsonElement e : array(language, "intents")) {
            JsonObject i = e.getAsJsonObject();
            List<Slot> slots = new ArrayList<>();
            for (JsonElement s : array(i, "slots")) {
                JsonObject slot = s.getAsJsonObject();
                slots.add(new Slot(text(slot, "name"), text(slot, "type"), strings(array(slot, "samples"))));
            }
            String name = text(i, "name");
            intents.put(name, new Intent(name, List.copyOf(slots), strings(array(i, "samples")),
                    Optional.ofNullable(dialogs.get(name))));
        }
        Map<String, SlotType> types = new LinkedHashMap<>();
        for (JsonElement e : array(language, "types")) {
            JsonObject t = e.getAsJsonObject();
            List<SlotValue> values = new ArrayList<>();
            for (JsonElement v : array(t, "values")) {
                JsonObject value = v.getAsJsonObject();
                JsonObject name = object(value, "name");
                values.add(new SlotValue(value.has("id") ? text(value, "id") : null, text(name, "value"),
                        strings(array(name, "synonyms"))));
            }
            types.put(text(t, "name"), new SlotType(text(t, "name"), List.copyOf(values)));
        }
        Map<String, List<String>> prompts = new LinkedHashMap<>();
        for (JsonElement e : array(root, "prompts")) {
            JsonObject p = e.getAsJsonObject();
            List<String> variations = new ArrayList<>();
            for (JsonElement v : array(p, "variations")) {
                variations.add(text(v.getAsJsonObject(), "value"));
            }
            prompts.put(text(p, "id"), List.copyOf(variations));
        }
        String defaultDelegation = dialog != null && dialog.has("delegationStrategy")
                ? text(dialog, "delegationStrategy") : "SKILL_RESPONSE";
        return new InteractionModel(text(language, "invocationName"), intents, types, defaultDelegation, prompts);
    }

    public Optional<Intent> intent(String name) {
        return Optional.ofNullable(intents.get(name));
    }

    /** True when Alexa runs this intent's dialog itself (auto-delegation) instead of asking the skill each turn. */
    public boolean autoDelegated(Intent intent) {
        return intent.dialog().map(d -> {
            String strategy = d.delegationStrategy() == null ? defaultDelegation : d.delegationStrategy();
            return "ALWAYS".equals(strategy);
        }).orElse(false);
    }

    /** The first variation of a prompt, or empty when the model has none by that id. */
    public Optional<String> prompt(String id) {
        List<String> variations = prompts.get(id);
        return variations == null || variations.isEmpty() ? Optional.empty() : Optional.of(variations.get(0));
    }

    private static Optional<String> prompt(JsonObject owner, String kind) {
        JsonObject prompts = object(owner, "prompts");
        return prompts != null && prompts.has(kind) ? Optional.of(text(prompts, kind)) : Optional.empty();
    }

    private static JsonObject object(JsonObject parent, String name) {
        return parent != null && parent.has(name) && parent.get(name).isJsonObject()
                ? parent.getAsJsonObject(name) : null;
    }

    private static JsonArray array(JsonObject parent, String name) {
        return parent != null && parent.has(name) && parent.get(name).isJsonArray()
                ? parent.getAsJsonArray(name) : new JsonArray();
    }

    private static String text(JsonObject parent, String name) {
        return parent != null && parent.has(name) && !parent.get(name).isJsonNull()
                ? parent.get(name).getAsString() : null;
    }

    private static boolean bool(JsonObject parent, String name) {
        return parent.has(name) && parent.get(name).getAsBoolean();
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.getAsString()));
        return List.copyOf(out);
    }
}
