package io.github.asflink.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.simulator.AlexaDevice;
import io.github.asflink.local.simulator.DialogPlayer;
import io.github.asflink.local.simulator.InteractionModel;
import io.github.asflink.local.simulator.SlotFiller;
import io.github.asflink.local.simulator.UtteranceMatcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The simulator page's conversation: words, an intent from the form, launch or session end, played by each
 * session's {@link DialogPlayer} against the local {@code /skill} (real request envelopes over HTTP, with the
 * session's linked token, screen choice and Alexa directive-service token), and shown as a {@link TurnView}.
 */
final class SkillConversation {
    private final HttpClient http;
    private final InteractionModel model;
    private final String skillId;
    private final String origin;
    private final Clock clock;

    SkillConversation(HttpClient http, InteractionModel model, String skillId, String origin, Clock clock) {
        this.http = http;
        this.model = model;
        this.skillId = skillId;
        this.origin = origin;
        this.clock = clock;
    }

    JsonObject talk(SimulatorSession session, JsonObject body) throws IOException {
        if (body.has("screen")) {
            session.screen(JsonFields.bool(body, "screen"));
        }
        DialogPlayer player = player(session);
        DialogPlayer.Turn turn;
        String you;
        if (JsonFields.bool(body, "launch")) {
            you = "open " + (model.invocationName() == null ? "the skill" : model.invocationName());
            turn = player.launch();
        } else if (JsonFields.bool(body, "end")) {
            you = "(the session ends)";
            turn = player.endSession();
        } else if (body.has("intent")) {
            Map<String, String> slots = new LinkedHashMap<>();
            if (body.has("slots") && body.get("slots").isJsonObject()) {
                body.getAsJsonObject("slots").entrySet().forEach(e -> slots.put(e.getKey(),
                        e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : ""));
            }
            String confirmation = JsonFields.string(body, "confirmation");
            if (!Set.of("NONE", "CONFIRMED", "DENIED").contains(confirmation)) {
                confirmation = "NONE";
            }
            you = "(form) " + JsonFields.string(body, "intent");
            turn = player.intent(JsonFields.string(body, "intent"), slots, confirmation);
        } else {
            you = JsonFields.string(body, "utterance").strip();
            if (you.isEmpty()) {
                return JsonFields.error("say something first");
            }
            turn = player.say(you);
        }
        JsonObject view = TurnView.render(you, turn, session);
        session.turn(view);
        return view;
    }

    DialogPlayer player(SimulatorSession session) {
        synchronized (session) {
            if (session.player() == null) {
                Supplier<LocalDate> today = () -> LocalDate.now(clock.withZone(ZoneId.systemDefault()));
                session.player(new DialogPlayer(model, new UtteranceMatcher(model, today),
                        new SlotFiller(model, skillId, today),
                        () -> new AlexaDevice(skillId, session.linkedToken(), session.screen(), origin,
                                session.apiAccessToken),
                        this::callSkill));
            }
            return session.player();
        }
    }

    private DialogPlayer.Call callSkill(JsonObject envelope) throws IOException {
        long start = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(origin + "/skill"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope.toString()))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            JsonObject response;
            try {
                response = answer.statusCode() == 200 ? JsonParser.parseString(answer.body()).getAsJsonObject() : null;
            } catch (RuntimeException e) {
                response = null;
            }
            return new DialogPlayer.Call(envelope, answer.statusCode(), response,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}
