package io.github.asflink.token;

import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds HTTP API payload 2.0 events the way API Gateway sends them, for cases the sample events don't cover. */
final class HttpApiEventBuilder {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private String method = "POST";
    private String body;
    private boolean base64;

    static HttpApiEventBuilder post() {
        return new HttpApiEventBuilder();
    }

    static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    static String basic(String clientId, String clientSecret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    HttpApiEventBuilder method(String value) {
        method = value;
        return this;
    }

    HttpApiEventBuilder header(String name, String value) {
        headers.put(name.toLowerCase(), value);
        return this;
    }

    /** A form body, base64-encoded as the HTTP API does for form bodies. */
    HttpApiEventBuilder formBody(String form) {
        headers.put("content-type", "application/x-www-form-urlencoded;charset=UTF-8");
        body = Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8));
        base64 = true;
        return this;
    }

    HttpApiEventBuilder rawBody(String value, boolean isBase64) {
        body = value;
        base64 = isBase64;
        return this;
    }

    String json() {
        JsonObject event = new JsonObject();
        event.addProperty("version", "2.0");
        event.addProperty("routeKey", method + " /token");
        event.addProperty("rawPath", "/token");
        event.addProperty("rawQueryString", "");
        JsonObject h = new JsonObject();
        headers.forEach(h::addProperty);
        event.add("headers", h);
        JsonObject http = new JsonObject();
        http.addProperty("method", method);
        http.addProperty("path", "/token");
        http.addProperty("protocol", "HTTP/1.1");
        http.addProperty("sourceIp", "54.240.197.233");
        JsonObject context = new JsonObject();
        context.add("http", http);
        context.addProperty("requestId", "test-api-request");
        context.addProperty("stage", "$default");
        event.add("requestContext", context);
        if (body != null) {
            event.addProperty("body", body);
        }
        event.addProperty("isBase64Encoded", base64);
        return event.toString();
    }
}
