package io.github.asflink.token;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The token request's parameters, from a form or a JSON body. Alexa sends a form; other clients (and some test
 * tools) send JSON, with or without a Content-Type, so the form of the body is detected when the header is missing.
 */
final class RequestParameters {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private final Map<String, String> values;

    private RequestParameters(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The value, or null when absent or empty: an empty parameter is treated as omitted (RFC 6749 §3.1). */
    String get(String name) {
        return values.get(name);
    }

    static RequestParameters of(HttpApiRequest request) throws TokenError {
        String body = decodedBody(request);
        if (body.isBlank()) {
            return new RequestParameters(Map.of());
        }
        String contentType = request.header("content-type");
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean json = switch (mediaType) {
            case "application/json" -> true;
            case "application/x-www-form-urlencoded" -> false;
            default -> body.stripLeading().startsWith("{"); // missing or unhelpful Content-Type: look at the body
        };
        return new RequestParameters(json ? fromJson(body) : fromForm(body));
    }

    private static String decodedBody(HttpApiRequest request) throws TokenError {
        String body = request.body();
        if (body == null) {
            return "";
        }
        if (!request.base64Encoded()) {
            // A char is one to three UTF-8 bytes: count the bytes only when the length alone cannot tell.
            if (body.length() > MAX_BODY_BYTES || (body.length() > MAX_BODY_BYTES / 3
                    && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES)) {
                throw TokenError.tooLarge(MAX_BODY_BYTES);
            }
            return body;
        }
        if (body.length() > (MAX_BODY_BYTES / 3 + 1) * 4 + 4) { // no need to decode what is too large anyway
            throw TokenError.tooLarge(MAX_BODY_BYTES);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw TokenError.invalidRequest("body is marked base64 but is not");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw TokenError.tooLarge(MAX_BODY_BYTES);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, String> fromForm(String body) throws TokenError {
        Collected values = new Collected();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.put(name, value);
        }
        return values.values;
    }

    /**
     * Read with the streaming reader, not a JSON tree: a tree keeps only the last of two members with the same name,
     * hiding a repeated parameter. A nested value is refused where it starts, so depth never matters.
     */
    private static Map<String, String> fromJson(String body) throws TokenError {
        Collected values = new Collected();
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                throw TokenError.invalidRequest("JSON body must be an object");
            }
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                switch (reader.peek()) {
                    case NULL -> {
                        reader.nextNull();
                        values.put(name, "");
                    }
                    case STRING -> values.put(name, reader.nextString());
                    default -> throw TokenError.invalidRequest("JSON parameters must be strings");
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw TokenError.invalidRequest("body is neither a form nor valid JSON");
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            // MalformedJsonException and EOFException are IOExceptions; a StringReader itself never fails
            throw TokenError.invalidRequest("body is neither a form nor valid JSON");
        }
        return values.values;
    }

    /** RFC 6749 §3.2: parameters must not be included more than once, even when one of them is empty. */
    private static final class Collected {
        private final Map<String, String> values = new HashMap<>();
        private final Set<String> names = new HashSet<>();

        void put(String name, String value) throws TokenError {
            if (!names.add(name)) {
                throw TokenError.invalidRequest("parameter " + safeName(name) + " is repeated");
            }
            if (!value.isEmpty()) {
                values.put(name, value);
            }
        }
    }

    private static String decode(String encoded) throws TokenError {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TokenError.invalidRequest("form body has a malformed percent-encoding");
        }
    }

    /** Parameter names are echoed in errors only when they are short plain words, never as raw input. */
    static String safeName(String name) {
        return name.matches("[A-Za-z_]{1,40}") ? name : "(unnamed)";
    }

    @Override
    public String toString() {
        return "RequestParameters" + values.keySet();
    }
}
