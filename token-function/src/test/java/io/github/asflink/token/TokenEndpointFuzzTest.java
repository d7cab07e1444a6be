package io.github.asflink.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import io.github.asflink.linkedtoken.LinkedToken;
import io.github.asflink.linkedtoken.LinkedTokenException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuzz target: the token function end to end, from the raw bytes of an HTTP API event to the bytes it answers, with
 * Salesforce in memory ({@link InMemorySalesforce}). For any input: a well-formed HTTP API response whose body is a
 * JSON object, a status from the documented set, {@code no-store}; a 200 only for a grant Salesforce made, carrying a
 * linked token; an outage answered with a 5xx; one log line; nothing sent to Salesforce for a rejected request or an
 * unlisted client; no secret, code or token of the request in the log line or an error body. Seeds: the sample events
 * in {@code events/token-*.json}, byte for byte.
 */
class TokenEndpointFuzzTest {

    private static final Set<Integer> STATUSES = Set.of(200, 400, 401, 405, 413, 500, 502, 503, 504);
    private static final Set<String> ALLOWED_CLIENTS = Set.of(WireMockSalesforce.TEST_CLIENT_IDS.split(","));
    private static final Set<String> SECRET_PARAMETERS = Set.of("client_secret", "code", "refresh_token",
            "code_verifier");
    /** Log fields that are not the request's values: ids API Gateway and Lambda assign. */
    private static final Set<String> ID_FIELDS = Set.of("requestId", "apiRequestId");
    private static final TokenConfig CONFIG =
            TokenConfig.fromEnvironment(WireMockSalesforce.environmentFor("https://login.salesforce.com"));

    @FuzzTest
    void anyEventGetsAWellFormedAnswer(byte[] event) throws IOException, LinkedTokenException {
        InMemorySalesforce salesforce = new InMemorySalesforce();
        CapturingContext context = new CapturingContext();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TokenHandler(CONFIG, salesforce).handleRequest(new ByteArrayInputStream(event), out, context);

        JsonObject response = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        int status = response.get("statusCode").getAsInt();
        assertTrue(STATUSES.contains(status), "undocumented status " + status);
        JsonObject headers = response.getAsJsonObject("headers");
        assertEquals("application/json;charset=UTF-8", headers.get("Content-Type").getAsString());
        assertEquals("no-store", headers.get("Cache-Control").getAsString());
        assertFalse(response.get("isBase64Encoded").getAsBoolean());
        String body = response.get("body").getAsString();
        JsonObject answer = JsonParser.parseString(body).getAsJsonObject();

        List<String> lines = context.capturedLogger().lines();
        assertEquals(1, lines.size(), "one log line per request");
        JsonObject line = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertEquals(status, line.get("status").getAsInt());

        List<InMemorySalesforce.Forwarded> calls = salesforce.forwarded();
        assertTrue(calls.size() <= 1, "more than one call to Salesforce");
        String outcome = line.get("outcome").getAsString();
        if (outcome.equals("rejected")) {
            assertTrue(calls.isEmpty(), "a rejected request was forwarded to Salesforce");
            assertTrue(status >= 400 && status < 500, "a rejection is a 4xx");
        }
        calls.forEach(call -> assertTrue(ALLOWED_CLIENTS.contains(call.form().get("client_id")),
                "an unlisted client id was forwarded"));

        if (status == 200) {
            assertEquals(1, calls.size(), "a 200 without Salesforce");
            assertTrue(calls.get(0).answer().isGoodGrant(calls.get(0).form()), "a 200 for " + calls.get(0).answer());
            LinkedToken linked = LinkedToken.split(answer.get("access_token").getAsString(),
                    InstanceUrlPolicy.defaults());
            assertEquals(InMemorySalesforce.ACCESS_TOKEN, linked.salesforceAccessToken());
            assertEquals("Bearer", answer.get("token_type").getAsString());
        } else {
            assertTrue(answer.has("error"), "an error answer without error");
            if (!calls.isEmpty() && calls.get(0).answer().isOutage()) {
                assertTrue(status >= 500, "an outage answered with " + status);
            }
        }

        List<String> secrets = secretsOf(event);
        calls.forEach(call -> call.form().forEach((name, value) -> {
            if (SECRET_PARAMETERS.contains(name)) {
                secrets.add(value);
            }
        }));
        String logged = loggedValues(line);
        for (String secret : secrets) {
            if (isDistinctive(secret)) {
                assertFalse(logged.contains(secret), "a request secret reached the log line");
                if (status != 200) {
                    assertFalse(body.contains(secret), "a request secret reached the error body");
                }
            }
        }
    }

    /** A value long and odd enough that it cannot be one of the function's own fixed words or numbers by chance. */
    private static boolean isDistinctive(String value) {
        return value != null && value.length() >= 8 && !value.matches("[A-Za-z_ ]*");
    }

    private static String loggedValues(JsonObject line) {
        StringBuilder text = new StringBuilder();
        line.entrySet().stream().filter(field -> !ID_FIELDS.contains(field.getKey()))
                .filter(field -> field.getValue().isJsonPrimitive())
                .forEach(field -> text.append(field.getValue().getAsString()).append('\n'));
        return text.toString();
    }

    /**
     * The secrets in the event, read here without the function's parser: the secret parameters of a form or JSON
     * body (decoded leniently) and the secret of a Basic header. Best effort: what cannot be read yields nothing.
     */
    private static List<String> secretsOf(byte[] event) {
        List<String> secrets = new ArrayList<>();
        try {
            JsonObject root = JsonParser.parseString(new String(event, StandardCharsets.UTF_8)).getAsJsonObject();
            String body = root.has("body") && root.get("body").isJsonPrimitive() ? root.get("body").getAsString() : "";
            if (root.has("isBase64Encoded") && root.get("isBase64Encoded").isJsonPrimitive()
                    && root.get("isBase64Encoded").getAsString().equals("true")) {
                body = new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
            }
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && SECRET_PARAMETERS.contains(lenientDecode(pair.substring(0, eq)))) {
                    secrets.add(lenientDecode(pair.substring(eq + 1)));
                }
            }
            if (body.stripLeading().startsWith("{")) {
                JsonElement json = JsonParser.parseString(body);
                if (json.isJsonObject()) {
                    for (Map.Entry<String, JsonElement> member : json.getAsJsonObject().entrySet()) {
                        if (SECRET_PARAMETERS.contains(member.getKey()) && member.getValue().isJsonPrimitive()) {
                            secrets.add(member.getValue().getAsString());
                        }
                    }
                }
            }
            if (root.has("headers") && root.get("headers").isJsonObject()) {
                for (Map.Entry<String, JsonElement> header : root.getAsJsonObject("headers").entrySet()) {
                    if (header.getKey().equalsIgnoreCase("authorization") && header.getValue().isJsonPrimitive()) {
                        String value = header.getValue().getAsString().trim();
                        String pair = new String(Base64.getDecoder().decode(value.substring(6).trim()),
                                StandardCharsets.UTF_8);
                        secrets.add(lenientDecode(pair.substring(pair.indexOf(':') + 1)));
                    }
                }
            }
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException
                 | UnsupportedOperationException | IndexOutOfBoundsException unreadable) {
            // not readable this way: the function's own answer is still checked above
        }
        return secrets;
    }

    private static String lenientDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
