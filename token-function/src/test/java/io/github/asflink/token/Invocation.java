package io.github.asflink.token;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One call of a stream handler, as the Lambda runtime makes it: event bytes in, response bytes out. */
record Invocation(int status, Map<String, String> headers, JsonObject body, String rawBody, List<String> logLines) {

    static Invocation of(RequestStreamHandler handler, String eventJson) {
        return of(handler, eventJson, new CapturingContext());
    }

    static Invocation of(RequestStreamHandler handler, String eventJson, CapturingContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonObject response = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        Map<String, String> headers = new HashMap<>();
        response.getAsJsonObject("headers").entrySet()
                .forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue().getAsString()));
        String rawBody = response.get("body").getAsString();
        return new Invocation(response.get("statusCode").getAsInt(), headers,
                JsonParser.parseString(rawBody).getAsJsonObject(), rawBody, context.capturedLogger().lines());
    }

    String string(String member) {
        return body.has(member) && !body.get(member).isJsonNull() ? body.get(member).getAsString() : null;
    }

    String error() {
        return string("error");
    }

    JsonObject logLine() {
        if (logLines.size() != 1) {
            throw new AssertionError("expected one log line, got " + logLines.size());
        }
        return JsonParser.parseString(logLines.get(0)).getAsJsonObject();
    }
}
