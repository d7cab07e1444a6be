package io.github.asflink.skill;

import static io.github.asflink.skill.SalesforceStubs.CASE_COUNT_SOQL;
import static io.github.asflink.skill.SalesforceStubs.TODAY_END;
import static io.github.asflink.skill.SalesforceStubs.TODAY_START;
import static io.github.asflink.skill.SalesforceStubs.allDayEventsSoql;
import static io.github.asflink.skill.SalesforceStubs.dealsMultiSoql;
import static io.github.asflink.skill.SalesforceStubs.records;
import static io.github.asflink.skill.SalesforceStubs.tasksDueSoql;
import static io.github.asflink.skill.SalesforceStubs.timedEventsSoql;
import static io.github.asflink.skill.SalesforceStubs.NEXT_MULTI_SOQL;
import static io.github.asflink.skill.SalesforceStubs.ORG_CURRENCY_SOQL;
import static io.github.asflink.skill.SalesforceStubs.TOP_CASES_SOQL;
import static io.github.asflink.skill.SalesforceStubs.TOTALS_SOQL;
import static io.github.asflink.skill.SalesforceStubs.next;
import static io.github.asflink.skill.SalesforceStubs.orgCurrency;
import static io.github.asflink.skill.SalesforceStubs.query;
import static io.github.asflink.skill.SalesforceStubs.totals;
import static io.github.asflink.skill.SalesforceStubs.userinfo;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * List answers on a device with a screen: the same speech as anywhere, plus one APL RenderDocument with the skill's
 * list document and the answer's rows; nothing extra on a device without APL.
 */
