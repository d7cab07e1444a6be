package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.asflink.skill.SalesforceStubs.TASKS;
import static io.github.asflink.skill.SalesforceStubs.USERINFO;
import static io.github.asflink.skill.SalesforceStubs.USERINFO_BODY;
import static io.github.asflink.skill.SalesforceStubs.json;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static io.github.asflink.skill.SkillInvocation.speak;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.asflink.skill.salesforce.RequestBudget;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every Salesforce call is bounded end to end, body included, and the whole request fits what Lambda has left: a
 * stalled or broken answer is an apology within the bound, never a Lambda timeout or error.
 */
@WireMockTest
class BoundedCallsTest {

    /** Scheduling slack on a shared build machine. */
    private static final long SLACK_MS = 700;

    @ParameterizedTest
    @CsvSource({
            "HEADERS_THEN_SILENCE, SALESFORCE_TIMEOUT",
            "HALF_BODY_THEN_SILENCE, SALESFORCE_TIMEOUT",
            "RESET_MID_BODY, SALESFORCE_UNREACHABLE"})
    void aStalledOrBrokenBodyIsAnApologyWithinTheBound(StallingServer.Behaviour behaviour, String outcome)
            throws Exception {
        try (StallingServer server = new StallingServer(behaviour)) {
            SkillInvocation skill = new SkillInvocation(server.origin()).env(SkillConfig.SALESFORCE_TIMEOUT_MS, "300");
            long start = System.nanoTime();

            SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", server.origin()));

            long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertApology(result);
            assertEquals(outcome, result.logLine().path("outcome").asText());
            assertTrue(elapsedMs < 300 + SLACK_MS, "answered after " + elapsedMs + " ms");
            assertEquals(1, server.accepted());
        }
    }

    @ParameterizedTest
    @CsvSource({"HEADERS_THEN_SILENCE", "HALF_BODY_THEN_SILENCE"})
    void anExchangeGivenUpOnIsCancelledAndItsConnectionClosed(StallingServer.Behaviour behaviour) throws Exception {
        try (StallingServer server = new StallingServer(behaviour)) {
            SkillInvocation skill = new SkillInvocation(server.origin()).env(SkillConfig.SALESFORCE_TIMEOUT_MS, "300");

            skill.invoke(eventAt("skill-pipeline.json", server.origin()));

            // Four parallel calls (userinfo, totals, next to close, currency), all stalled: all four are closed,
            // not left reading bodies nobody waits for.
            assertEquals(4, server.accepted());
            assertTrue(server.awaitClosedByClient(4, 2000), "a stalled exchange was left open");
        }
    }

    @Test
    void aStalledParallelRoundTripIsBoundedOnceNotPerCall() throws Exception {
        try (StallingServer server = new StallingServer(StallingServer.Behaviour.HALF_BODY_THEN_SILENCE)) {
            SkillInvocation skill = new SkillInvocation(server.origin()).env(SkillConfig.SALESFORCE_TIMEOUT_MS, "400");
            long start = System.nanoTime();

            SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", server.origin()));

            long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertEquals("SALESFORCE_TIMEOUT", result.logLine().path("outcome").asText());
            assertTrue(elapsedMs < 400 + SLACK_MS, "answered after " + elapsedMs + " ms");
        }
    }

    @Test
    void aCallIsBoundedByWhatIsLeftOfTheRequestNotOnlyByTheSetting() throws Exception {
        try (StallingServer server = new StallingServer(StallingServer.Behaviour.HEADERS_THEN_SILENCE)) {
            // 3000 ms allowed per call, but Lambda has 1300 ms left: 1300 - 500 answer margin = 800 ms.
            SkillInvocation skill = new SkillInvocation(server.origin())
                    .env(SkillConfig.SALESFORCE_TIMEOUT_MS, "3000").remainingMs(1300);
            long start = System.nanoTime();

            SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", server.origin()));

            long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertApology(result);
            JsonNode log = result.logLine();
            assertEquals("SALESFORCE_TIMEOUT", log.path("outcome").asText());
            assertEquals(Turn.Problem.REQUEST_BUDGET_SPENT, log.path("problem").asText());
            assertTrue(elapsedMs >= 700 && elapsedMs < 1300, "answered after " + elapsedMs + " ms");
        }
    }

    @Test
    void theSecondCallGetsOnlyWhatTheFirstLeft(WireMockRuntimeInfo wireMock) {
        String origin = wireMock.getHttpBaseUrl();
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(json(200, USERINFO_BODY).withFixedDelay(1000)));
        stubFor(post(urlPathEqualTo(TASKS)).willReturn(json(201, "{\"id\":\"00T5g00000XyZaBEAV\",\"success\":true,"
                + "\"errors\":[]}").withFixedDelay(6000)));
        // 3500 ms left - 500 margin = 3000 ms for both calls: userinfo takes 1000, so the Task gets about 2000, less
        // than the 2500 each call may have on its own.
        SkillInvocation skill = new SkillInvocation(origin).env(SkillConfig.SALESFORCE_TIMEOUT_MS, "2500")
                .remainingMs(3500);
        long start = System.nanoTime();

        SkillInvocation.Result result = skill.invoke(eventAt("skill-create-reminder-confirmed.json", origin));

        long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertApology(result);
        assertEquals(2, result.logLine().path("salesforceRoundTrips").asInt(), result.logLine().toString());
        assertEquals(Turn.Problem.REQUEST_BUDGET_SPENT, result.logLine().path("problem").asText());
        assertTrue(elapsedMs >= 2900 && elapsedMs < 3500, "answered after " + elapsedMs + " ms");
    }

    @Test
    void noCallIsStartedWhenNothingIsLeftOfTheRequest(WireMockRuntimeInfo wireMock) {
        String origin = wireMock.getHttpBaseUrl();
        SalesforceStubs.userinfo();
        // Less than the answer margin left: a call could not finish in time, so none is sent.
        SkillInvocation skill = new SkillInvocation(origin).remainingMs(400);

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", origin));

        assertApology(result);
        assertEquals(0, getAllServeEvents().size());
        assertEquals(0, result.logLine().path("salesforceCalls").asInt());
        assertEquals(Turn.Problem.REQUEST_BUDGET_SPENT, result.logLine().path("problem").asText());
    }

    @Test
    void withoutALambdaContextOnlyTheSettingBoundsACall() {
        Duration setting = Duration.ofMillis(3000);

        assertEquals(setting, RequestBudget.of(null).bound(setting));
        assertEquals(setting, RequestBudget.of("not a Lambda context").bound(setting));
        Duration bounded = RequestBudget.of(new CapturingContext("id", 1500)).bound(setting);
        assertTrue(bounded.toMillis() <= 1000 && bounded.toMillis() > 900, bounded.toString());
    }

    private static void assertApology(SkillInvocation.Result result) {
        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertFalse(result.sessionEnds());
    }
}
