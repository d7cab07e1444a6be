package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.resetAllRequests;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.asflink.skill.SalesforceStubs.ORG_CURRENCY_SOQL;
import static io.github.asflink.skill.SalesforceStubs.dealsMultiSoql;
import static io.github.asflink.skill.SalesforceStubs.json;
import static io.github.asflink.skill.SalesforceStubs.orgCurrency;
import static io.github.asflink.skill.SalesforceStubs.query;
import static io.github.asflink.skill.SalesforceStubs.records;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "How is the Globex renewal deal?" with Alexa's directive service stood in on the same loopback port: the
 * progressive response goes out with the query, not before or after it, and however it ends the answer is the same
 * and on time.
 */
@WireMockTest
class ProgressiveDealStatusTest {

    private static final String DIRECTIVES = "/v1/directives";
    private static final String DEAL_QUERY = dealsMultiSoql("Name LIKE '%globex%' AND Name LIKE '%renewal%'");
    private static final String RENEWAL = "\"Id\":\"0065g00000Q1AAAAA2\",\"Name\":\"Globex & Sons renewal\","
            + "\"StageName\":\"Proposal/Price Quote\",\"Amount\":48000.5,\"CurrencyIsoCode\":\"USD\","
            + "\"CloseDate\":\"2026-12-06\",\"NextStep\":null";
    private static final String ANSWER = SkillInvocation.speak("Globex &amp; Sons renewal is in Proposal/Price Quote, "
            + "worth $48,000.50, closing on <say-as interpret-as=\"date\">????1206</say-as>. " + Spoken.ANYTHING_ELSE);
    /** Scheduling slack on a shared build machine. */
    private static final long SLACK_MS = 700;

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));
    }

    @Test
    void theProgressiveResponseStartsTogetherWithTheQueryNotBeforeOrAfterIt() {
        // Serially, one would reach the stand-in at least 400 ms (directive first) or 900 ms (query first) later.
        stubFor(post(urlEqualTo(DIRECTIVES)).willReturn(aResponse().withStatus(204).withFixedDelay(400)));
        query(DEAL_QUERY, json(200, records("Opportunity", RENEWAL)).withFixedDelay(900));
        warmUp();
        ObjectNode event = eventAt("skill-deal-status.json", origin);

        SkillInvocation.Result result = skill.invoke(event);

        assertEquals(ANSWER, result.ssml());
        assertEquals("sent", result.logLine().path("progressive").asText());
        long gapMs = Math.abs(received(DIRECTIVES) - received("/services/data/v67.0/query?q=SELECT%20Id"));
        assertTrue(gapMs < 300, "the progressive response and the query reached the stand-ins " + gapMs + " ms apart");
        verify(1, postRequestedFor(urlEqualTo(DIRECTIVES))
                .withHeader("Authorization", equalTo("Bearer "
                        + event.path("context").path("System").path("apiAccessToken").asText()))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"header":{"requestId":"amzn1.echo-api.request.1a2b3c4d-0003-4e5f-8a9b-0c1d2e3f4a53"},
                         "directive":{"type":"VoicePlayer.Speak","speech":"<speak>Let me check Salesforce.</speak>"}}
                        """)));
    }

    @Test
    void aSlowDirectiveServiceNeverDelaysTheAnswer() {
        stubFor(post(urlEqualTo(DIRECTIVES)).willReturn(aResponse().withStatus(204).withFixedDelay(3000)));
        query(DEAL_QUERY, records("Opportunity", RENEWAL));
        warmUp();
        long start = System.nanoTime();

        SkillInvocation.Result result = skill.invoke(eventAt("skill-deal-status.json", origin));

        long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(ANSWER, result.ssml());
        assertEquals("timed_out", result.logLine().path("progressive").asText());
        assertEquals("ANSWERED", result.logLine().path("outcome").asText());
        assertTrue(elapsedMs < SLACK_MS, "answered after " + elapsedMs + " ms");
    }

    @Test
    void anOutageOrABrokenConnectionLeavesTheAnswerAsItIs() {
        // The query takes long enough for the failure to be in before the answer.
        query(DEAL_QUERY, json(200, records("Opportunity", RENEWAL)).withFixedDelay(600));
        for (ResponseDefinitionBuilder failure : new ResponseDefinitionBuilder[] {
            aResponse().withStatus(500).withBody("{\"message\":\"An unexpected error occurred.\"}"),
            aResponse().withStatus(401), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)}) {
            stubFor(post(urlEqualTo(DIRECTIVES)).willReturn(failure));

            SkillInvocation.Result result = skill.invoke(eventAt("skill-deal-status.json", origin));

            assertEquals(ANSWER, result.ssml());
            assertEquals("failed", result.logLine().path("progressive").asText());
            assertEquals("INFO", result.logLine().path("level").asText());
        }
    }

    @Test
    void anUnreachableDirectiveServiceLeavesTheAnswerAsItIs() throws IOException {
        query(DEAL_QUERY, json(200, records("Opportunity", RENEWAL)).withFixedDelay(600));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ObjectNode event = eventAt("skill-deal-status.json", origin);
        ((ObjectNode) event.path("context").path("System")).put("apiEndpoint", "http://127.0.0.1:" + closedPort);

        SkillInvocation.Result result = skill.invoke(event);

        assertEquals(ANSWER, result.ssml());
        assertEquals("failed", result.logLine().path("progressive").asText());
    }

    @Test
    void withoutAlexasTokenNoneIsSent() {
        query(DEAL_QUERY, records("Opportunity", RENEWAL));
        ObjectNode event = eventAt("skill-deal-status.json", origin);
        ((ObjectNode) event.path("context").path("System")).remove("apiAccessToken");

        SkillInvocation.Result result = skill.invoke(event);

        assertEquals(ANSWER, result.ssml());
        assertEquals("not_sent", result.logLine().path("progressive").asText());
        assertTrue(findAll(postRequestedFor(urlEqualTo(DIRECTIVES))).isEmpty());
    }

    @Test
    void aTurnWithoutASearchSendsNone() {
        ObjectNode event = eventAt("skill-deal-status.json", origin);
        ((ObjectNode) event.path("request").path("intent").path("slots")).removeAll();

        SkillInvocation.Result result = skill.invoke(event);

        assertFalse(result.logLine().has("progressive"), "asking which deal calls nothing, announces nothing");
        assertTrue(getAllServeEvents().isEmpty());
    }

    /** The HttpClient is built on first use; a turn is measured warm, as in a restored SnapStart environment. */
    private void warmUp() {
        skill.invoke(eventAt("skill-deal-status.json", origin));
        resetAllRequests();
    }

    /** When the stand-in received the one request whose URL starts so, in epoch milliseconds. */
    private static long received(String urlStart) {
        ServeEvent event = getAllServeEvents().stream()
                .filter(served -> served.getRequest().getUrl().startsWith(urlStart)).findFirst().orElseThrow();
        return event.getRequest().getLoggedDate().getTime();
    }
}
