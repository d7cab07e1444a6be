package io.github.asflink.token;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.asflink.token.HttpApiEventBuilder.basic;
import static io.github.asflink.token.HttpApiEventBuilder.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One structured line per request, and no secret in any line or error body. */
class AccessLogTest {

    static final String SECRET = "CLIENTSECRETb1e2+/=";
    static final String CODE = "AUTHCODEaPrx7791+/=";
    static final String VERIFIER = "CODEVERIFIERqq12-._~";
    static final String REFRESH = "REFRESHTOKEN5Aep861+/=";
    static final String JWT = WireMockSalesforce.jwtGrant().get("access_token").getAsString();
    static final List<String> SECRETS = List.of(SECRET, CODE, VERIFIER, REFRESH, WireMockSalesforce.ACCESS_TOKEN,
            "5Aep861SFrefreshToken.rotated", JWT);

    private static WireMockSalesforce salesforce;

    @BeforeAll
    static void start() {
        salesforce = new WireMockSalesforce();
    }

    @AfterAll
    static void stop() {
        salesforce.close();
    }

    private static void assertNoSecretIn(String text) {
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), "a secret leaked into: " + text);
            // also their encoded forms
            assertFalse(text.contains(java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8)),
                    "an encoded secret leaked into: " + text);
        }
    }

    @Test
    void grantedRequestLogsOneStructuredLineWithoutSecrets() {
        salesforce.reset();
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));
        CapturingContext context = new CapturingContext();
        Invocation answer = Invocation.of(salesforce.handler(), HttpApiEventBuilder.post()
                .header("authorization", basic("alexa-client", SECRET))
                .formBody(form("grant_type", "authorization_code", "code", CODE, "code_verifier", VERIFIER)).json());

        JsonObject line = answer.logLine();
        assertEquals("token_request", line.get("event").getAsString());
        assertEquals("authorization_code", line.get("grantType").getAsString());
        assertEquals("http_basic", line.get("clientAuth").getAsString());
        assertEquals("granted", line.get("outcome").getAsString());
        assertEquals(200, line.get("status").getAsInt());
        assertEquals(200, line.get("upstreamStatus").getAsInt());
        assertTrue(line.get("upstreamLatencyMs").getAsLong() >= 0);
        assertTrue(line.get("latencyMs").getAsLong() >= line.get("upstreamLatencyMs").getAsLong());
        assertTrue(line.has("requestId") && !line.get("requestId").getAsString().isBlank());
        assertEquals("test-api-request", line.get("apiRequestId").getAsString());
        assertNoSecretIn(answer.logLines().get(0));
        assertNoSecretIn(answer.string("access_token").replace(WireMockSalesforce.ACCESS_TOKEN, "")); // sanity
    }

    @Test
    void levelFollowsTheOutcome() {
        salesforce.reset();
        salesforce.answers(aResponse().withStatus(500));
        CapturingContext context = new CapturingContext();
        new TokenHandlerProbe(salesforce.handler()).call(HttpApiEventBuilder.post().formBody(form("grant_type",
                "refresh_token", "refresh_token", REFRESH, "client_id", "c", "client_secret", SECRET)).json(), context);
        assertEquals(List.of(LogLevel.ERROR), context.capturedLogger().levels());

        CapturingContext rejected = new CapturingContext();
        new TokenHandlerProbe(salesforce.handler()).call(HttpApiEventBuilder.post().method("GET").json(), rejected);
        assertEquals(List.of(LogLevel.WARN), rejected.capturedLogger().levels());
    }

    @Test
    void noSecretInAnyLogLineOrErrorBodyAcrossEveryOutcome() {
        List<String> everything = new ArrayList<>();
        String codeForm = form("grant_type", "authorization_code", "code", CODE, "code_verifier", VERIFIER,
                "client_id", "alexa-client", "client_secret", SECRET);
        String refreshForm = form("grant_type", "refresh_token", "refresh_token", REFRESH,
                "client_id", "alexa-client", "client_secret", SECRET);
        JsonObject badSignature = WireMockSalesforce.grant("wrong-secret", true);
        JsonObject badInstance = WireMockSalesforce.grant(SECRET, true);
        badInstance.addProperty("instance_url", "https://evil.example");

        List<Runnable> stubs = List.of(
                () -> salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true)),
                () -> salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, false)),
                () -> salesforce.answers(SalesforceErrors.oauth(400, "invalid_grant", "expired " + REFRESH)),
                () -> salesforce.answers(SalesforceErrors.expiredGrant()),
                () -> salesforce.answers(SalesforceErrors.wrongClientSecret()),
                () -> salesforce.answersJson(200, badSignature),
                () -> salesforce.answersJson(200, badInstance),
                () -> salesforce.answersJson(200, WireMockSalesforce.jwtGrant()),
                () -> salesforce.answers(aResponse().withStatus(503).withBody(SECRET + CODE)),
                () -> salesforce.answers(aResponse().withStatus(200).withBody("<html>" + REFRESH)),
                () -> salesforce.answers(aResponse().withStatus(200).withFixedDelay(600)));
        for (Runnable stub : stubs) {
            for (String body : List.of(codeForm, refreshForm)) {
                salesforce.reset();
                stub.run();
                Invocation answer = Invocation.of(salesforce.handler("SALESFORCE_TIMEOUT_MS", "300"),
                        HttpApiEventBuilder.post().formBody(body).json());
                everything.addAll(answer.logLines());
                if (answer.status() != 200) {
                    everything.add(answer.rawBody());
                }
                assertEquals(1, answer.logLines().size());
                JsonParser.parseString(answer.logLines().get(0)); // every line is JSON
            }
        }
        // requests rejected before any upstream call
        for (String event : List.of(
                HttpApiEventBuilder.post().formBody(codeForm.replace("authorization_code", "password")).json(),
                HttpApiEventBuilder.post().header("authorization", basic("other", SECRET)).formBody(codeForm).json(),
                HttpApiEventBuilder.post().formBody(codeForm + "&code=" + CODE).json(),
                HttpApiEventBuilder.post().rawBody(codeForm + "%Z", false).json(),
                HttpApiEventBuilder.post().method("GET").formBody(codeForm).json())) {
            Invocation answer = Invocation.of(salesforce.handler("ALLOWED_CLIENT_IDS", "alexa-client"), event);
            everything.addAll(answer.logLines());
            everything.add(answer.rawBody());
        }
        // a JSON body that repeats its secrets
        String repeated = "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + REFRESH
                + "\",\"refresh_token\":\"" + REFRESH + "\",\"client_id\":\"alexa-client\",\"client_secret\":\""
                + SECRET + "\",\"client_secret\":\"" + SECRET + "\"}";
        Invocation duplicate = Invocation.of(salesforce.handler(), HttpApiEventBuilder.post()
                .header("content-type", "application/json").rawBody(repeated, false).json());
        assertEquals(400, duplicate.status());
        everything.addAll(duplicate.logLines());
        everything.add(duplicate.rawBody());
        // Salesforce stalling or breaking the connection mid-answer, over a real socket
        for (MisbehavingSalesforce.Behaviour behaviour : MisbehavingSalesforce.Behaviour.values()) {
            try (MisbehavingSalesforce broken = new MisbehavingSalesforce(behaviour,
                    WireMockSalesforce.grant(SECRET, true).toString())) {
                for (String body : List.of(codeForm, refreshForm)) {
                    TokenHandler handler = new TokenHandler(WireMockSalesforce.environmentFor(broken.loginUrl(),
                            "SALESFORCE_TIMEOUT_MS", "200"));
                    Invocation answer = Invocation.of(handler, HttpApiEventBuilder.post().formBody(body).json());
                    assertTrue(answer.status() == 503 || answer.status() == 504, behaviour + ": " + answer.status());
                    everything.addAll(answer.logLines());
                    everything.add(answer.rawBody());
                }
            }
        }
        assertTrue(everything.size() > 50);
        everything.forEach(AccessLogTest::assertNoSecretIn);
    }

    @Test
    void anyClientIdInForceIsOnEveryLogLine() {
        salesforce.reset();
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));
        TokenHandler open = salesforce.handler("ALLOWED_CLIENT_IDS", "*");
        String refresh = form("grant_type", "refresh_token", "refresh_token", REFRESH, "client_id", "any-app-at-all",
                "client_secret", SECRET);
        Invocation granted = Invocation.of(open, HttpApiEventBuilder.post().formBody(refresh).json());
        Invocation rejected = Invocation.of(open, HttpApiEventBuilder.post().method("GET").json());

        assertEquals(200, granted.status());
        assertEquals(405, rejected.status());
        for (Invocation answer : List.of(granted, rejected)) {
            assertEquals("ALLOWED_CLIENT_IDS is *: any client id is passed on to Salesforce",
                    answer.logLine().get("warning").getAsString());
            assertNoSecretIn(answer.logLines().get(0));
        }

        Invocation listed = Invocation.of(salesforce.handler(), HttpApiEventBuilder.post().formBody(refresh
                .replace("any-app-at-all", "alexa-client")).json());
        assertEquals(200, listed.status());
        assertFalse(listed.logLine().has("warning"), "no warning while a list is in force");
    }

    @Test
    void unexpectedFailureIsA500WithoutTheExceptionMessage() {
        TokenConfig config = TokenConfig.fromEnvironment(Map.of("ALLOWED_CLIENT_IDS", "c"));
        SalesforceTransport exploding = (endpoint, body, timeout) -> {
            throw new IllegalStateException("boom with " + SECRET);
        };
        Invocation answer = Invocation.of(new TokenHandler(config, exploding), HttpApiEventBuilder.post()
                .formBody(form("grant_type", "refresh_token", "refresh_token", REFRESH, "client_id", "c",
                        "client_secret", SECRET)).json());
        assertEquals(500, answer.status());
        assertEquals("server_error", answer.error());
        assertNoSecretIn(answer.rawBody());
        assertNoSecretIn(answer.logLines().get(0));
        assertTrue(answer.logLines().get(0).contains("IllegalStateException"));
        assertEquals("internal_error", answer.logLine().get("outcome").getAsString(), "our fault, not Salesforce's");
        assertFalse(answer.rawBody().contains("IllegalStateException"), "no internals in the answer");
    }

    /** Calls a handler with a given context, to read the levels its logger got. */
    private record TokenHandlerProbe(TokenHandler handler) {
        void call(String event, CapturingContext context) {
            try {
                handler.handleRequest(new java.io.ByteArrayInputStream(event.getBytes()),
                        new java.io.ByteArrayOutputStream(), context);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