@WireMockTest
class ScreenAnswersTest {

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
    }

    @Test
    void thePipelineOnAScreenShowsTheTotalsAndTheNextToClose() throws IOException {
        userinfo();
        query(TOTALS_SOQL, totals(3, "1250000.0"));
        query(NEXT_MULTI_SOQL, next("Globex & Sons renewal", "250000.0", "USD", "2026-12-15"));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result shown = skill.invoke(eventAt("skill-pipeline-echo-show.json", origin));
        SkillInvocation.Result spoken = skill.invoke(eventAt("skill-pipeline.json", origin));

        assertSameSpeech(spoken, shown);
        JsonNode screen = onlyScreen(shown);
        assertEquals(SkillInvocation.JSON.readTree("""
                {"list":{"title":"Your pipeline","rows":[
                  {"primary":"Open opportunities","secondary":"3 open","value":"$1,250,000"},
                  {"primary":"Globex & Sons renewal","secondary":"Next to close \u00b7 Dec 15",
                   "value":"$250,000"}]}}"""),
                screen.path("datasources"));
        assertTrue(spoken.response().path("directives").isMissingNode(), "no directive without a screen");
    }

    @Test
    void openCasesOnAScreenShowTheTopCasesAsPlainText() throws IOException {
        query(CASE_COUNT_SOQL, "{\"totalSize\":4,\"done\":true,\"records\":[]}");
        query(TOP_CASES_SOQL, """
                {"totalSize":3,"done":true,"records":[
                 {"attributes":{"type":"Case"},"Id":"5005g00000C1AAAA","CaseNumber":"00001026",
                  "Subject":"Printer & <scanner> \\"down\\"","Priority":"High","Status":"New"},
                 {"attributes":{"type":"Case"},"Id":"5005g00000C2AAAA","CaseNumber":"00001027",
                  "Subject":"Login broken","Priority":"Medium","Status":"Working"},
                 {"attributes":{"type":"Case"},"Id":"5005g00000C3AAAA","CaseNumber":"00001030",
                  "Subject":null,"Priority":"Low","Status":"New"}]}""");

        SkillInvocation.Result shown = skill.invoke(eventAt("skill-open-cases-echo-show.json", origin));
        SkillInvocation.Result spoken = skill.invoke(eventAt("skill-open-cases.json", origin));

        assertSameSpeech(spoken, shown);
        assertEquals(SkillInvocation.JSON.readTree("""
                {"list":{"title":"Your open cases","rows":[
                  {"primary":"Printer & <scanner> \\"down\\"","secondary":"Case 00001026","value":"High"},
                  {"primary":"Login broken","secondary":"Case 00001027","value":"Medium"},
                  {"primary":"Case 1030","secondary":"Case 00001030","value":"Low"},
                  {"primary":"1 more","secondary":"","value":""}]}}"""),
                onlyScreen(shown).path("datasources"));
    }

    @Test
    void theAgendaOnAScreenShowsEveryItemWithItsTimeInTheUsersZone() throws IOException {
        userinfo();
        query(allDayEventsSoql("2026-12-01"), records("Event", "\"Subject\":\"Sales & Marketing offsite\""));
        query(timedEventsSoql(TODAY_START, TODAY_END), records("Event",
                "\"Subject\":\"Pipeline review\",\"StartDateTime\":\"2026-12-01T17:00:00.000+0000\",\"Location\":null",
                "\"Subject\":\"Globex & Sons <review>\",\"StartDateTime\":\"2026-12-01T22:30:00.000+0000\","
                        + "\"Location\":\"Zoom\""));
        query(tasksDueSoql("2026-12-01"), records("Task", "\"Subject\":\"Send Acme the revised quote\","
                + "\"Priority\":\"High\"", "\"Subject\":\"Follow up with Initech\",\"Priority\":null"));

        SkillInvocation.Result shown = skill.invoke(eventAt("skill-agenda-today-echo-show.json", origin));
        SkillInvocation.Result spoken = skill.invoke(eventAt("skill-agenda-today.json", origin));

        assertSameSpeech(spoken, shown);
        assertEquals(SkillInvocation.JSON.readTree("""
                {"list":{"title":"Your agenda for today","rows":[
                  {"primary":"Sales & Marketing offsite","secondary":"","value":"All day"},
                  {"primary":"Pipeline review","secondary":"","value":"9:00 AM"},
                  {"primary":"Globex & Sons <review>","secondary":"Zoom","value":"2:30 PM"},
                  {"primary":"Send Acme the revised quote","secondary":"Task \u00b7 High priority","value":"Due"},
                  {"primary":"Follow up with Initech","secondary":"Task","value":"Due"}]}}"""),
                onlyScreen(shown).path("datasources"));
    }

    @Test
    void severalMatchingDealsOnAScreenAreListedWithTheQuestion() throws IOException {
        query(dealsMultiSoql("Name LIKE '%globex%'"), records("Opportunity",
                "\"Id\":\"0065g00000Q1AAAAA2\",\"Name\":\"Globex & Sons renewal\","
                        + "\"StageName\":\"Proposal/Price Quote\",\"Amount\":48000.5,\"CurrencyIsoCode\":\"USD\","
                        + "\"CloseDate\":\"2026-12-06\",\"NextStep\":null",
                "\"Id\":\"0065g00000Q1AAAAA4\",\"Name\":\"Globex pilot\",\"StageName\":\"Closed Won\",\"Amount\":null,"
                        + "\"CurrencyIsoCode\":\"USD\",\"CloseDate\":\"2026-11-20\",\"NextStep\":null"));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));
        ObjectNode onScreen = eventAt("skill-deal-status-ambiguous.json", origin);
        onScreen.set("context", eventAt("skill-pipeline-echo-show.json", origin).path("context").deepCopy());

        SkillInvocation.Result shown = skill.invoke(onScreen);
        SkillInvocation.Result spoken = skill.invoke(eventAt("skill-deal-status-ambiguous.json", origin));

        assertSameSpeech(spoken, shown);
        JsonNode directives = shown.response().path("directives");
        assertEquals(2, directives.size(), directives::toString);
        assertEquals(spoken.response().path("directives").get(0), directives.findParent("slotToElicit"));
        JsonNode screen = directives.get(0).has("token") ? directives.get(0) : directives.get(1);
        assertEquals("salesforce-list", screen.path("token").asText());
        assertEquals(SkillInvocation.JSON.readTree("""
                {"list":{"title":"Which deal?","rows":[
                  {"primary":"Globex & Sons renewal","secondary":"Proposal/Price Quote \u00b7 closes Dec 6",
                   "value":"$48,000.50"},
                  {"primary":"Globex pilot","secondary":"Closed Won \u00b7 closed Nov 20","value":""}]}}"""),
                screen.path("datasources"));
    }

    @Test
    void aFailedAnswerHasNoScreen() {
        // Nothing stubbed: every Salesforce call is a 404, and the apology goes out without a list.
        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases-echo-show.json", origin));

        assertTrue(result.response().path("directives").isMissingNode());
        assertEquals("SALESFORCE_REJECTED", result.logLine().path("outcome").asText());
    }

    /** Speech and reprompt are the same with a screen as without: the screen only adds. */
    private static void assertSameSpeech(SkillInvocation.Result spoken, SkillInvocation.Result shown) {
        assertEquals(spoken.ssml(), shown.ssml());
        assertEquals(spoken.repromptSsml(), shown.repromptSsml());
        assertEquals(spoken.sessionEnds(), shown.sessionEnds());
        assertEquals(spoken.logLine().path("outcome"), shown.logLine().path("outcome"));
    }

    /** The response's one directive: the list document, under the list token. */
    static JsonNode onlyScreen(SkillInvocation.Result result) throws IOException {
        JsonNode directives = result.response().path("directives");
        assertEquals(1, directives.size(), directives::toString);
        JsonNode screen = directives.get(0);
        assertEquals("Alexa.Presentation.APL.RenderDocument", screen.path("type").asText());
        assertEquals("salesforce-list", screen.path("token").asText());
        try (InputStream document = ScreenAnswersTest.class.getResourceAsStream("/apl/list.json")) {
            assertEquals(SkillInvocation.JSON.readTree(document), screen.path("document"));
        }
        return screen;
    }
}
