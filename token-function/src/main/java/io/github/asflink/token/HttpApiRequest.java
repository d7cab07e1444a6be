package io.github.asflink.token;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an API Gateway HTTP API (payload format 2.0) event the token endpoint uses. Read with Gson's streaming
 * reader straight from Lambda's input: no events POJO and no reflection, which keeps cold start short.
 *
 * @param headers lower-cased names, as API Gateway sends them; repeated headers arrive comma-joined
 * @param body    as sent, still base64 when {@code base64Encoded}
 */
record HttpApiRequest(String method, Map<String, String> headers, String body, boolean base64Encoded,
        String requestId) {

    HttpApiRequest {
        headers = Map.copyOf(headers);
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    static HttpApiRequest read(InputStream event) throws IOException {
        String method = null;
        String body = null;
        boolean base64 = false;
        String requestId = null;
        Map<String, String> headers = new HashMap<>();
        try (JsonReader reader = new JsonReader(new InputStreamReader(event, StandardCharsets.UTF_8))) {
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "body" -> body = nullableString(reader);
                    case "isBase64Encoded" -> base64 = nullableBoolean(reader);
                    case "headers" -> readHeaders(reader, headers);
                    case "requestContext" -> {
                        String[] context = readRequestContext(reader);
                        method = context[0];
                        requestId = context[1];
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
        } catch (IllegalStateException | NumberFormatException e) {
            // Gson reports a wrong token type this way; the event itself is broken, not the client's request.
            throw new IOException("event is not an HTTP API payload 2.0 event", e);
        }
        return new HttpApiRequest(method, headers, body, base64, requestId);
    }

    private static void readHeaders(JsonReader reader, Map<String, String> headers) throws IOException {
        if (reader.peek() == JsonToken.NULL) {
            reader.nextNull();
            return;
        }
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName().toLowerCase(Locale.ROOT);
            String value = nullableString(reader);
            if (value != null) {
                headers.merge(name, value, (a, b) -> a + "," + b);
            }
        }
        reader.endObject();
    }

    /** Returns {method, requestId}. */
    private static String[] readRequestContext(JsonReader reader) throws IOException {
        String[] result = new String[2];
        if (reader.peek() == JsonToken.NULL) {
            reader.nextNull();
            return result;
        }
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "requestId" -> result[1] = nullableString(reader);
                case "http" -> {
                    if (reader.peek() == JsonToken.NULL) {
                        reader.nextNull();
                        continue;
                    }
                    reader.beginObject();
                    while (reader.hasNext()) {
                        if (reader.nextName().equals("method")) {
                            result[0] = nullableString(reader);
                        } else {
                            reader.skipValue();
                        }
                    }
                    reader.endObject();
                }
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return result;
    }

    private static String nullableString(JsonReader reader) throws IOException {
        if (reader.peek() == JsonToken.NULL) {
            reader.nextNull();
            return null;
        }
        return reader.nextString();
    }

    private static boolean nullableBoolean(JsonReader reader) throws IOException {
        if (reader.peek() == JsonToken.NULL) {
            reader.nextNull();
            return false;
        }
        return reader.nextBoolean();
    }

    @Override
    public String toString() {
        // The body and the Authorization header carry secrets.
        return "HttpApiRequest[method=" + method + ", requestId=" + requestId + "]";
    }
}
