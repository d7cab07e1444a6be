package io.github.asflink.token;

import static io.github.asflink.token.HttpApiEventBuilder.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.google.gson.JsonObject;
import io.github.asflink.token.MisbehavingSalesforce.Behaviour;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Salesforce call is bounded as a whole (connect, headers and body) by one deadline, against a real TCP server on
 * loopback that stalls or breaks: the function always answers in time, with a 5xx, and logs its one line.
 */
class SalesforceDeadlineTest {

    static final String SECRET = "s3+cr/et=&%20x";
    static final int TIMEOUT_MS = 500;
    /** What the answer may take beyond the deadline: the client's first build, scheduling, a busy CI machine. */
    static final long SLACK_MS = 1000;

    /**
     * The first client build loads the TLS context, which on a busy test machine can take longer than a deadline here;
     * in Lambda it is init work (SnapStart priming builds it). The timings below are the exchange's.
     */
    @BeforeAll
    static void buildTheHttpClient() {
        JdkHttpTransport.warmUp();
    }

    private static String codeEvent() {
        return HttpApiEventBuilder.post().formBody(form("grant_type", "authorization_code",
                "code", "aPrx+code/with=&%chars",
                "client_id", "3MVG9demo.Consumer_Key", "client_secret", SECRET)).json();
    }

    private static TokenHandler handlerFor(MisbehavingSalesforce salesforce, int upstreamTimeoutMs) {
        return new TokenHandler(WireMockSalesforce.environmentFor(salesforce.loginUrl(),
                "SALESFORCE_TIMEOUT_MS", String.valueOf(upstreamTimeoutMs)));
    }

    private record Timed(Invocation answer, long millis) {
    }

    private static Timed invoke(TokenHandler handler, CapturingContext context) {
        long start = System.nanoTime();
        Invocation answer = Invocation.of(handler, codeEvent(), context);
        return new Timed(answer, (System.nanoTime() - start) / 1_000_000);
    }

    private static void assertOAuthAnswer(Invocation answer, int status, String description) {
        assertEquals(status, answer.status(), answer.rawBody());
        assertEquals("temporarily_unavailable", answer.error());
        assertEquals(description, answer.string("error_description"));
        assertEquals("application/json;charset=UTF-8", answer.headers().get("content-type"));
        assertEquals("no-store", answer.headers().get("cache-control"));
        assertEquals("no-cache", answer.headers().get("pragma"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SILENT,                 504, 0,   Salesforce did not answer in time",
        "HEADERS_THEN_SILENCE,   504, 200, Salesforce did not answer in time",
        "HALF_BODY_THEN_SILENCE, 504, 200, Salesforce did not answer in time",
        "HALF_BODY_THEN_RESET,   503, 200, Salesforce could not be reached",
        "HALF_BODY_THEN_CLOSE,   503, 200, Salesforce could not be reached",
    })
    void misbehavingSalesforceGetsAnAnswerWithinTheDeadline(Behaviour behaviour, int status, int upstreamStatus,
            String description) throws Exception {
        try (MisbehavingSalesforce salesforce = new MisbehavingSalesforce(behaviour,
                WireMockSalesforce.grant(SECRET, true).toString())) {
            CapturingContext context = new CapturingContext();

            Timed call = invoke(handlerFor(salesforce, TIMEOUT_MS), context);

            assertTrue(call.millis() < TIMEOUT_MS + SLACK_MS, "answered after " + call.millis() + " ms");
            if (status == 504) {
                assertTrue(call.millis() >= TIMEOUT_MS - 50, "gave up before the deadline: " + call.millis() + " ms");
            }
            assertOAuthAnswer(call.answer(), status, description);
            assertEquals(1, salesforce.connections());

            JsonObject line = call.answer().logLine();
            assertEquals("upstream_failure", line.get("outcome").getAsString());
            assertEquals(status, line.get("status").getAsInt());
            assertEquals(upstreamStatus, line.get("upstreamStatus").getAsInt(), "the status line, when it came");
            assertTrue(line.get("upstreamLatencyMs").getAsLong() <= line.get("latencyMs").getAsLong());
            assertEquals("temporarily_unavailable: " + description, line.get("note").getAsString());
            assertEquals(List.of(LogLevel.ERROR), context.capturedLogger().levels());

            if (status == 504) {
                assertTrue(salesforce.awaitClientHangUp(2000), "the abandoned exchange was not cancelled");
            }
        }
    }

    @Test
    void lambdasRemainingTimeCapsTheDeadlineBelowTheConfiguredTimeout() throws Exception {
        try (MisbehavingSalesforce salesforce = new MisbehavingSalesforce(Behaviour.HEADERS_THEN_SILENCE, "{}")) {
            // 3 s configured, but the invocation has 0.7 s left: wait 0.5 s and keep 0.2 s to answer
            CapturingContext nearlyOver = new CapturingContext(700);

            Timed call = invoke(handlerFor(salesforce, 3000), nearlyOver);

            assertTrue(call.millis() < 700 + SLACK_MS / 2, "waited past Lambda's remaining time: " + call.millis()
                    + " ms, not the 500 ms left after the margin");
            assertTrue(call.millis() >= 700 - TokenConfig.ANSWER_MARGIN_MS - 50, call.millis() + " ms");
            assertOAuthAnswer(call.answer(), 504, "Salesforce did not answer in time");
            assertEquals(1, call.answer().logLines().size());
        }
    }

    @Test
    void noTimeLeftAnswersAtOnceWithoutSpendingTheCode() throws Exception {
        try (MisbehavingSalesforce salesforce = new MisbehavingSalesforce(Behaviour.SILENT, "{}")) {
            Timed call = invoke(handlerFor(salesforce, 3000), new CapturingContext(TokenConfig.ANSWER_MARGIN_MS - 50));

            assertOAuthAnswer(call.answer(), 504, "Salesforce did not answer in time");
            assertTrue(call.millis() < 500, call.millis() + " ms");
            Thread.sleep(100);
            assertEquals(0, salesforce.connections(), "a code sent without time to relay the answer is lost");
            JsonObject line = call.answer().logLine();
            assertEquals("upstream_failure", line.get("outcome").getAsString());
            assertEquals(0, line.get("upstreamStatus").getAsInt());
        }
    }
}
