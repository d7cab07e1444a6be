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
import static io.github.asflink.skill.SalesforceStubs.NEXT_MULTI_SOQL;
import static io.github.asflink.skill.SalesforceStubs.NEXT_SINGLE_SOQL;
import static io.github.asflink.skill.SalesforceStubs.NO_RECORDS;
import static io.github.asflink.skill.SalesforceStubs.ORG_CURRENCY_SOQL;
import static io.github.asflink.skill.SalesforceStubs.TOTALS_SOQL;
import static io.github.asflink.skill.SalesforceStubs.answer;
import static io.github.asflink.skill.SalesforceStubs.next;
import static io.github.asflink.skill.SalesforceStubs.orgCurrency;
import static io.github.asflink.skill.SalesforceStubs.singleCurrencyOrg;
import static io.github.asflink.skill.SalesforceStubs.totals;
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
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.util.List;
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

        assertEquals(speak("Hi Ada. " + Spoken.WHAT_YOU_CAN_SAY + " What would you like?"), result.ssml());
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
    void theGreetingUsesTheWholeFirstNameStrippedAndEscaped() {
        stubFor(get(urlPathEqualTo(SalesforceStubs.USERINFO)).willReturn(json(200, """
                {"user_id":"0055g00000AbCdEAAV","given_name":"  Mary   Ann & <Jo> ","name":"Mary Ann Smith"}""")));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", origin));

        assertTrue(result.ssml().startsWith("<speak>Hi Mary Ann &amp; &lt;Jo&gt;. "), result.ssml());
    }

    @Test
    void launchWithoutAFirstNameStillGreets() {
        stubFor(get(urlPathEqualTo(SalesforceStubs.USERINFO))
                .willReturn(json(200, "{\"user_id\":\"0055g00000AbCdEAAV\"}")));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", origin));

        assertTrue(result.ssml().startsWith("<speak>Welcome to Salesforce Link."), result.ssml());
    }

    @Test
    void pipelineSaysCountTotalAndNextToCloseInOneRoundTrip() {
        userinfo();
        query(TOTALS_SOQL, totals(3, "1250000.0"));
        query(NEXT_MULTI_SOQL, next("Smith & Sons <Renewal>", "250000.5", "USD", "2026-12-15"));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));

        assertEquals(speak("You have 3 open opportunities, worth $1,250,000 in total. The next to close is "
                + "Smith &amp; Sons &lt;Renewal&gt;, for $250,000.50, closing on "
                + "<say-as interpret-as=\"date\">????1215</say-as>. " + Spoken.ANYTHING_ELSE), result.ssml());
        assertFalse(result.sessionEnds());
        verify(exactly(1), userinfoRequested());
        verify(exactly(1), queried(TOTALS_SOQL));
        verify(exactly(1), queried(NEXT_MULTI_SOQL));
        verify(exactly(1), queried(ORG_CURRENCY_SOQL));
        assertEquals(4, getAllServeEvents().size());
        JsonNode log = result.logLine();
        assertEquals(4, log.path("salesforceCalls").asInt());
        assertEquals(1, log.path("salesforceRoundTrips").asInt());
        assertEquals("PipelineIntent", log.path("intent").asText());
    }

    @Test
    void fiveThousandOpenOpportunitiesAreSpokenAsFiveThousandWithTheAggregatesTotal() {
        userinfo();
        query(TOTALS_SOQL, totals(5000, "12500000.0"));
        query(NEXT_MULTI_SOQL, next("Globex renewal", "250000.0", "USD", "2026-12-15"));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));

        assertTrue(result.ssml().startsWith("<speak>You have 5,000 open opportunities, worth $12,500,000 in total."),
                result.ssml());
    }

    @Test
    void multiCurrencyOrgSpeaksTheTotalInTheCorporateCurrencyAndTheNextDealInItsOwn() {
        userinfo();
        query(TOTALS_SOQL, totals(2, "90000.0"));
        query(NEXT_MULTI_SOQL, next("Initech", "42000.0", "EUR", "2026-12-15"));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));
        SkillInvocation.Result again = skill.invoke(eventAt("skill-pipeline.json", origin));

        assertTrue(result.ssml().contains("worth $90,000 in total. The next to close is Initech, for €42,000,"),
                result.ssml());
        assertEquals(result.ssml(), again.ssml());
        verify(exactly(0), queried(NEXT_SINGLE_SOQL));
        // The corporate currency is remembered: the second request makes three calls, not four.
        verify(exactly(1), queried(ORG_CURRENCY_SOQL));
        assertEquals(3, again.logLine().path("salesforceCalls").asInt());
    }

    @Test
    void aCurrencyQueryThatFailsForNowIsAskedAgainAndAmountsArePlainMeanwhile() {
        userinfo();
        query(TOTALS_SOQL, totals(2, "90000.0"));
        query(NEXT_MULTI_SOQL, next("Initech", "42000.0", null, "2026-12-15"));
        query(ORG_CURRENCY_SOQL, answer(SalesforceErrors.serverUnavailable()));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));
        skill.invoke(eventAt("skill-pipeline.json", origin));

        assertTrue(result.ssml().contains("worth 90,000 in total."), result.ssml());
        assertEquals("ANSWERED", result.logLine().path("outcome").asText());
        verify(exactly(2), queried(ORG_CURRENCY_SOQL));
    }

    @Test
    void singleCurrencyOrgIsAskedAgainInItsFormAndRememberedWithItsCurrency() {
        userinfo();
        query(TOTALS_SOQL, totals(2, "90000.0"));
        singleCurrencyOrg("GBP");
        query(NEXT_SINGLE_SOQL, next("Initech", "42000.0", null, "2026-12-15"));

        SkillInvocation.Result first = skill.invoke(eventAt("skill-pipeline.json", origin));
        SkillInvocation.Result second = skill.invoke(eventAt("skill-pipeline.json", origin));

        for (SkillInvocation.Result result : List.of(first, second)) {
            assertTrue(result.ssml().contains("worth £90,000 in total. The next to close is Initech, for £42,000,"),
                    result.ssml());
        }
        assertEquals(2, first.logLine().path("salesforceRoundTrips").asInt());
        assertEquals(5, first.logLine().path("salesforceCalls").asInt());
        // The second request knows the org: the single-currency form at once, no currency query, one round trip.
        assertEquals(1, second.logLine().path("salesforceRoundTrips").asInt());
        assertEquals(3, second.logLine().path("salesforceCalls").asInt());
        verify(exactly(1), queried(NEXT_MULTI_SOQL));
        verify(exactly(1), queried(ORG_CURRENCY_SOQL));
        verify(exactly(2), queried(NEXT_SINGLE_SOQL));
        verify(exactly(2), queried(TOTALS_SOQL));
        verify(exactly(2), userinfoRequested());
    }

    @Test
    void amountsAreSpokenAsPlainNumbersWhenTheOrgsCurrencyCannotBeLearned() {
        userinfo();
        query(TOTALS_SOQL, totals(2, "90000.0"));
        query(NEXT_MULTI_SOQL, answer(SalesforceErrors.invalidField("CurrencyIsoCode", "Opportunity")));
        query(NEXT_SINGLE_SOQL, next("Initech", "42000.0", null, "2026-12-15"));
        query(ORG_CURRENCY_SOQL, answer(SalesforceErrors.insufficientAccess()));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));
        SkillInvocation.Result again = skill.invoke(eventAt("skill-pipeline.json", origin));

        // The user's locale (en_US) is no guide to the org's currency: no dollar sign is guessed.
        assertTrue(result.ssml().contains("worth 90,000 in total. The next to close is Initech, for 42,000,"),
                result.ssml());
        assertEquals(result.ssml(), again.ssml());
        verify(exactly(1), queried(ORG_CURRENCY_SOQL));
    }

    @Test
    void pipelineNextYearDateKeepsTheYear() {
        userinfo();
        query(TOTALS_SOQL, totals(1, "40000"));
        query(NEXT_MULTI_SOQL, next("Globex", "40000", "USD", "2027-01-20"));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));

        assertEquals(speak("You have one open opportunity: Globex, for $40,000, closing on "
                + "<say-as interpret-as=\"date\">20270120</say-as>. " + Spoken.ANYTHING_ELSE), result.ssml());
    }

    @Test
    void pipelineWithoutAmountsSaysTheCountOnly() {
        userinfo();
        query(TOTALS_SOQL, totals(2, "null"));
        query(NEXT_MULTI_SOQL, next("Globex", "null", "USD", null));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));

        assertEquals(speak("You have 2 open opportunities. The next to close is Globex, with no close date. "
                + Spoken.ANYTHING_ELSE), result.ssml());
    }

    @Test
    void emptyPipelineSaysSo() {
        userinfo();
        query(TOTALS_SOQL, totals(0, "null"));
        query(NEXT_MULTI_SOQL, NO_RECORDS);
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));

        assertEquals(speak("You have no open opportunities. " + Spoken.ANYTHING_ELSE), result.ssml());
    }

    @Test
    void thePipelinesCallsRunInParallel() {
        stubFor(get(urlPathEqualTo(SalesforceStubs.USERINFO))
                .willReturn(json(200, SalesforceStubs.USERINFO_BODY).withFixedDelay(300)));
        query(TOTALS_SOQL, json(200, totals(1, "1.0")).withFixedDelay(300));
        query(NEXT_MULTI_SOQL, json(200, next("Globex", "1.0", "USD", "2026-12-15")).withFixedDelay(300));
        query(ORG_CURRENCY_SOQL, json(200, orgCurrency("USD")).withFixedDelay(300));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));

        JsonNode log = result.logLine();
        long criticalPath = log.path("salesforceCriticalPathMs").asLong();
        assertTrue(criticalPath >= 300 && criticalPath < 800, "four 300 ms calls waited " + criticalPath + " ms");
        assertTrue(log.path("salesforceLatencyMs").asLong() >= 1200, log.toString());
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
                + "Login broken, medium priority; and case 1030, low priority. " + Spoken.ANYTHING_ELSE),
                result.ssml());
        verify(exactly(0), userinfoRequested());
        verify(exactly(1), queried(CASE_COUNT_SOQL));
        verify(exactly(1), queried(TOP_CASES_SOQL));
        assertEquals(2, getAllServeEvents().size());
        assertEquals(2, result.logLine().path("salesforceCalls").asInt());
        assertEquals(1, result.logLine().path("salesforceRoundTrips").asInt());
    }

    @Test
    void asManyOpenCasesAsTheTopListAreAllNamedWithoutATopN() {
        query(CASE_COUNT_SOQL, "{\"totalSize\":2,\"done\":true,\"records\":[]}");
        query(TOP_CASES_SOQL, """
                {"totalSize":2,"done":true,"records":[
                 {"attributes":{"type":"Case"},"CaseNumber":"00001026","Subject":"Printer down","Priority":"High"},
                 {"attributes":{"type":"Case"},"CaseNumber":"00001027","Subject":"Login broken"}]}""");

        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases.json", origin));

        assertEquals(speak("You have 2 open cases: Printer down, high priority; and Login broken. "
                + Spoken.ANYTHING_ELSE), result.ssml());
    }

    @Test
    void theTwoCaseQueriesRunInParallel() {
        stubFor(get(urlPathEqualTo(SalesforceStubs.QUERY))
                .withQueryParam("q", equalTo(CASE_COUNT_SOQL))
                .willReturn(json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}").withFixedDelay(400)));
        stubFor(get(urlPathEqualTo(SalesforceStubs.QUERY))
                .withQueryParam("q", equalTo(TOP_CASES_SOQL))
                .willReturn(json(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}").withFixedDelay(400)));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases.json", origin));

        long waited = result.logLine().path("salesforceCriticalPathMs").asLong();
        assertTrue(waited >= 400 && waited < 750, "two 400 ms queries waited " + waited + " ms");
        assertTrue(result.logLine().path("salesforceLatencyMs").asLong() >= 800, "each call's own time is summed");
    }

    @Test
    void noOpenCasesSaysSo() {
        query(CASE_COUNT_SOQL, "{\"totalSize\":0,\"done\":true,\"records\":[]}");
        query(TOP_CASES_SOQL, "{\"totalSize\":0,\"done\":true,\"records\":[]}");

        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases.json", origin));

        assertEquals(speak("You have no open cases. " + Spoken.ANYTHING_ELSE), result.ssml());
    }

    @Test
    void confirmedReminderCreatesATaskOwnedByTheUser() {
        userinfo();
        stubFor(post(urlPathEqualTo(TASKS))
                .willReturn(json(201, "{\"id\":\"00T5g00000XyZaBEAV\",\"success\":true,\"errors\":[]}")));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-create-reminder-confirmed.json", origin));

        assertEquals(speak("Okay. I added a task to call Ada about the renewal, due "
                + "<say-as interpret-as=\"date\">????1215</say-as>. " + Spoken.ANYTHING_ELSE), result.ssml());
        verify(exactly(1), userinfoRequested());
        verify(exactly(1), authorized(postRequestedFor(urlPathEqualTo(TASKS)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"Subject":"call Ada about the renewal","ActivityDate":"2026-12-15",
                         "OwnerId":"0055g00000AbCdEAAV","Status":"Not Started","Priority":"Normal"}""")));
        assertEquals(2, getAllServeEvents().size());
        assertEquals("TASK_CREATED", result.logLine().path("outcome").asText());
        assertEquals(2, result.logLine().path("salesforceRoundTrips").asInt());
    }

    @Test
    void deniedReminderCreatesNothing() {
        userinfo();

        SkillInvocation.Result result = skill.invoke(eventAt("skill-create-reminder-denied.json", origin));

        assertEquals(speak(Spoken.REMINDER_DECLINED + " " + Spoken.ANYTHING_ELSE), result.ssml());
        assertFalse(result.sessionEnds());
        verify(exactly(1), userinfoRequested());
        assertEquals(1, getAllServeEvents().size(), "the link is checked; nothing is created");
        assertEquals("REMINDER_DECLINED", result.logLine().path("outcome").asText());
    }

    @Test
    void helpSaysWhatTheUserCanSayWithoutCallingSalesforce() {
        SkillInvocation.Result result = skill.invoke(eventAt("skill-help.json", origin));

        assertEquals(speak(Spoken.HELP), result.ssml());
        assertFalse(result.sessionEnds());
        assertFalse(result.repromptSsml().isEmpty());
        assertEquals(0, getAllServeEvents().size());
    }

    @Test
    void stopSaysGoodbyeAndEndsTheSession() {
        SkillInvocation.Result result = skill.invoke(eventAt("skill-stop.json", origin));

        assertEquals(speak(Spoken.GOODBYE), result.ssml());
        assertTrue(result.sessionEnds());
    }

    @Test
    void cancelAndNavigateHomeEndTheSessionToo() {
        for (String intent : new String[] {"AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"}) {
            SkillInvocation.Result result = skill.invoke(SkillInvocation.edit(eventAt("skill-stop.json", origin),
                    event -> event.with("request").with("intent").put("name", intent)));
            assertEquals(speak(Spoken.GOODBYE), result.ssml(), intent);
            assertTrue(result.sessionEnds(), intent);
        }
    }

    @Test
    void fallbackOffersWhatTheSkillCanDo() {
        SkillInvocation.Result result = skill.invoke(eventAt("skill-fallback.json", origin));

        assertEquals(speak(Spoken.FALLBACK + " " + Spoken.REPROMPT), result.ssml());
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
        stubFor(get(urlPathEqualTo("/services/data/v68.0/query"))
                .withQueryParam("q", equalTo(CASE_COUNT_SOQL))
                .willReturn(json(200, NO_RECORDS)));
        stubFor(get(urlPathEqualTo("/services/data/v68.0/query"))
                .withQueryParam("q", equalTo(TOP_CASES_SOQL))
                .willReturn(json(200, NO_RECORDS)));

        SkillInvocation.Result result = skill.env(SkillConfig.SALESFORCE_API_VERSION, "68.0")
                .invoke(eventAt("skill-open-cases.json", origin));

        assertEquals(speak("You have no open cases. " + Spoken.ANYTHING_ELSE), result.ssml());
    }
}
