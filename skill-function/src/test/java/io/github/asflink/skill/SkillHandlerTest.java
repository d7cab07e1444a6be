package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.asflink.skill.SalesforceStubs.CASE_COUNT_SOQL;
import static io.github.asflink.skill.SalesforceStubs.PIPELINE_SOQL;
import static io.github.asflink.skill.SalesforceStubs.TASKS;
import static io.github.asflink.skill.SalesforceStubs.TOP_CASES_SOQL;
import static io.github.asflink.skill.SalesforceStubs.authorized;
import static io.github.asflink.skill.SalesforceStubs.json;
import static io.github.asflink.skill.SalesforceStubs.queried;
import static io.github.asflink.skill.SalesforceStubs.query;
import static io.github.asflink.skill.SalesforceStubs.userinfo;
import static io.github.asflink.skill.SalesforceStubs.userinfoRequested;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static io.github.asflink.skill.SkillInvocation.speak;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The skill's answers to the sample events, against a Salesforce stand-in on loopback. */
@WireMockTest
class SkillHandlerTest {

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
    }

    @Test
    void linkedLaunchGreetsTheUserByFirstNameAndKeepsListening() {
        userinfo();

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", origin));

        assertEquals(speak("Hi Ada. " + Replies.WHAT_YOU_CAN_SAY + " What would you like?"), result.ssml());
        assertFalse(result.sessionEnds());
        assertNull(result.cardType());
        verify(exactly(1), userinfoRequested());
        assertEquals(1, getAllServeEvents().size());
        JsonNode log = result.logLine();
        assertEquals("LaunchRequest", log.path("requestType").asText());
        assertEquals("ANSWERED", log.path("outcome").asText());
        assertEquals(1, log.path("salesforceCalls").asInt());
        assertTrue(log.has("salesforceLatencyMs"));
        assertEquals("c0ffee00-0000-4000-8000-000000000001", log.path("requestId").asText());
        assertEquals("INFO", log.path("level").asText());
    }

    @Test
    void launchWithoutAFirstNameStillGreets() {
        stubFor(get(urlPathEqualTo(SalesforceStubs.USERINFO))
                .willReturn(json(200, "{\"user_id\":\"0055g00000AbCdEAAV\"}")));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", origin));

        assertTrue(result.ssml().startsWith("<speak>Welcome to Salesforce Link."), result.ssml());
    }

    @Test
    void pipelineSaysCountTotalAndNextToCloseWithCurrencyAndDate() {
        userinfo();
        query(PIPELINE_SOQL, """
                {"totalSize":3,"done":true,"records":[
                 {"attributes":{"type":"Opportunity","url":"/services/data/v67.0/sobjects/Opportunity/0065g00000Q1"},
                  "Id":"0065g00000Q1AAAA","Name":"Smith & Sons <Renewal>","Amount":250000.5,"CloseDate":"2026-12-15"},
                 {"attributes":{"type":"Opportunity","url":"/services/data/v67.0/sobjects/Opportunity/0065g00000Q2"},
                  "Id":"0065g00000Q2AAAA","Name":"Globex","Amount":999999.5,"CloseDate":"2027-01-20"},
                 {"attributes":{"type":"Opportunity","url":"/services/data/v67.0/sobjects/Opportunity/0065g00000Q3"},
                  "Id":"0065g00000Q3AAAA","Name":"Initech","Amount":null,"CloseDate":null}]}""");

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));

        assertEquals(speak("You have 3 open opportunities, worth $1,250,000 in total. The next to close is "
                + "Smith &amp; Sons &lt;Renewal&gt;, for $250,000.50, closing on "
                + "<say-as interpret-as=\"date\">????1215</say-as>. " + Replies.ANYTHING_ELSE), result.ssml());
        assertFalse(result.sessionEnds());
        verify(exactly(1), userinfoRequested());
        verify(exactly(1), queried(PIPELINE_SOQL));
        assertEquals(2, result.logLine().path("salesforceCalls").asInt());
        assertEquals("PipelineIntent", result.logLine().path("intent").asText());
    }

    @Test
    void pipelineNextYearDateKeepsTheYear() {
        userinfo();
        query(PIPELINE_SOQL, """
                {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Opportunity"},
                 "Id":"0065g00000Q2AAAA","Name":"Globex","Amount":40000,"CloseDate":"2027-01-20"}]}""");

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));

        assertEquals(speak("You have one open opportunity: Globex, for $40,000, closing on "
                + "<say-as interpret-as=\"date\">20270120</say-as>. " + Replies.ANYTHING_ELSE), result.ssml());
    }

    @Test
    void emptyPipelineSaysSo() {
        userinfo();
        query(PIPELINE_SOQL, "{\"totalSize\":0,\"done\":true,\"records\":[]}");

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));

        assertEquals(speak("You have no open opportunities. " + Replies.ANYTHING_ELSE), result.ssml());
    }

    @Test
    void openCasesSaysCountAndTopThreeByPriorityEscapingSubjects() {
        userinfo();
        query(CASE_COUNT_SOQL, "{\"totalSize\":5,\"done\":true,\"records\":[]}");
        query(TOP_CASES_SOQL, """
                {"totalSize":3,"done":true,"records":[
                 {"attributes":{"type":"Case"},"Id":"5005g00000C1AAAA","CaseNumber":"00001026",
                  "Subject":"Printer & <scanner> \\"down\\" 'again'","Priority":"High","Status":"New"},
                 {"attributes":{"type":"Case"},"Id":"5005g00000C2AAAA","CaseNumber":"00001027",
                  "Subject":"Login broken","Priority":"Medium","Status":"Working"},
                 {"attributes":{"type":"Case"},"Id":"5005g00000C3AAAA","CaseNumber":"00001030",
                  "Subject":null,"Priority":"Low","Status":"New"}]}""");

        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases.json", origin));

        assertEquals(speak("You have 5 open cases. The top three by priority are: "
                + "Printer &amp; &lt;scanner&gt; &quot;down&quot; &apos;again&apos;, high priority; "
                + "Login broken, medium priority; and case 1030, low priority. " + Replies.ANYTHING_ELSE),
                result.ssml());
        verify(exactly(1), userinfoRequested());
        verify(exactly(1), queried(CASE_COUNT_SOQL));
        verify(exactly(1), queried(TOP_CASES_SOQL));
        assertEquals(3, result.logLine().path("salesforceCalls").asInt());
    }

    @Test
    void theTwoCaseQueriesRunInParallel() {
        userinfo();
        stubFor(get(urlPathEqualTo(SalesforceStubs.QUERY))
                .withQueryParam("q", equalTo(CASE_COUNT_SOQL))
                .willReturn(json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}").withFixedDelay(400)));
        stubFor(get(urlPathEqualTo(SalesforceStubs.QUERY))
                .withQueryParam("q", equalTo(TOP_CASES_SOQL))
                .willReturn(json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}").withFixedDelay(400)));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases.json", origin));

        long latency = result.logLine().path("salesforceLatencyMs").asLong();
        assertTrue(latency >= 400 && latency < 750, "two 400 ms queries took " + latency + " ms in all");
    }

    @Test
    void noOpenCasesSaysSo() {
        userinfo();
        query(CASE_COUNT_SOQL, "{\"totalSize\":0,\"done\":true,\"records\":[]}");
        query(TOP_CASES_SOQL, "{\"totalSize\":0,\"done\":true,\"records\":[]}");

        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases.json", origin));

        assertEquals(speak("You have no open cases. " + Replies.ANYTHING_ELSE), result.ssml());
    }

    @Test
    void confirmedReminderCreatesATaskOwnedByTheUser() {
        userinfo();
        stubFor(post(urlPathEqualTo(TASKS))
                .willReturn(json(201, "{\"id\":\"00T5g00000XyZaBEAV\",\"success\":true,\"errors\":[]}")));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-create-reminder-confirmed.json", origin));

        assertEquals(speak("Okay. I added a task to call Ada about the renewal, due "
                + "<say-as interpret-as=\"date\">????1215</say-as>. " + Replies.ANYTHING_ELSE), result.ssml());
        verify(exactly(1), userinfoRequested());
        verify(exactly(1), authorized(postRequestedFor(urlPathEqualTo(TASKS)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"Subject":"call Ada about the renewal","ActivityDate":"2026-12-15",
                         "OwnerId":"0055g00000AbCdEAAV","Status":"Not Started","Priority":"Normal"}""")));
        assertEquals("TASK_CREATED", result.logLine().path("outcome").asText());
    }

    @Test
    void deniedReminderCreatesNothing() {
        SkillInvocation.Result result = skill.invoke(eventAt("skill-create-reminder-denied.json", origin));

        assertEquals(speak(CreateReminderIntentHandler.DECLINED + " " + Replies.ANYTHING_ELSE), result.ssml());
        assertFalse(result.sessionEnds());
        assertEquals(0, getAllServeEvents().size());
        assertEquals("REMINDER_DECLINED", result.logLine().path("outcome").asText());
    }

    @Test
    void helpSaysWhatTheUserCanSayWithoutCallingSalesforce() {
        SkillInvocation.Result result = skill.invoke(eventAt("skill-help.json", origin));

        assertEquals(speak(HelpIntentHandler.HELP), result.ssml());
        assertFalse(result.sessionEnds());
        assertFalse(result.repromptSsml().isEmpty());
        assertEquals(0, getAllServeEvents().size());
    }

    @Test
    void stopSaysGoodbyeAndEndsTheSession() {
        SkillInvocation.Result result = skill.invoke(eventAt("skill-stop.json", origin));

        assertEquals(speak(StopIntentHandler.GOODBYE), result.ssml());
        assertTrue(result.sessionEnds());
    }

    @Test
    void cancelAndNavigateHomeEndTheSessionToo() {
        for (String intent : new String[] {"AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"}) {
            SkillInvocation.Result result = skill.invoke(SkillInvocation.edit(eventAt("skill-stop.json", origin),
                    event -> event.with("request").with("intent").put("name", intent)));
            assertEquals(speak(StopIntentHandler.GOODBYE), result.ssml(), intent);
            assertTrue(result.sessionEnds(), intent);
        }
    }

    @Test
    void fallbackOffersWhatTheSkillCanDo() {
        SkillInvocation.Result result = skill.invoke(eventAt("skill-fallback.json", origin));

        assertEquals(speak(FallbackIntentHandler.FALLBACK + " " + Replies.REPROMPT), result.ssml());
        assertFalse(result.sessionEnds());
    }

    @Test
    void sessionEndedGetsAnEmptyAnswerAndOneLogLine() {
        SkillInvocation.Result result = skill.invoke(eventAt("skill-session-ended.json", origin));

        assertTrue(result.response().path("outputSpeech").isMissingNode(), result.envelope().toString());
        assertEquals("SESSION_ENDED", result.logLine().path("outcome").asText());
        assertEquals(0, getAllServeEvents().size());
    }

    @Test
    void configuredApiVersionIsUsedInDataPaths() {
        userinfo();
        String soql = PIPELINE_SOQL;
        stubFor(get(urlPathEqualTo("/services/data/v68.0/query"))
                .withQueryParam("q", equalTo(soql))
                .willReturn(json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}")));

        SkillInvocation.Result result = skill.env(SkillConfig.SALESFORCE_API_VERSION, "68.0")
                .invoke(eventAt("skill-pipeline.json", origin));

        assertEquals(speak("You have no open opportunities. " + Replies.ANYTHING_ELSE), result.ssml());
    }
}
