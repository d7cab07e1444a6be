package io.github.asflink.local.simulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Plays a conversation as Alexa would: one session at a time (its attributes carried from each answer to the next
 * request), the dialog of an intent run by the skill ({@code Dialog.ElicitSlot}, {@code ConfirmSlot},
 * {@code ConfirmIntent}) or by Alexa itself ({@code Dialog.Delegate}, or the model's {@code delegationStrategy}
 * ALWAYS: Alexa asks the model's prompts and calls the skill once the dialog is complete), {@code dialogState}
 * STARTED, IN_PROGRESS, COMPLETED, and "yes"/"no" as CONFIRMED/DENIED. One per conversation; its turns run one at a
 * time.
 */
public final class DialogPlayer {

    /** Sends one request envelope to the skill and returns its response envelope. */
    public interface Skill {
        Call call(JsonObject envelope) throws IOException;
    }

    /** One round trip to the skill; {@code response} is null when it answered no JSON. */
    public record Call(JsonObject request, int status, JsonObject response, long millis) {
    }

    /**
     * One turn: what Alexa understood, the skill calls it made (none when Alexa ran the dialog itself), what Alexa
     * itself said when it did ({@code alexaPrompt}), and whether the session is still open.
     */
    public record Turn(String understood, List<Call> calls, Optional<String> alexaPrompt, boolean sessionOpen,
                       String waitingFor) {
    }

    private enum Waiting { NOTHING, SLOT_VALUE, SLOT_CONFIRMATION, INTENT_CONFIRMATION }

    private final InteractionModel model;
    private final UtteranceMatcher matcher;
    private final SlotFiller filler;
    private final Supplier<AlexaDevice> device;
    private final Skill skill;

    private String sessionId;
    private boolean newSession;
    private JsonObject attributes = new JsonObject();
    private JsonObject intent;
    private boolean delegated;
    private boolean dialogStarted;
    private Waiting waiting = Waiting.NOTHING;
    private String waitingSlot;

    public DialogPlayer(InteractionModel model, UtteranceMatcher matcher, SlotFiller filler,
                        Supplier<AlexaDevice> device, Skill skill) {
        this.model = model;
        this.matcher = matcher;
        this.filler = filler;
        this.device = device;
        this.skill = skill;
    }

    public synchronized Turn launch() throws IOException {
        openSession();
        forgetDialog();
        List<Call> calls = new ArrayList<>();
        send(AlexaDevice.request("LaunchRequest"), calls);
        return turn("LaunchRequest", calls, Optional.empty());
    }

    /** The user ends the session (or it times out): a SessionEndedRequest, and nothing carried on. */
    public synchronized Turn endSession() throws IOException {
        List<Call> calls = new ArrayList<>();
        if (sessionId != null) {
            JsonObject request = AlexaDevice.request("SessionEndedRequest");
            request.addProperty("reason", "USER_INITIATED");
            send(request, calls);
        }
        closeSession();
        return turn("SessionEndedRequest (USER_INITIATED)", calls, Optional.empty());
    }

    /** An intent chosen in a form: slots as spoken words, confirmation NONE, CONFIRMED or DENIED. */
    public synchronized Turn intent(String name, Map<String, String> slots, String confirmation) throws IOException {
        openSession();
        forgetDialog();
        JsonObject chosen = newIntent(name);
        chosen.addProperty("confirmationStatus", confirmation);
        fill(chosen, slots);
        String understood = describe(chosen);
        List<Call> calls = new ArrayList<>();
        Optional<String> prompt = proceed(chosen, calls);
        return turn(understood, calls, prompt);
    }

    /** Words typed (or spoken) by the user. */
    public synchronized Turn say(String utterance) throws IOException {
        openSession();
        List<Call> calls = new ArrayList<>();
        UtteranceMatcher.Heard heard = matcher.hear(utterance);
        // Another intent's own sample (or stop, cancel, help) takes over from an open dialog, as with Alexa;
        // yes and no answer it, and words that match nothing else are the answer it waits for.
        boolean leaving = intent != null && heard instanceof UtteranceMatcher.IntentHeard h
                && !h.intent().equals(name(intent)) && !h.intent().equals("AMAZON.FallbackIntent")
                && !h.intent().equals("AMAZON.YesIntent") && !h.intent().equals("AMAZON.NoIntent");
        if (intent != null && !leaving) {
            Optional<Turn> answer = answerDialog(utterance, calls);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return switch (heard) {
            case UtteranceMatcher.Launch launch -> launch();
            case UtteranceMatcher.NotUnderstood none -> turn("nothing in the interaction model matches", calls,
                    Optional.of("Sorry, I don't know that."));
            case UtteranceMatcher.IntentHeard h -> {
                forgetDialog();
                JsonObject fresh = newIntent(h.intent());
                fill(fresh, h.slots());
                String understood = describe(fresh) + (h.sample().isEmpty() ? "" : " (sample \"" + h.sample()
                        + "\")");
                Optional<String> prompt = proceed(fresh, calls);
                yield turn(understood, calls, prompt);
            }
        };
    }

    /** The words as the answer the dialog is waiting for; empty when they are not one (then matched afresh). */
    private Optional<Turn> answerDialog(String utterance, List<Call> calls) throws IOException {
        switch (waiting) {
            case INTENT_CONFIRMATION -> {
                if (UtteranceMatcher.yes(utterance) || UtteranceMatcher.no(utterance)) {
                    String status = UtteranceMatcher.yes(utterance) ? "CONFIRMED" : "DENIED";
                    intent.addProperty("confirmationStatus", status);
                    Optional<String> prompt = proceed(intent, calls);
                    return Optional.of(turn("intent confirmation: " + status, calls, prompt));
                }
            }
            case SLOT_CONFIRMATION -> {
                if (UtteranceMatcher.yes(utterance) || UtteranceMatcher.no(utterance)) {
                    String status = UtteranceMatcher.yes(utterance) ? "CONFIRMED" : "DENIED";
                    slots(intent).getAsJsonObject(waitingSlot).addProperty("confirmationStatus", status);
                    Optional<String> prompt = proceed(intent, calls);
                    return Optional.of(turn("slot " + waitingSlot + " confirmation: " + status, calls, prompt));
                }
            }
            case SLOT_VALUE -> {
                InteractionModel.Intent definition = model.intent(name(intent)).orElse(null);
                if (definition != null) {
                    Optional<Map<String, String>> filled = matcher.answer(definition, waitingSlot, utterance);
                    if (filled.isPresent()) {
                        fill(intent, filled.get());
                        String understood = "the answer for " + String.join(", ", filled.get().keySet()) + ": "
                                + describe(intent);
                        Optional<String> prompt = proceed(intent, calls);
                        return Optional.of(turn(understood, calls, prompt));
                    }
                    if (delegated || model.autoDelegated(definition)) {
                        return Optional.of(turn("no value for " + waitingSlot + " (Alexa asks again)", calls,
                                elicitationPrompt(definition, waitingSlot)));
                    }
                }
            }
            case NOTHING -> {
                // no dialog question open
            }
            default -> throw new IllegalStateException();
        }
        return Optional.empty();
    }

    /** Alexa runs the dialog when it is delegated; otherwise the skill gets the intent as it stands. */
    private Optional<String> proceed(JsonObject current, List<Call> calls) throws IOException {
        intent = current;
        Optional<InteractionModel.Intent> definition = model.intent(name(current));
        boolean alexaRuns = definition.isPresent() && definition.get().dialog().isPresent()
                && (delegated || model.autoDelegated(definition.get()));
        if (alexaRuns) {
            Optional<String> prompt = nextPrompt(definition.get());
            if (prompt.isPresent()) {
                return prompt;
            }
            delegated = false;
            return sendIntent("COMPLETED", calls);
        }
        boolean hasDialog = dialogStarted || definition.flatMap(InteractionModel.Intent::dialog).isPresent();
        String state = hasDialog ? (dialogStarted ? "IN_PROGRESS" : "STARTED") : null;
        return sendIntent(state, calls);
    }

    /** The question Alexa asks next under delegation, or empty when the dialog is complete. */
    private Optional<String> nextPrompt(InteractionModel.Intent definition) {
        InteractionModel.IntentDialog dialog = definition.dialog().orElseThrow();
        JsonObject slots = slots(intent);
        for (InteractionModel.DialogSlot slot : dialog.slots()) {
            JsonObject value = slots.has(slot.name()) ? slots.getAsJsonObject(slot.name()) : null;
            boolean empty = value == null || !value.has("value") || value.get("value").getAsString().isBlank();
            if (slot.elicitationRequired() && empty) {
                return elicitationPrompt(definition, slot.name());
            }
            if (slot.confirmationRequired() && !empty && "NONE".equals(status(value))) {
                waiting = Waiting.SLOT_CONFIRMATION;
                waitingSlot = slot.name();
                return Optional.of(prompt(slot.confirmationPrompt(), "Did you say " + value.get("value")
                        .getAsString() + "?"));
            }
        }
        if (dialog.confirmationRequired() && "NONE".equals(status(intent))) {
            waiting = Waiting.INTENT_CONFIRMATION;
            return Optional.of(prompt(dialog.confirmationPrompt(), "Is that right?"));
        }
        return Optional.empty();
    }

    private Optional<String> elicitationPrompt(InteractionModel.Intent definition, String slot) {
        waiting = Waiting.SLOT_VALUE;
        waitingSlot = slot;
        Optional<String> id = definition.dialog()
                .flatMap(d -> d.slots().stream().filter(s -> s.name().equals(slot)).findFirst())
                .flatMap(InteractionModel.DialogSlot::elicitationPrompt);
        return Optional.of(prompt(id, "What is the " + slot + "?"));
    }

    /** The model's prompt with {slot} replaced by the slots' values. */
    private String prompt(Optional<String> id, String fallback) {
        String text = id.flatMap(model::prompt).orElse(fallback);
        JsonObject slots = slots(intent);
        for (String name : slots.keySet()) {
            JsonObject slot = slots.getAsJsonObject(name);
            if (slot.has("value")) {
                text = text.replace("{" + name + "}", slot.get("value").getAsString());
            }
        }
        return text;
    }

    private Optional<String> sendIntent(String dialogState, List<Call> calls) throws IOException {
        JsonObject request = AlexaDevice.request("IntentRequest");
        if (dialogState != null) {
            request.addProperty("dialogState", dialogState);
            dialogStarted = true;
        }
        request.add("intent", intent.deepCopy());
        JsonObject response = send(request, calls);
        return response == null ? Optional.empty() : afterDirectives(response, calls);
    }

    /** Follows the skill's dialog directives; Alexa's own next question when the skill delegated. */
    private Optional<String> afterDirectives(JsonObject responseEnvelope, List<Call> calls) throws IOException {
        JsonObject response = responseEnvelope.has("response") && responseEnvelope.get("response").isJsonObject()
                ? responseEnvelope.getAsJsonObject("response") : new JsonObject();
        JsonArray directives = response.has("directives") && response.get("directives").isJsonArray()
                ? response.getAsJsonArray("directives") : new JsonArray();
        for (JsonElement element : directives) {
            JsonObject directive = element.getAsJsonObject();
            String type = directive.has("type") ? directive.get("type").getAsString() : "";
            if (!type.startsWith("Dialog.")) {
                continue;
            }
            dialogStarted = true; // the next request of this dialog is IN_PROGRESS, with or without a dialog model
            if (directive.has("updatedIntent") && directive.get("updatedIntent").isJsonObject()) {
                intent = directive.getAsJsonObject("updatedIntent").deepCopy();
                if (!intent.has("confirmationStatus")) {
                    intent.addProperty("confirmationStatus", "NONE");
                }
            }
            switch (type) {
                case "Dialog.Delegate" -> {
                    delegated = true;
                    return proceed(intent, calls);
                }
                case "Dialog.ElicitSlot" -> {
                    waiting = Waiting.SLOT_VALUE;
                    waitingSlot = directive.get("slotToElicit").getAsString();
                }
                case "Dialog.ConfirmSlot" -> {
                    waiting = Waiting.SLOT_CONFIRMATION;
                    waitingSlot = directive.get("slotToConfirm").getAsString();
                }
                case "Dialog.ConfirmIntent" -> waiting = Waiting.INTENT_CONFIRMATION;
                default -> {
                    // Dialog.UpdateDynamicEntities and the like change nothing here
                }
            }
            return Optional.empty();
        }
        forgetDialog();
        return Optional.empty();
    }

    private JsonObject send(JsonObject request, List<Call> calls) throws IOException {
        JsonObject envelope = device.get().envelope(request, sessionId, newSession, attributes);
        newSession = false;
        Call call = skill.call(envelope);
        calls.add(call);
        JsonObject response = call.response();
        if (response == null) {
            return null;
        }
        attributes = response.has("sessionAttributes") && response.get("sessionAttributes").isJsonObject()
                ? response.getAsJsonObject("sessionAttributes").deepCopy() : new JsonObject();
        JsonObject body = response.has("response") && response.get("response").isJsonObject()
                ? response.getAsJsonObject("response") : new JsonObject();
        if (request.get("type").getAsString().equals("SessionEndedRequest")
                || body.has("shouldEndSession") && !body.get("shouldEndSession").isJsonNull()
                && body.get("shouldEndSession").getAsBoolean()) {
            closeSession();
        }
        return response;
    }

    private JsonObject newIntent(String name) {
        JsonObject fresh = new JsonObject();
        fresh.addProperty("name", name);
        fresh.addProperty("confirmationStatus", "NONE");
        JsonObject slots = new JsonObject();
        model.intent(name).ifPresent(i -> i.slots().forEach(s -> slots.add(s.name(), SlotFiller.empty(s.name()))));
        fresh.add("slots", slots);
        return fresh;
    }

    private void fill(JsonObject target, Map<String, String> spoken) {
        InteractionModel.Intent definition = model.intent(name(target))
                .orElse(new InteractionModel.Intent(name(target), List.of(), List.of(), Optional.empty()));
        JsonObject slots = slots(target);
        spoken.forEach((slot, words) -> {
            if (words != null && !words.isBlank()) {
                slots.add(slot, filler.fill(definition, slot, words.strip()));
            }
        });
    }

    private void openSession() {
        if (sessionId == null) {
            sessionId = "amzn1.echo-api.session." + UUID.randomUUID();
            newSession = true;
            attributes = new JsonObject();
            forgetDialog();
        }
    }

    private void closeSession() {
        sessionId = null;
        attributes = new JsonObject();
        forgetDialog();
    }

    private void forgetDialog() {
        intent = null;
        delegated = false;
        dialogStarted = false;
        waiting = Waiting.NOTHING;
        waitingSlot = null;
    }

    private Turn turn(String understood, List<Call> calls, Optional<String> alexaPrompt) {
        String waitingFor = switch (waiting) {
            case NOTHING -> "";
            case SLOT_VALUE -> "a value for " + waitingSlot;
            case SLOT_CONFIRMATION -> "yes or no for " + waitingSlot;
            case INTENT_CONFIRMATION -> "yes or no";
        };
        return new Turn(understood, List.copyOf(calls), alexaPrompt, sessionId != null, waitingFor);
    }

    private static String describe(JsonObject intent) {
        StringBuilder out = new StringBuilder(name(intent));
        JsonObject slots = slots(intent);
        List<String> filled = new ArrayList<>();
        for (String name : slots.keySet()) {
            JsonObject slot = slots.getAsJsonObject(name);
            if (slot.has("value")) {
                filled.add(name + "=" + slot.get("value").getAsString());
            }
        }
        if (!filled.isEmpty()) {
            out.append(" {").append(String.join(", ", filled)).append('}');
        }
        return out.toString();
    }

    private static String name(JsonObject intent) {
        return intent.get("name").getAsString();
    }

    private static JsonObject slots(JsonObject intent) {
        if (!intent.has("slots") || !intent.get("slots").isJsonObject()) {
            intent.add("slots", new JsonObject());
        }
        return intent.getAsJsonObject("slots");
    }

    private static String status(JsonObject owner) {
        return owner.has("confirmationStatus") ? owner.get("confirmationStatus").getAsString() : "NONE";
    }
}
