package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.asflink.skill.SalesforceStubs.CASE_COUNT_SOQL;
import static io.github.asflink.skill.SalesforceStubs.QUERY;
import static io.github.asflink.skill.SalesforceStubs.TASKS;
import static io.github.asflink.skill.SalesforceStubs.TOP_CASES_SOQL;
import static io.github.asflink.skill.SalesforceStubs.USERINFO;
import static io.github.asflink.skill.SalesforceStubs.answer;
import static io.github.asflink.skill.SalesforceStubs.json;
import static io.github.asflink.skill.SalesforceStubs.query;
import static io.github.asflink.skill.SalesforceStubs.userinfo;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static io.github.asflink.skill.SkillInvocation.speak;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import io.github.asflink.skill.salesforce.Salesforce;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Salesforce down, slow, refusing or talking nonsense: a short apology, the session stays open, nothing crashes. */
@WireMockTest
class SalesforceTroubleTest {

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
    }

    @Test
    void serverErrorGetsAnApologyAndTheSessionStaysOpen() {
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(answer(SalesforceErrors.serverUnavailable())));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases.json", origin));

        assertApology(result);
        JsonNode log = result.logLine();
        assertEquals("SALESFORCE_UNAVAILABLE", log.path("outcome").asText());
        assertEquals(503, log.path("salesforceStatus").asInt());
        assertEquals("SERVER_UNAVAILABLE", log.path("salesforceError").asText());
        assertEquals("WARN", log.path("level").asText());
    }

    @Test
    void identityServiceOutageLogsItsStatusButNoCodeFromItsBody() {
        // The identity service's errors are plain-text codes; a JSON or HTML body is not one and is never logged.
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(answer(SalesforceErrors.serverUnavailable())));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", origin));

        assertApology(result);
        JsonNode log = result.logLine();
        assertEquals("SALESFORCE_UNAVAILABLE", log.path("outcome").asText());
        assertEquals(503, log.path("salesforceStatus").asInt());
        assertTrue(log.path("salesforceError").isMissingNode(), log.toString());
    }

    @Test
    void slowSalesforceTimesOutWithinTheConfiguredBound() {
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(json(200, SalesforceStubs.USERINFO_BODY)
                .withFixedDelay(5000)));
        Salesforce.buildHttpClient(); // built once per execution environment; its first build is not what this measures
        long start = System.nanoTime();

        SkillInvocation.Result result = skill.env(SkillConfig.SALESFORCE_TIMEOUT_MS, "250")
                .invoke(eventAt("skill-launch-linked.json", origin));

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertApology(result);
        assertEquals("SALESFORCE_TIMEOUT", result.logLine().path("outcome").asText());
        assertEquals(Turn.Problem.CALL_TIMEOUT, result.logLine().path("problem").asText());
        // Well under the stub's 5 s delay: the 250 ms bound cut the call (slack for building the skill on a busy CI).
        assertTrue(elapsedMs < 2500, "took " + elapsedMs + " ms");
    }

    @Test
    void aSlowQueryIsAlsoAnApology() {
        userinfo();
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(200, "{}").withFixedDelay(2000)));

        SkillInvocation.Result result = skill.env(SkillConfig.SALESFORCE_TIMEOUT_MS, "250")
                .invoke(eventAt("skill-pipeline.json", origin));

        assertApology(result);
        assertEquals("SALESFORCE_TIMEOUT", result.logLine().path("outcome").asText());
    }

    @Test
    void nonJsonBodyIsAnUnexpectedAnswer() {
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Maintenance</html>")));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", origin));

        assertApology(result);
        assertEquals("SALESFORCE_UNEXPECTED_ANSWER", result.logLine().path("outcome").asText());
    }

    @Test
    void userinfoWithoutAUserIdIsAnUnexpectedAnswerAndNoTaskIsCreated() {
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(json(200, "{\"name\":\"Ada\"}")));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-create-reminder-confirmed.json", origin));

        assertApology(result);
        assertEquals("userinfo has no user_id", result.logLine().path("problem").asText());
        assertEquals(1, getAllServeEvents().size());
    }

    @Test
    void queryAnswerOfTheWrongShapeIsAnUnexpectedAnswer() {
        userinfo();
        query(SalesforceStubs.TOTALS_SOQL, "{\"totalSize\":\"many\",\"records\":{}}");
        query(SalesforceStubs.NEXT_MULTI_SOQL, SalesforceStubs.next("Globex", "1.0", "USD", "2026-12-15"));
        query(SalesforceStubs.ORG_CURRENCY_SOQL, SalesforceStubs.orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));

        assertApology(result);
        assertEquals("SALESFORCE_UNEXPECTED_ANSWER", result.logLine().path("outcome").asText());
    }

    @Test
    void rejectedQueryIsAnApologyWithTheErrorCodeLogged() {
        stubFor(get(urlPathEqualTo(QUERY))
                .willReturn(answer(SalesforceErrors.malformedQuery("unexpected token: 'x'"))));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases.json", origin));

        assertApology(result);
        JsonNode log = result.logLine();
        assertEquals("SALESFORCE_REJECTED", log.path("outcome").asText());
        assertEquals(400, log.path("salesforceStatus").asInt());
        assertEquals("MALFORMED_QUERY", log.path("salesforceError").asText());
    }

    @Test
    void oneOfTwoParallelQueriesFailingIsAnApology() {
        query(CASE_COUNT_SOQL, "{\"totalSize\":4,\"done\":true,\"records\":[]}");
        stubFor(get(urlPathEqualTo(QUERY))
                .withQueryParam("q", equalTo(TOP_CASES_SOQL))
                .willReturn(answer(SalesforceErrors.unknownException())));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases.json", origin));

        assertApology(result);
        assertEquals("SALESFORCE_UNAVAILABLE", result.logLine().path("outcome").asText());
    }

    @Test
    void droppedConnectionIsAnApology() {
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", origin));

        assertApology(result);
        assertEquals("SALESFORCE_UNREACHABLE", result.logLine().path("outcome").asText());
    }

    @Test
    void nothingListeningIsAnApology() throws IOException {
        String closedOrigin;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedOrigin = "http://127.0.0.1:" + socket.getLocalPort();
        }
        SkillInvocation.Result result = new SkillInvocation(closedOrigin)
                .invoke(eventAt("skill-launch-linked.json", closedOrigin));

        assertApology(result);
        assertEquals("SALESFORCE_UNREACHABLE", result.logLine().path("outcome").asText());
    }

    @Test
    void taskCreationRefusedIsAnApology() {
        userinfo();
        stubFor(post(urlPathEqualTo(TASKS)).willReturn(answer(SalesforceErrors.data(400,
                "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Subject: bad value", "Subject"))));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-create-reminder-confirmed.json", origin));

        assertApology(result);
        assertEquals("FIELD_CUSTOM_VALIDATION_EXCEPTION", result.logLine().path("salesforceError").asText());
    }

    @Test
    void taskAnswerWithoutSuccessIsAnUnexpectedAnswer() {
        userinfo();
        stubFor(post(urlPathEqualTo(TASKS)).willReturn(json(201, "{\"success\":false,\"errors\":[\"x\"]}")));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-create-reminder-confirmed.json", origin));

        assertApology(result);
        assertEquals("SALESFORCE_UNEXPECTED_ANSWER", result.logLine().path("outcome").asText());
    }

    @Test
    void unexpectedExceptionGetsAGenericApologyAndItsClassLogged() {
        // A fault of ours after Salesforce answered: here the clock that says what "today" is for the user.
        userinfo();
        query(SalesforceStubs.TOTALS_SOQL, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":"
                + "{\"type\":\"AggregateResult\"},\"openCount\":0,\"openAmount\":null}]}");
        query(SalesforceStubs.NEXT_MULTI_SOQL, SalesforceStubs.NO_RECORDS);
        query(SalesforceStubs.ORG_CURRENCY_SOQL, SalesforceStubs.orgCurrency("USD"));
        Clock broken = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new IllegalStateException("no time today");
            }
        };

        SkillInvocation.Result result = skill.clock(broken).invoke(eventAt("skill-pipeline.json", origin));

        assertEquals(speak(ApologyExceptionHandler.APOLOGY + " " + Spoken.REPROMPT), result.ssml());
        assertFalse(result.sessionEnds());
        JsonNode log = result.logLine();
        assertEquals("FAILED", log.path("outcome").asText());
        assertEquals("ERROR", log.path("level").asText());
        assertEquals(IllegalStateException.class.getName(), log.path("exception").asText());
        assertFalse(log.toString().contains("no time today"), "the exception's message is never logged: " + log);
    }

    @Test
    void anIntentRequestWithoutAnIntentGetsTheFallbackNotAFailure() {
        // Well-formed for the SDK: the request names no intent. The SDK's own intentName predicate throws on it.
        SkillInvocation.Result result = skill.invoke(SkillInvocation.edit(eventAt("skill-pipeline.json", origin),
                event -> event.with("request").remove("intent")));

        assertEquals(speak(Spoken.FALLBACK + " " + Spoken.REPROMPT), result.ssml());
        assertFalse(result.sessionEnds());
        assertEquals("INFO", result.logLine().path("level").asText(), result.logLine().toString());
        assertTrue(getAllServeEvents().isEmpty(), "nothing asked of Salesforce");
    }

    @Test
    void unreadableEnvelopeFailsWithoutQuotingTheTokenAnywhere() {
        String broken = "{\"version\":\"1.0\",\"context\":{\"System\":{\"user\":{\"accessToken\":\""
                + SkillInvocation.SALESFORCE_TOKEN + " " + origin + "\"}}},\"request\":{\"type\":\"LaunchRequest\",,}";
        CapturingContext context = new CapturingContext("c0ffee00-0000-4000-8000-000000000002");
        SkillHandler handler = new SkillHandler(Map.of(SkillConfig.SKILL_ID, SkillInvocation.SKILL_ID));

        Exception thrown = assertThrows(Exception.class, () -> handler.handleRequest(
                new ByteArrayInputStream(SkillInvocation.bytes(broken)), new ByteArrayOutputStream(),
                context));

        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(SkillInvocation.SALESFORCE_TOKEN), trace.toString());
        assertTrue(thrown.getMessage().contains("JsonParseException"), thrown.getMessage());
        assertFalse(context.allText().contains(SkillInvocation.SALESFORCE_TOKEN));
        assertEquals(1, context.lines().size());
        assertTrue(context.lines().getFirst().text().contains("\"outcome\":\"FAILED\""));
        assertEquals(0, getAllServeEvents().size());
    }

    private static void assertApology(SkillInvocation.Result result) {
        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertFalse(result.sessionEnds());
        assertEquals(speak(Spoken.REPROMPT), result.repromptSsml());
        assertNull(result.cardType());
    }
}
