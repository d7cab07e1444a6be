package io.github.asflink.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.asflink.local.simulator.DialogPlayer;
import io.github.asflink.local.simulator.Diagnosis;
import java.util.Optional;

/**
 * A conversation turn as the page shows it: what Alexa understood and said, and for each skill call the speech,
 * the card, the directives (an APL list as its title and rows, Dialog directives by type), the progressive responses
 * sent meanwhile, and the request and response JSON (tokens masked).
 */
final class TurnView {
    private TurnView() {
    }

    static JsonObject render(String you, DialogPlayer.Turn turn, SimulatorSession session) {
        JsonObject view = new JsonObject();
        view.addProperty("you", you);
        view.addProperty("understood", turn.understood());
        view.addProperty("sessionOpen", turn.sessionOpen());
        view.addProperty("waitingFor", turn.waitingFor());
        JsonArray calls = new JsonArray();
        String lastSpeech = "";
        Optional<Diagnosis> diagnosis = Optional.empty();
        for (DialogPlayer.Call call : turn.calls()) {
            JsonObject c = call(call, session);
            calls.add(c);
            if (!c.get("speech").getAsString().isEmpty()) {
                lastSpeech = c.get("speech").getAsString();
            }
            String card = c.has("card") ? c.getAsJsonObject("card").get("type").getAsString() : "";
            Optional<Diagnosis> d = Diagnosis.skillAnswer(call.status(), c.get("speech").getAsString(), card);
            if (d.isPresent()) {
                diagnosis = d;
            }
        }
        view.add("calls", calls);
        if (turn.alexaPrompt().isPresent()) {
            view.addProperty("alexa", turn.alexaPrompt().get());
            view.addProperty("alexaSource", turn.calls().isEmpty() || lastSpeech.isEmpty()
                    ? "Alexa itself, the interaction model's prompt; the skill was not called" : "Alexa");
        } else {
            view.addProperty("alexa", lastSpeech);
            view.addProperty("alexaSource", "the skill");
        }
        diagnosis.ifPresent(d -> {
            JsonObject why = new JsonObject();
            why.addProperty("why", d.why());
            why.addProperty("fix", d.fix());
            view.add("diagnosis", why);
        });
        return view;
    }

    private static JsonObject call(DialogPlayer.Call call, SimulatorSession session) {
        JsonObject view = new JsonObject();
        JsonObject request = call.request().getAsJsonObject("request");
        String requestId = request.get("requestId").getAsString();
        view.addProperty("type", request.get("type").getAsString());
        if (request.has("intent")) {
            view.addProperty("intent", request.getAsJsonObject("intent").get("name").getAsString());
            view.addProperty("confirmationStatus", request.getAsJsonObject("intent").get("confirmationStatus")
                    .getAsString());
        }
        if (request.has("dialogState")) {
            view.addProperty("dialogState", request.get("dialogState").getAsString());
        }
        view.addProperty("status", call.status());
        view.addProperty("millis", call.millis());
        JsonObject response = call.response();
        view.addProperty("speech", response == null ? "" : AlexaRequests.speech(response));
        view.addProperty("ssml", response == null ? "" : ssml(response));
        JsonObject body = response != null && response.has("response") && response.get("response").isJsonObject()
                ? response.getAsJsonObject("response") : new JsonObject();
        if (body.has("card") && body.get("card").isJsonObject()) {
            JsonObject card = body.getAsJsonObject("card");
            JsonObject c = new JsonObject();
            c.addProperty("type", text(card, "type"));
            c.addProperty("title", text(card, "title"));
            c.addProperty("text", card.has("content") ? text(card, "content") : text(card, "text"));
            view.add("card", c);
        }
        JsonArray directives = new JsonArray();
        if (body.has("directives") && body.get("directives").isJsonArray()) {
            for (JsonElement element : body.getAsJsonArray("directives")) {
                directives.add(directive(element.getAsJsonObject()));
            }
        }
        view.add("directives", directives);
        JsonArray progressive = new JsonArray();
        session.directivesFor(requestId).forEach(d -> {
            JsonObject p = new JsonObject();
            p.addProperty("type", d.get("type").getAsString());
            p.addProperty("speech", plain(d.get("speech").getAsString()));
            progressive.add(p);
        });
        view.add("progressive", progressive);
        view.addProperty("request", Http.GSON.newBuilder().setPrettyPrinting().create()
                .toJson(Redaction.json(call.request())));
        view.addProperty("response", response == null ? "(no JSON)" : Http.GSON.newBuilder().setPrettyPrinting()
                .create().toJson(Redaction.json(response)));
        return view;
    }

    /** One directive: its type, and for an APL document the datasource's title and rows (a plain rendering). */
    static JsonObject directive(JsonObject directive) {
        JsonObject view = new JsonObject();
        String type = text(directive, "type");
        view.addProperty("type", type);
        if (type.startsWith("Dialog.")) {
            String slot = directive.has("slotToElicit") ? text(directive, "slotToElicit")
                    : directive.has("slotToConfirm") ? text(directive, "slotToConfirm") : "";
            view.addProperty("detail", slot.isEmpty() ? "" : "slot " + slot);
        }
        if (type.equals("Alexa.Presentation.APL.RenderDocument") && directive.has("datasources")
                && directive.get("datasources").isJsonObject()) {
            JsonObject datasources = directive.getAsJsonObject("datasources");
            for (String name : datasources.keySet()) {
                JsonElement source = datasources.get(name);
                if (!source.isJsonObject()) {
                    continue;
                }
                JsonObject list = source.getAsJsonObject();
                JsonObject screen = new JsonObject();
                screen.addProperty("title", text(list, "title"));
                JsonArray rows = new JsonArray();
                if (list.has("rows") && list.get("rows").isJsonArray()) {
                    for (JsonElement row : list.getAsJsonArray("rows")) {
                        if (row.isJsonObject()) {
                            JsonObject r = new JsonObject();
                            r.addProperty("primary", text(row.getAsJsonObject(), "primary"));
                            r.addProperty("secondary", text(row.getAsJsonObject(), "secondary"));
                            r.addProperty("value", text(row.getAsJsonObject(), "value"));
                            rows.add(r);
                        }
                    }
                }
                screen.add("rows", rows);
                view.add("screen", screen);
                break;
            }
            view.addProperty("detail", "token " + text(directive, "token"));
        }
        return view;
    }

    private static String ssml(JsonObject response) {
        JsonObject body = response.has("response") && response.get("response").isJsonObject()
                ? response.getAsJsonObject("response") : null;
        JsonObject speech = body != null && body.has("outputSpeech") && body.get("outputSpeech").isJsonObject()
                ? body.getAsJsonObject("outputSpeech") : null;
        return speech == null ? "" : speech.has("ssml") ? text(speech, "ssml") : text(speech, "text");
    }

    /** SSML as text, the way {@link AlexaRequests#speech} reads a response. */
    private static String plain(String ssml) {
        JsonObject speech = new JsonObject();
        speech.addProperty("type", "SSML");
        speech.addProperty("ssml", ssml);
        JsonObject body = new JsonObject();
        body.add("outputSpeech", speech);
        JsonObject envelope = new JsonObject();
        envelope.add("response", body);
        return AlexaRequests.speech(envelope);
    }

    private static String text(JsonObject owner, String name) {
        return owner.has(name) && owner.get(name).isJsonPrimitive() ? owner.get(name).getAsString() : "";
    }
}
