package io.github.asflink.local.simulator;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The Alexa side of every request the local runner sends (the simulator page's and the demo's): the skill, the user
 * with the linked token, the device (with a screen when asked: the APL interface and a viewport) and Alexa's directive
 * service ({@code apiEndpoint} and an {@code apiAccessToken}, a secret the skill must not log; none for the demo).
 */
public record AlexaDevice(String skillId, String userAccessToken, boolean screen, String apiEndpoint,
                          String apiAccessToken) {
    private static final String USER_ID = "amzn1.ask.account.SIMULATOR";

    @Override
    public String toString() {
        return "AlexaDevice[" + skillId + ", screen=" + screen + ", " + apiEndpoint + "]";
    }

    /** A request of {@code type} with a fresh request id and the current time. */
    public static JsonObject request(String type) {
        JsonObject request = new JsonObject();
        request.addProperty("type", type);
        request.addProperty("requestId", "amzn1.echo-api.request." + UUID.randomUUID());
        request.addProperty("locale", "en-US");
        request.addProperty("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return request;
    }

    /** The envelope around {@code request} for a session ({@code attributes} as the skill last left them). */
    public JsonObject envelope(JsonObject request, String sessionId, boolean newSession, JsonObject attributes) {
        JsonObject application = new JsonObject();
        application.addProperty("applicationId", skillId);
        JsonObject user = new JsonObject();
        user.addProperty("userId", USER_ID);
        if (userAccessToken != null) {
            user.addProperty("accessToken", userAccessToken);
        }
        JsonObject session = new JsonObject();
        session.addProperty("new", newSession);
        session.addProperty("sessionId", sessionId);
        session.add("application", application.deepCopy());
        session.add("attributes", attributes.deepCopy());
        session.add("user", user.deepCopy());

        JsonObject interfaces = new JsonObject();
        JsonObject device = new JsonObject();
        device.addProperty("deviceId", "amzn1.ask.device.SIMULATOR");
        JsonObject system = new JsonObject();
        system.add("application", application);
        system.add("user", user);
        system.add("device", device);
        system.addProperty("apiEndpoint", apiEndpoint);
        if (apiAccessToken != null) {
            system.addProperty("apiAccessToken", apiAccessToken);
        }
        JsonObject context = new JsonObject();
        context.add("System", system);
        if (screen) {
            JsonObject apl = new JsonObject();
            JsonObject runtime = new JsonObject();
            runtime.addProperty("maxVersion", "2024.2");
            apl.add("runtime", runtime);
            interfaces.add("Alexa.Presentation.APL", apl);
            JsonObject viewport = new JsonObject();
            viewport.addProperty("shape", "RECTANGLE");
            viewport.addProperty("pixelWidth", 1280);
            viewport.addProperty("pixelHeight", 800);
            viewport.addProperty("dpi", 160);
            viewport.addProperty("currentPixelWidth", 1280);
            viewport.addProperty("currentPixelHeight", 800);
            context.add("Viewport", viewport);
        }
        device.add("supportedInterfaces", interfaces);

        JsonObject envelope = new JsonObject();
        envelope.addProperty("version", "1.0");
        envelope.add("session", session);
        envelope.add("context", context);
        envelope.add("request", request);
        return envelope;
    }
}
