package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.asflink.skill.SalesforceStubs.NO_RECORDS;
import static io.github.asflink.skill.SalesforceStubs.ORG_CURRENCY_SOQL;
import static io.github.asflink.skill.SalesforceStubs.QUERY;
import static io.github.asflink.skill.SalesforceStubs.answer;
import static io.github.asflink.skill.SalesforceStubs.dealsMultiSoql;
import static io.github.asflink.skill.SalesforceStubs.dealsSingleSoql;
import static io.github.asflink.skill.SalesforceStubs.json;
import static io.github.asflink.skill.SalesforceStubs.orgCurrency;
import static io.github.asflink.skill.SalesforceStubs.queried;
import static io.github.asflink.skill.SalesforceStubs.query;
import static io.github.asflink.skill.SalesforceStubs.records;
import static io.github.asflink.skill.SkillInvocation.JSON;
import static io.github.asflink.skill.SkillInvocation.edit;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static io.github.asflink.skill.SkillInvocation.speak;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "How is the Globex renewal deal?" through the stream handler against a stand-in on loopback: one query (and the
 * org's currency until known), the user's words only inside escaped LIKE patterns, and the "which one?" turn.
 */
@WireMockTest
class DealStatusIntentTest {

    private static final String GLOBEX_RENEWAL = "Name LIKE '%globex%' AND Name LIKE '%renewal%'";
    private static final String GLOBEX = "Name LIKE '%globex%'";
    private static final String RENEWAL = "\"Id\":\"0065g00000Q1AAAAA2\",\"Name\":\"Globex & Sons renewal\","
            + "\"StageName\":\"Proposal/Price Quote\",\"Amount\":48000.5,\"CurrencyIsoCode\":\"USD\","
            + "\"CloseDate\":\"2026-12-06\",\"NextStep\":\"Send the revised <quote>\"";
    private static final String SERVICES = "\"Id\":\"0065g00000Q1AAAAA3\",\"Name\":\"Globex & Sons services\","
            + "\"StageName\":\"Qualification\",\"Amount\":18000,\"CurrencyIsoCode\":\"USD\","
            + "\"CloseDate\":\"2026-12-26\",\"NextStep\":null";
    private static final String WON = "\"Id\":\"0065g00000Q1AAAAA4\",\"Name\":\"Globex pilot\","
            + "\"StageName\":\"Closed Won\",\"Amount\":null,\"CurrencyIsoCode\":\"USD\","
            + "\"CloseDate\":\"2026-11-20\",\"NextStep\":null";

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
    }

    @Test
    void oneMatchIsDescribedInOneRoundTripWithoutUserinfo() {
        query(dealsMultiSoql(GLOBEX_RENEWAL), records("Opportunity", RENEWAL));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-deal-status.json", origin));

        assertEquals(speak("Globex &amp; Sons renewal is in Proposal/Price Quote, worth $48,000.50, closing on "
                + "<say-as interpret-as=\"date\">????1206</say-as>. Next step: Send the revised &lt;quote&gt;. "
                + Spoken.ANYTHING_ELSE), result.ssml());
        assertEquals(speak(Spoken.ANYTHING_ELSE_REPROMPT), result.repromptSsml());
        verify(exactly(1), queried(dealsMultiSoql(GLOBEX_RENEWAL)));
        verify(exactly(1), queried(ORG_CURRENCY_SOQL));
        assertEquals(2, salesforceRequests(), "no userinfo, nothing else");
        JsonNode log = result.logLine();
        assertEquals("DealStatusIntent", log.path("intent").asText());
        assertEquals("ANSWERED", log.path("outcome").asText());
        assertEquals(1, log.path("salesforceRoundTrips").asInt());
        assertFalse(result.context().allText().toLowerCase(java.util.Locale.ROOT).contains("globex"),
                "the deal's name is not logged");
    }

    @Test
    void theDealAndTheOrgsCurrencyAreAskedTogetherAndTheCurrencyFailsNothing() {
        int delayMs = 400;
        query(dealsMultiSoql(GLOBEX_RENEWAL), json(200, records("Opportunity", RENEWAL)).withFixedDelay(delayMs));
        query(ORG_CURRENCY_SOQL, answer(SalesforceErrors.serverUnavailable()).withFixedDelay(delayMs));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-deal-status.json", origin));

        assertTrue(result.ssml().startsWith("<speak>Globex &amp; Sons renewal is in Proposal/Price Quote, worth "
                + "$48,000.50"), result.ssml());
        JsonNode log = result.logLine();
        assertEquals("ANSWERED", log.path("outcome").asText());
        assertEquals(2, log.path("salesforceCalls").asInt());
        assertTrue(log.path("salesforceLatencyMs").asLong() >= 2 * delayMs, log.toString());
        assertTrue(log.path("salesforceCriticalPathMs").asLong() < 2 * delayMs, "in parallel: " + log);
    }

    @Test
    void aSingleCurrencyOrgIsLearntOnceAndAskedInItsOwnFormAfterwards() {
        query(dealsMultiSoql(GLOBEX_RENEWAL), answer(SalesforceErrors.invalidField("CurrencyIsoCode", "Opportunity")));
        query(dealsSingleSoql(GLOBEX_RENEWAL), records("Opportunity", RENEWAL.replace(",\"CurrencyIsoCode\":\"USD\"",
                "")));
        query(ORG_CURRENCY_SOQL, orgCurrency("EUR"));

        SkillInvocation.Result first = skill.invoke(eventAt("skill-deal-status.json", origin));
        SkillInvocation.Result second = skill.invoke(eventAt("skill-deal-status.json", origin));

        assertTrue(first.ssml().contains("worth €48,000.50"), first.ssml());
        assertEquals(first.ssml(), second.ssml());
        assertEquals(2, first.logLine().path("salesforceRoundTrips").asInt());
        assertEquals(1, second.logLine().path("salesforceRoundTrips").asInt());
        verify(exactly(1), queried(dealsMultiSoql(GLOBEX_RENEWAL)));
        verify(exactly(2), queried(dealsSingleSoql(GLOBEX_RENEWAL)));
        verify(exactly(1), queried(ORG_CURRENCY_SOQL));
    }

    @Test
    void aClosedDealSaysWhenItClosedAndNoAmountIsLeftOut() {
        query(dealsMultiSoql(GLOBEX_RENEWAL), records("Opportunity", WON));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-deal-status.json", origin));

        assertEquals(speak("Globex pilot is Closed Won, closed on <say-as interpret-as=\"date\">????1120</say-as>. "
                + Spoken.ANYTHING_ELSE), result.ssml());
    }

    @Test
    void severalMatchesAskWhichOneAndTheAnswerIsPickedWithoutAnotherCall() throws Exception {
        query(dealsMultiSoql(GLOBEX), records("Opportunity", RENEWAL, SERVICES, WON));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result question = skill.invoke(eventAt("skill-deal-status-ambiguous.json", origin));

        String names = "Globex &amp; Sons renewal, Globex &amp; Sons services, and Globex pilot";
        assertEquals(speak("I found 3 deals: " + names + ". Which one?"), question.ssml());
        assertEquals(speak("Which deal do you mean: " + names + "?"), question.repromptSsml());
        assertFalse(question.sessionEnds());
        JsonNode directive = question.response().path("directives").path(0);
        assertEquals("Dialog.ElicitSlot", directive.path("type").asText());
        assertEquals("deal", directive.path("slotToElicit").asText());
        assertEquals("DealStatusIntent", directive.path("updatedIntent").path("name").asText());
        JsonNode offered = question.envelope().path("sessionAttributes").path("dealCandidates");
        assertEquals(3, offered.size());
        assertEquals("0065g00000Q1AAAAA2", offered.path(0).path("id").asText());
        assertEquals("Globex & Sons renewal", offered.path(0).path("name").asText());
        assertEquals("DIALOG_CONTINUED", question.logLine().path("outcome").asText());
        int callsSoFar = getAllServeEvents().size();

        ObjectNode answer = eventAt("skill-deal-status-choose.json", origin);
        ((ObjectNode) answer.path("session")).set("attributes", question.envelope().path("sessionAttributes"));
        SkillInvocation.Result chosen = skill.invoke(answer);

        assertEquals(speak("Globex &amp; Sons renewal is in Proposal/Price Quote, worth $48,000.50, closing on "
                + "<say-as interpret-as=\"date\">????1206</say-as>. Next step: Send the revised &lt;quote&gt;. "
                + Spoken.ANYTHING_ELSE), chosen.ssml());
        assertEquals(callsSoFar, getAllServeEvents().size(), "the answer was picked from the deals offered");
        assertTrue(chosen.envelope().path("sessionAttributes").path("dealCandidates").isMissingNode(),
                "the offer is forgotten once answered");
        assertEquals(0, chosen.logLine().path("salesforceCalls").asInt());
        assertEquals("ANSWERED", chosen.logLine().path("outcome").asText());
        assertTrue(JSON.writeValueAsString(chosen.envelope()).contains("\"shouldEndSession\":false"));
    }

    @Test
    void anAnswerThatFitsNoneOfTheOfferedAsksSalesforceWithItsOwnWords() {
        query(dealsMultiSoql("Name LIKE '%initech%'"), NO_RECORDS);
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(edit(eventAt("skill-deal-status-choose.json", origin),
                event -> slot(event, "initech")));

        assertEquals(speak("I couldn't find a deal matching initech among your opportunities. "
                + "You can ask how your pipeline is. " + Spoken.REPROMPT), result.ssml());
        assertEquals("NO_MATCH", result.logLine().path("outcome").asText());
        assertEquals("INFO", result.logLine().path("level").asText());
        assertFalse(result.context().allText().contains("initech"), "the words are not logged");
    }

    @Test
    void offeredDealsCountOnlyAsTheAnswerToTheQuestion() {
        // The same words and attributes in a fresh request (dialogState STARTED): Salesforce is asked.
        query(dealsMultiSoql("Name LIKE '%renewal%'"), records("Opportunity", RENEWAL));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(edit(eventAt("skill-deal-status-choose.json", origin),
                event -> ((ObjectNode) event.path("request")).put("dialogState", "STARTED")));

        verify(exactly(1), queried(dealsMultiSoql("Name LIKE '%renewal%'")));
        assertEquals("ANSWERED", result.logLine().path("outcome").asText());
    }

    @Test
    void sixMatchesAskForMoreOfTheName() {
        List<String> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(RENEWAL.replace("AAAAA2", "AAAAB" + i));
        }
        query(dealsMultiSoql(GLOBEX), records("Opportunity", six.toArray(String[]::new)));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-deal-status-ambiguous.json", origin));

        assertEquals(speak("More than five deals match globex. Which one? Say more of its name."), result.ssml());
        assertEquals("Dialog.ElicitSlot", result.response().path("directives").path(0).path("type").asText());
        assertTrue(result.envelope().path("sessionAttributes").path("dealCandidates").isMissingNode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"the deal", "   ", "my opportunity"})
    void wordsThatNameNothingAskAgainWithoutAQuery(String said) {
        SkillInvocation.Result result = skill.invoke(edit(eventAt("skill-deal-status.json", origin),
                event -> slot(event, said)));

        assertEquals(speak("Which deal?"), result.ssml());
        assertEquals("Dialog.ElicitSlot", result.response().path("directives").path(0).path("type").asText());
        assertEquals(0, getAllServeEvents().size());
        assertEquals("DIALOG_CONTINUED", result.logLine().path("outcome").asText());
    }

    @Test
    void quotesBackslashesAndWildcardsReachSalesforceEscapedAndAreSpokenEscaped() {
        // The words as Alexa might hear a deal named with SOQL's and SOSL's special characters.
        String said = "The 100%_Done O'Brien \\ \"R&D\" [x]{y}(z)^~*:+-?|! deal";
        String condition = "Name LIKE '%100\\%\\_done%' AND Name LIKE '%o\\'brien%' AND Name LIKE '%\\\\%'"
                + " AND Name LIKE '%\\\"r&d\\\"%' AND Name LIKE '%[x]{y}(z)^~*:+-?|!%'";
        query(dealsMultiSoql(condition), NO_RECORDS);
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(edit(eventAt("skill-deal-status.json", origin),
                event -> slot(event, said)));

        verify(exactly(1), queried(dealsMultiSoql(condition)));
        assertEquals(2, salesforceRequests());
        assertEquals(speak("I couldn't find a deal matching 100%_done o&apos;brien \\ &quot;r&amp;d&quot; "
                + "[x]{y}(z)^~*:+-?|! among your opportunities. You can ask how your pipeline is. "
                + Spoken.REPROMPT), result.ssml());
    }

    @Test
    void aDeadTokenAsksToRelink() {
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(answer(SalesforceErrors.dataInvalidSession())));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-deal-status.json", origin));

        assertEquals(speak(Spoken.RELINK_ACCOUNT), result.ssml());
        assertEquals("LinkAccount", result.cardType());
        assertEquals("SESSION_INVALID", result.logLine().path("outcome").asText());
    }

    @Test
    void anOutageIsAnApology() {
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(answer(SalesforceErrors.serverUnavailable())));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-deal-status.json", origin));

        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertEquals("SALESFORCE_UNAVAILABLE", result.logLine().path("outcome").asText());
    }

    @Test
    void aSlowAnswerTimesOutIntoAnApology() {
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(200, NO_RECORDS).withFixedDelay(2000)));

        SkillInvocation.Result result = skill.env(SkillConfig.SALESFORCE_TIMEOUT_MS, "300")
                .invoke(eventAt("skill-deal-status.json", origin));

        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertEquals("SALESFORCE_TIMEOUT", result.logLine().path("outcome").asText());
    }

    @Test
    void tamperedOfferedDealsAreIgnored() {
        query(dealsMultiSoql("Name LIKE '%renewal%'"), records("Opportunity", RENEWAL));
        query(ORG_CURRENCY_SOQL, orgCurrency("USD"));

        SkillInvocation.Result result = skill.invoke(edit(eventAt("skill-deal-status-choose.json", origin),
                event -> ((ObjectNode) event.path("session").path("attributes").path("dealCandidates").path(0))
                        .put("amount", "lots")));

        verify(exactly(1), queried(dealsMultiSoql("Name LIKE '%renewal%'")));
        assertEquals("ANSWERED", result.logLine().path("outcome").asText());
    }

    private static void slot(ObjectNode event, String value) {
        ((ObjectNode) event.path("request").path("intent").path("slots").path("deal")).put("value", value);
    }

    /** What the stand-in got for Salesforce: the progressive response goes to Alexa's stand-in on the same port. */
    private static long salesforceRequests() {
        return getAllServeEvents().stream()
                .filter(event -> !event.getRequest().getUrl().equals("/v1/directives")).count();
    }
}
