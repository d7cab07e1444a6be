package io.github.asflink.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts HTTP requests to API Gateway HTTP API events (payload format 2.0) and function results back, the way API
 * Gateway does: header names lower-cased and repeated values joined with commas, {@code Cookie} moved to {@code
 * cookies}, query parameters decoded, and the body base64-encoded unless its Content-Type is {@code text/*}, {@code
 * application/json}, {@code application/xml} or {@code application/javascript} (so a form body and a body without
 * Content-Type arrive base64-encoded, as real API Gateway delivers them).
 */
public final class HttpApiEvents {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An HTTP request as received; headers keep their order, names in any case, one entry per value. */
    public record Request(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                          byte[] body, String sourceIp, String protocol) {
    }

    /** What goes back to the HTTP client. */
    public record Response(int status, Map<String, String> headers, List<String> cookies, byte[] body) {
    }

    private HttpApiEvents() {
    }

    public static JsonObject toEvent(Request request, String routeKey, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
                continue;
            }
            headers.merge(name, header.getValue(), (a, b) -> a + "," + b);
        }
        headers.merge("x-forwarded-for", request.sourceIp(), (a, b) -> a + ", " + b);
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-amzn-trace-id", "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + hex(12));

        JsonObject event = new JsonObject();
        event.addProperty("version", "2.0");
        event.addProperty("routeKey", routeKey);
        event.addProperty("rawPath", request.rawPath());
        event.addProperty("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        if (!cookies.isEmpty()) {
            event.add("cookies", Http.GSON.toJsonTree(cookies));
        }
        event.add("headers", Http.GSON.toJsonTree(headers));
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : request.rawQuery().split("&")) {
                if (!pair.isEmpty()) {
                    Http.parseForm(pair).forEach((k, v) -> parameters.merge(k, v, (a, b) -> a + "," + b));
                }
            }
            event.add("queryStringParameters", Http.GSON.toJsonTree(parameters));
        }

        String host = headers.getOrDefault("host", "localhost");
        String domainName = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        JsonObject http = new JsonObject();
        http.addProperty("method", request.method());
        http.addProperty("path", java.net.URLDecoder.decode(request.rawPath().replace("+", "%2B"),
                StandardCharsets.UTF_8));
        http.addProperty("protocol", request.protocol());
        http.addProperty("sourceIp", request.sourceIp());
        http.addProperty("userAgent", headers.getOrDefault("user-agent", ""));
        JsonObject context = new JsonObject();
        context.addProperty("accountId", "123456789012");
        context.addProperty("apiId", "local");
        context.addProperty("domainName", domainName);
        context.addProperty("domainPrefix", domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.'))
                : domainName);
        context.add("http", http);
        context.addProperty("requestId", random(14) + "=");
        context.addProperty("routeKey", routeKey);
        context.addProperty("stage", "$default");
        context.addProperty("time", REQUEST_TIME.format(now));
        context.addProperty("timeEpoch", now.toEpochMilli());
        event.add("requestContext", context);

        if (request.body().length > 0) {
            if (isText(headers.get("content-type"))) {
                event.addProperty("body", new String(request.body(), StandardCharsets.UTF_8));
                event.addProperty("isBase64Encoded", false);
            } else {
                event.addProperty("body", Base64.getEncoder().encodeToString(request.body()));
                event.addProperty("isBase64Encoded", true);
            }
        } else {
            event.addProperty("isBase64Encoded", false);
        }
        return event;
    }

    /** The content types API Gateway passes as text (parameters such as {@code charset} don't matter). */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.equals("application/xml")
                || type.equals("application/javascript");
    }

    /**
     * Reads a payload 2.0 function result: an object with {@code statusCode} is a full response; any other valid
     * JSON is a 200 {@code application/json} body, as API Gateway infers it; anything else is a 500.
     */
    public static Response toResponse(byte[] output) {
        JsonElement result;
        try {
            result = JsonParser.parseString(new String(output, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            return internalServerError();
        }
        if (result.isJsonNull() || output.length == 0) {
            return internalServerError();
        }
        if (!result.isJsonObject() || !result.getAsJsonObject().has("statusCode")) {
            return new Response(200, Map.of("content-type", "application/json"), List.of(),
                    output);
        }
        JsonObject response = result.getAsJsonObject();
        int status;
        try {
            status = response.get("statusCode").getAsInt();
        } catch (RuntimeException e) {
            return internalServerError();
        }
        if (status < 100 || status > 599) {
            return internalServerError();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (response.has("headers") && response.get("headers").isJsonObject()) {
            response.getAsJsonObject("headers").entrySet().forEach(h ->
                    headers.put(h.getKey(), h.getValue().isJsonNull() ? "" : h.getValue().getAsString()));
        }
        List<String> cookies = new ArrayList<>();
        if (response.has("cookies") && response.get("cookies").isJsonArray()) {
            response.getAsJsonArray("cookies").forEach(c -> cookies.add(c.getAsString()));
        }
        byte[] body = new byte[0];
        if (response.has("body") && !response.get("body").isJsonNull()) {
            String text = response.get("body").getAsString();
            boolean base64 = response.has("isBase64Encoded") && response.get("isBase64Encoded").getAsBoolean();
            try {
                body = base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return internalServerError();
            }
        }
        return new Response(status, headers, cookies, body);
    }

    public static Response internalServerError() {
        return new Response(500, Map.of("content-type", "application/json"), List.of(),
                "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
    }

    public static Response notFound() {
        return new Response(404, Map.of("content-type", "application/json"), List.of(),
                "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        StringBuilder out = new StringBuilder();
        for (byte x : b) {
            out.append(String.format("%02x", x));
        }
        return out.toString();
    }
}
