package io.github.asflink.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T19:03:58.390Z");

    private static HttpApiEvents.Request request(String contentType, String body) {
        List<Map.Entry<String, String>> headers = new java.util.ArrayList<>(List.of(
                Map.entry("Host", "127.0.0.1:3000"),
                Map.entry("User-Agent", "Apache-HttpClient/UNAVAILABLE"),
                Map.entry("Accept", "application/json"),
                Map.entry("X-Repeated", "one"),
                Map.entry("x-repeated", "two"),
                Map.entry("Cookie", "a=1; b=2")));
        if (contentType != null) {
            headers.add(Map.entry("Content-Type", contentType));
        }
        return new HttpApiEvents.Request("POST", "/token", "x=1&y=a%20b&x=2", headers,
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1");
    }

    @Test
    void buildsAPayload2EventAsApiGatewayDoes() {
        JsonObject event = HttpApiEvents.toEvent(request("application/json", "{\"a\":1}"), "POST /token", NOW);
        assertEquals("2.0", event.get("version").getAsString());
        assertEquals("POST /token", event.get("routeKey").getAsString());
        assertEquals("/token", event.get("rawPath").getAsString());
        assertEquals("x=1&y=a%20b&x=2", event.get("rawQueryString").getAsString());
        JsonObject headers = event.getAsJsonObject("headers");
        assertEquals("127.0.0.1:3000", headers.get("host").getAsString());
        assertEquals("one,two", headers.get("x-repeated").getAsString(), "repeats joined with commas");
        assertFalse(headers.has("cookie"), "cookies move to the cookies array");
        assertEquals("[\"a=1\",\"b=2\"]", event.getAsJsonArray("cookies").toString());
        headers.keySet().forEach(name -> assertEquals(name.toLowerCase(), name));
        assertEquals("1,2", event.getAsJsonObject("queryStringParameters").get("x").getAsString());
        assertEquals("a b", event.getAsJsonObject("queryStringParameters").get("y").getAsString());
        JsonObject context = event.getAsJsonObject("requestContext");
        assertEquals("$default", context.get("stage").getAsString());
        assertEquals("POST /token", context.get("routeKey").getAsString());
        assertEquals(NOW.toEpochMilli(), context.get("timeEpoch").getAsLong());
        assertEquals("01/Dec/2026:19:03:58 +0000", context.get("time").getAsString());
        assertFalse(context.get("requestId").getAsString().isEmpty());
        JsonObject http = context.getAsJsonObject("http");
        assertEquals("POST", http.get("method").getAsString());
        assertEquals("/token", http.get("path").getAsString());
        assertEquals("HTTP/1.1", http.get("protocol").getAsString());
        assertEquals("127.0.0.1", http.get("sourceIp").getAsString());
        assertEquals("Apache-HttpClient/UNAVAILABLE", http.get("userAgent").getAsString());
        assertEquals("{\"a\":1}", event.get("body").getAsString());
        assertFalse(event.get("isBase64Encoded").getAsBoolean());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
            "application/x-www-form-urlencoded;charset=UTF-8, true",
            "application/x-www-form-urlencoded, true",
            "NONE, true",
            "application/octet-stream, true",
            "application/json, false",
            "application/json; charset=utf-8, false",
            "text/plain, false",
            "application/xml, false",
            "application/javascript, false"})
    void base64EncodesEveryBodyButTextJsonXmlAndJavascript(String contentType, boolean base64) {
        String body = "grant_type=authorization_code&code=a%2Bb%3D";
        JsonObject event = HttpApiEvents.toEvent(request(contentType, body), "POST /token", NOW);
        assertEquals(base64, event.get("isBase64Encoded").getAsBoolean());
        String sent = event.get("body").getAsString();
        assertEquals(body, base64 ? new String(Base64.getDecoder().decode(sent), StandardCharsets.UTF_8) : sent);
    }

    @Test
    void anEmptyBodyIsLeftOut() {
        JsonObject event = HttpApiEvents.toEvent(request("application/x-www-form-urlencoded", ""), "POST /token", NOW);
        assertFalse(event.has("body"));
        assertFalse(event.get("isBase64Encoded").getAsBoolean());
    }

    @Test
    void readsAFullResponseWithABase64Body() {
        HttpApiEvents.Response response = HttpApiEvents.toResponse(("{\"statusCode\":201,\"headers\":"
                + "{\"Cache-Control\":\"no-store\"},\"cookies\":[\"s=1\"],\"body\":\"aGk=\",\"isBase64Encoded\":true}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(201, response.status());
        assertEquals("no-store", response.headers().get("Cache-Control"));
        assertEquals(List.of("s=1"), response.cookies());
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), response.body());
    }

    @Test
    void infersA200JsonResponseWithoutStatusCodeAndA500ForNonJson() {
        HttpApiEvents.Response inferred = HttpApiEvents.toResponse("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, inferred.status());
        assertEquals("application/json", inferred.headers().get("content-type"));
        assertEquals("{\"ok\":true}", new String(inferred.body(), StandardCharsets.UTF_8));
        assertEquals(500, HttpApiEvents.toResponse("not json {".getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(500, HttpApiEvents.toResponse(new byte[0]).status());
        assertEquals(500, HttpApiEvents.toResponse("{\"statusCode\":99}".getBytes(StandardCharsets.UTF_8)).status());
    }

    @Test
    void textTypesIgnoreCaseAndParameters() {
        assertTrue(HttpApiEvents.isText("Application/JSON; charset=UTF-8"));
        assertTrue(HttpApiEvents.isText("text/html"));
        assertFalse(HttpApiEvents.isText("application/x-www-form-urlencoded"));
        assertFalse(HttpApiEvents.isText(null));
    }
}
