package io.github.asflink.skill.alexa;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.util.JacksonSerializer;
import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asflink.skill.CapturingContext;
import java.io.IOException;

/** Alexa request envelopes for this package's tests, as the SDK reads them, and a Lambda context with time left. */
final class Envelopes {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REQUEST_ID = "amzn1.echo-api.request.7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    /** Alexa's apiAccessToken: a secret, like the linked token. */
    static final String ALEXA_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.ALEXA-API-SECRET.SIG";

    private static final JacksonSerializer SDK_JSON = new JacksonSerializer();

    private Envelopes() {
    }

    /** An IntentRequest envelope; {@code apiEndpoint}, {@code apiAccessToken} and {@code interfaces} may be null. */
    static ObjectNode envelope(String apiEndpoint, String apiAccessToken, String interfaces) {
        ObjectNode envelope = JSON.createObjectNode().put("version", "1.0");
        ObjectNode system = envelope.putObject("context").putObject("System");
        system.putObject("application").put("applicationId", "amzn1.ask.skill.8f3b1c2e-5d4a-4e9b-9c7f-1a2b3c4d5e6f");
        system.putObject("user").put("userId", "amzn1.ask.account.TEST");
        ObjectNode device = system.putObject("device").put("deviceId", "amzn1.ask.device.TEST");
        try {
            device.set("supportedInterfaces", JSON.readTree(interfaces == null ? "{}" : interfaces));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        if (apiEndpoint != null) {
            system.put("apiEndpoint", apiEndpoint);
        }
        if (apiAccessToken != null) {
            system.put("apiAccessToken", apiAccessToken);
        }
        ObjectNode request = envelope.putObject("request").put("type", "IntentRequest").put("requestId", REQUEST_ID)
                .put("timestamp", "2026-12-01T18:30:00Z").put("locale", "en-US");
        request.putObject("intent").put("name", "DealStatusIntent").put("confirmationStatus", "NONE")
                .putObject("slots");
        return envelope;
    }

    static HandlerInput input(ObjectNode envelope, Object lambdaContext) {
        try {
            RequestEnvelope parsed = SDK_JSON.deserialize(JSON.writeValueAsString(envelope), RequestEnvelope.class);
            return HandlerInput.builder().withRequestEnvelope(parsed).withContext(lambdaContext).build();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A Lambda context that reports {@code remainingMs} left of the invocation. */
    static Context remaining(int remainingMs) {
        return new CapturingContext("c0ffee00-0000-4000-8000-000000000002", remainingMs);
    }
}
