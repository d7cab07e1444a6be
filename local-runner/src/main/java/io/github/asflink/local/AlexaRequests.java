package io.github.asflink.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.simulator.AlexaDevice;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alexa request envelopes as the Alexa service sends them to a skill (version 1.0, session, context.System with the
 * linked user's access token, request), and the bits of a response envelope a person reads (speech, card).
 */
public final class AlexaRequests {
    /** The demo's skill id; the demo sets SKILL_ID to it, so the skill's id check is exercised. */
    public static final String DEMO_SKILL_ID = "amzn1.ask.skill.00000000-0000-4000-8000-0000000de300";
    private static final Pattern SAY_AS_DATE =
            Pattern.compile("<say-as interpret-as=\"date\"[^>]*>([^<]*)</say-as>");

    private AlexaRequests() {
    }

    public static JsonObject launch(String skillId, String accessToken) {
        return envelope(skillId, accessToken, AlexaDevice.request("LaunchRequest"), true);
    }

    /** An IntentRequest; {@code slots} maps slot names to values; {@code confirmation} is NONE, CONFIRMED or DENIED. */
    public static JsonObject intent(String skillId, String accessToken, String name, Map<String, String> slots,
                                    String confirmation) {
        JsonObject request = AlexaDevice.request("IntentRequest");
        request.addProperty("dialogState", slots.isEmpty() ? "STARTED" : "COMPLETED");
        JsonObject intent = new JsonObject();
        intent.addProperty("name", name);
        intent.addProperty("confirmationStatus", confirmation);
        JsonObject slotsJson = new JsonObject();
        slots.forEach((slotName, value) -> {
            JsonObject slot = new JsonObject();
            slot.addProperty("name", slotName);
            slot.addProperty("value", value);
            slot.addProperty("confirmationStatus", "NONE");
            slot.addProperty("source", "USER");
            slotsJson.add(slotName, slot);
        });
        intent.add("slots", slotsJson);
        request.add("intent", intent);
        return envelope(skillId, accessToken, request, false);
    }

    /**
     * The same envelope pointed at a directive service: {@code context.System.apiEndpoint} and the
     * {@code apiAccessToken} Alexa gives each request (a secret). The local runner passes its own origin, where
     * {@code POST /v1/directives} stands in for Alexa's.
     */
    public static JsonObject withDirectiveService(JsonObject envelope, String apiEndpoint, String apiAccessToken) {
        JsonObject copy = envelope.deepCopy();
        JsonObject system = copy.getAsJsonObject("context").getAsJsonObject("System");
        system.addProperty("apiEndpoint", apiEndpoint);
        system.addProperty("apiAccessToken", apiAccessToken);
        return copy;
    }

    /** One builder for every envelope the runner sends; the demo's device has no screen and no directive service. */
    private static JsonObject envelope(String skillId, String accessToken, JsonObject request, boolean newSession) {
        return new AlexaDevice(skillId, accessToken, false, "https://api.amazonalexa.com", null)
                .envelope(request, "amzn1.echo-api.session.demo", newSession, new JsonObject());
    }

    /** What the skill said, as plain text: SSML tags removed and entities decoded. Empty when it said nothing. */
    public static String speech(JsonObject responseEnvelope) {
        JsonObject speech = object(object(responseEnvelope, "response"), "outputSpeech");
        if (speech == null) {
            return "";
        }
        if (speech.has("ssml")) {
            String ssml = spokenDates(speech.get("ssml").getAsString()).replaceAll("<[^>]+>", "");
            return ssml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                    .replace("&amp;", "&").strip();
        }
        return speech.has("text") ? speech.get("text").getAsString().strip() : "";
    }

    /**
     * {@code <say-as interpret-as="date">????1206</say-as>} read out as Alexa would: "December 6" (with the year if
     * given).
     */
    private static String spokenDates(String ssml) {
        Matcher m = SAY_AS_DATE.matcher(ssml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1);
            String spoken = value;
            if (value.matches("[0-9?]{4}\\d{4}")) {
                Month month = Month.of(Math.max(1, Math.min(12, Integer.parseInt(value.substring(4, 6)))));
                spoken = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                        + Integer.parseInt(value.substring(6, 8))
                        + (value.startsWith("????") ? "" : ", " + value.substring(0, 4));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(spoken));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The card's type ({@code LinkAccount}, {@code Simple}, ...) or empty. */
    public static String cardType(JsonObject responseEnvelope) {
        JsonObject card = object(object(responseEnvelope, "response"), "card");
        return card == null || !card.has("type") ? "" : card.get("type").getAsString();
    }

    /** The directive types ({@code Dialog.ConfirmIntent}, ...) as a comma list, or empty. */
    public static String directives(JsonObject responseEnvelope) {
        JsonObject response = object(responseEnvelope, "response");
        if (response == null || !response.has("directives") || !response.get("directives").isJsonArray()) {
            return "";
        }
        JsonArray directives = response.getAsJsonArray("directives");
        StringBuilder out = new StringBuilder();
        for (JsonElement d : directives) {
            if (d.isJsonObject() && d.getAsJsonObject().has("type")) {
                out.append(out.isEmpty() ? "" : ", ").append(d.getAsJsonObject().get("type").getAsString());
            }
        }
        return out.toString();
    }

    public static JsonObject parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static JsonObject object(JsonObject parent, String name) {
        if (parent == null || !parent.has(name) || !parent.get(name).isJsonObject()) {
            return null;
        }
        return parent.getAsJsonObject(name);
    }
}
