package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.asflink.skill.MoveStageDialogTest.assertNoUserWordsLogged;
import static io.github.asflink.skill.MoveStageDialogTest.assertNothingWritten;
import static io.github.asflink.skill.MoveStageDialogTest.onlyDirective;
import static io.github.asflink.skill.MoveStageDialogTest.slot;
import static io.github.asflink.skill.SalesforceStubs.answer;
import static io.github.asflink.skill.SalesforceStubs.query;
import static io.github.asflink.skill.SalesforceStubs.queried;
import static io.github.asflink.skill.SkillInvocation.edit;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static io.github.asflink.skill.SkillInvocation.speak;
import static io.github.asflink.skill.WriteStubs.ACCOUNT_ID;
import static io.github.asflink.skill.WriteStubs.CONTACT_ID;
import static io.github.asflink.skill.WriteStubs.OPPORTUNITY_ID;
import static io.github.asflink.skill.WriteStubs.accountsSoql;
import static io.github.asflink.skill.WriteStubs.contactsSoql;
import static io.github.asflink.skill.WriteStubs.openDealsSoql;
import static io.github.asflink.skill.WriteStubs.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Log a call with Globex": the notes are asked for on their own turn; then one round trip (userinfo and the three
 * lookups together) finds who the call was with, an account before a contact before an open deal, and the user is
 * asked to confirm. Nothing here creates a Task.
 */
@WireMockTest
class LogCallDialogTest {

    static final String GLOBEX = "Name LIKE '%globex%'";
    static final String NOTES = "they want the quote by Friday";

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
        SalesforceStubs.userinfo();
    }

    @Test
    void withoutNotesTheSkillAsksForThemAndCallsNothing() {
        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-started.json", origin));

        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.ElicitSlot", directive.path("type").asText());
        assertEquals("notes", directive.path("slotToElicit").asText());
        assertEquals("globex", directive.path("updatedIntent").path("slots").path("target").path("value").asText());
        assertEquals(speak("What should the call note say?"), result.ssml());
        assertEquals(speak("What should the call note say?"), result.repromptSsml());
        assertEquals(0, SalesforceStubs.salesforceServeEvents().size());
        assertEquals("DIALOG_CONTINUED", result.logLine().path("outcome").asText());
    }

    @Test
    void withoutATargetTheSkillAsksWhoTheCallWasWith() {
        ObjectNode event = edit(eventAt("skill-log-call-notes.json", origin), e -> slot(e, "target").remove("value"));

        SkillInvocation.Result result = skill.invoke(event);

        assertEquals("target", onlyDirective(result).path("slotToElicit").asText());
        assertEquals(speak("Who was the call with?"), result.ssml());
        assertEquals(0, SalesforceStubs.salesforceServeEvents().size());
    }

    @Test
    void oneAccountIsTheTargetAndTheCallIsPutToTheUser() {
        stubLookups(rows("Account", new WriteStubs.Row(ACCOUNT_ID, "Globex & Sons", null)),
                rows("Contact"), rows("Opportunity", new WriteStubs.Row(OPPORTUNITY_ID, "Globex & Sons renewal",
                        ACCOUNT_ID), new WriteStubs.Row("0065g00000Q1aBdAAE", "Globex & Sons services", ACCOUNT_ID)));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-notes.json", origin));

        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.ConfirmIntent", directive.path("type").asText());
        assertEquals(speak("Log a call with Globex &amp; Sons: " + NOTES + "?"), result.ssml());
        assertEquals(speak("Log a call with Globex &amp; Sons: " + NOTES + "?"), result.repromptSsml());
        assertEquals(SkillInvocation.JSON.valueToTree(Map.of("whatId", ACCOUNT_ID, "name", "Globex & Sons",
                "notes", NOTES, "activityDate", "2026-12-01")), result.envelope().path("sessionAttributes"));
        verify(exactly(1), SalesforceStubs.userinfoRequested());
        verify(exactly(1), queried(accountsSoql(GLOBEX)));
        verify(exactly(1), queried(contactsSoql(GLOBEX)));
        verify(exactly(1), queried(openDealsSoql(GLOBEX)));
        assertEquals(4, SalesforceStubs.salesforceServeEvents().size());
        JsonNode log = result.logLine();
        assertEquals("LogCallIntent", log.path("intent").asText());
        assertEquals("CONFIRM_ASKED", log.path("outcome").asText());
        assertEquals(4, log.path("salesforceCalls").asInt());
        assertEquals(1, log.path("salesforceRoundTrips").asInt(), "all four calls in one round trip");
        assertNoUserWordsLogged(result);
        assertFalse(result.context().allText().contains("quote"), "the notes reached a log line");
        assertNothingWritten();
    }

    @Test
    void aNewQuestionForgetsAnEarlierUnansweredChange() {
        stubLookups(rows("Account", new WriteStubs.Row(ACCOUNT_ID, "Globex & Sons", null)), rows("Contact"),
                rows("Opportunity"));
        ObjectNode event = edit(eventAt("skill-log-call-notes.json", origin), e -> e.with("session")
                .with("attributes").put("opportunityId", OPPORTUNITY_ID).put("name", "Globex & Sons renewal")
                .put("fromStage", "Qualification").put("toStage", "Closed Won").put("toStageLabel", "Closed Won")
                .put("greeted", true));

        SkillInvocation.Result result = skill.invoke(event);

        assertEquals(SkillInvocation.JSON.valueToTree(Map.of("whatId", ACCOUNT_ID, "name", "Globex & Sons",
                "notes", NOTES, "activityDate", "2026-12-01", "greeted", true)),
                result.envelope().path("sessionAttributes"), "the move's attributes are gone, others kept");
    }

    @Test
    void theActivityDateIsTheUsersTodayNotUtcs() {
        // 06:30 UTC on 2 December is still 1 December in Los Angeles (the user's zoneinfo).
        skill.clock(Clock.fixed(Instant.parse("2026-12-02T06:30:00Z"), ZoneOffset.UTC));
        stubLookups(rows("Account", new WriteStubs.Row(ACCOUNT_ID, "Globex & Sons", null)), rows("Contact"),
                rows("Opportunity"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-notes.json", origin));

        assertEquals("2026-12-01", result.envelope().path("sessionAttributes").path("activityDate").asText());
    }

    @Test
    void withoutASingleAccountOneContactIsTheTargetWithItsAccount() {
        stubLookups(rows("Account", new WriteStubs.Row(ACCOUNT_ID, "Globex & Sons", null),
                        new WriteStubs.Row("0015g00000GlbxTAAQ", "Globex Holdings", null)),
                rows("Contact", new WriteStubs.Row(CONTACT_ID, "Hank Scorpio", ACCOUNT_ID)), rows("Opportunity"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-notes.json", origin));

        assertEquals(speak("Log a call with Hank Scorpio: " + NOTES + "?"), result.ssml());
        assertEquals(SkillInvocation.JSON.valueToTree(Map.of("whoId", CONTACT_ID, "accountId", ACCOUNT_ID,
                "name", "Hank Scorpio", "notes", NOTES, "activityDate", "2026-12-01")),
                result.envelope().path("sessionAttributes"));
    }

    @Test
    void aContactWithoutAnAccountIsKeptWithoutOne() {
        stubLookups(rows("Account"), rows("Contact", new WriteStubs.Row(CONTACT_ID, "Hank Scorpio", null)),
                rows("Opportunity"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-notes.json", origin));

        assertEquals(SkillInvocation.JSON.valueToTree(Map.of("whoId", CONTACT_ID, "name", "Hank Scorpio",
                "notes", NOTES, "activityDate", "2026-12-01")), result.envelope().path("sessionAttributes"));
    }

    @Test
    void anOpenDealIsTheTargetWhenNoAccountOrContactIsOne() {
        stubLookups(rows("Account"), rows("Contact"),
                rows("Opportunity", new WriteStubs.Row(OPPORTUNITY_ID, "Globex & Sons renewal", ACCOUNT_ID)));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-notes.json", origin));

        assertEquals(speak("Log a call with Globex &amp; Sons renewal: " + NOTES + "?"), result.ssml());
        assertEquals(OPPORTUNITY_ID, result.envelope().path("sessionAttributes").path("whatId").asText());
    }

    @Test
    void severalAccountsAreNamedAndTheUserIsAskedWhichOne() {
        stubLookups(rows("Account", new WriteStubs.Row(ACCOUNT_ID, "Globex & Sons", null),
                        new WriteStubs.Row("0015g00000GlbxTAAQ", "Globex Holdings", null)),
                rows("Contact"), rows("Opportunity"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-notes.json", origin));

        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.ElicitSlot", directive.path("type").asText());
        assertEquals("target", directive.path("slotToElicit").asText());
        assertEquals(NOTES, directive.path("updatedIntent").path("slots").path("notes").path("value").asText());
        assertEquals(speak("I found 2 accounts matching globex: Globex &amp; Sons or Globex Holdings. Which one?"),
                result.ssml());
        assertEquals("AMBIGUOUS", result.logLine().path("outcome").asText());
        assertNothingWritten();
    }

    @Test
    void moreThanThreeContactsAreNamedUpToThree() {
        stubLookups(rows("Account"), rows("Contact", new WriteStubs.Row(CONTACT_ID, "Ann Globex", null),
                new WriteStubs.Row("0035g00000HnkTAAAQ", "Bob Globex", null),
                new WriteStubs.Row("0035g00000HnkUAAAQ", "Cy Globex", null),
                new WriteStubs.Row("0035g00000HnkVAAAQ", "Di Globex", null)), rows("Opportunity"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-notes.json", origin));

        assertEquals(speak("I found more than 3 contacts matching globex, including Ann Globex, Bob Globex, and "
                + "Cy Globex. Which one? Say more of its name."), result.ssml());
    }

    @Test
    void nobodyMatchingIsSaid() {
        stubLookups(rows("Account"), rows("Contact"), rows("Opportunity"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-notes.json", origin));

        assertEquals(speak("I couldn't find an account, contact or open deal called globex. " + Spoken.ANYTHING_ELSE),
                result.ssml());
        assertEquals("NO_MATCH", result.logLine().path("outcome").asText());
        assertNothingWritten();
    }

    @Test
    void theTargetsWordsGoThroughTheEscaperWithItsFillerDropped() {
        String match = "Name LIKE '%o\\'reilly%' AND Name LIKE '%\\_auto\\%%'";
        stubLookups(match, rows("Account"), rows("Contact"), rows("Opportunity"));

        skill.invoke(edit(eventAt("skill-log-call-notes.json", origin),
                e -> slot(e, "target").put("value", "with the O'Reilly _Auto% account")));

        verify(exactly(1), queried(accountsSoql(match)));
        verify(exactly(1), queried(contactsSoql(match)));
        verify(exactly(1), queried(openDealsSoql(match)));
    }

    @Test
    void notesWithMarkupAreSpokenEscaped() {
        stubLookups(rows("Account", new WriteStubs.Row(ACCOUNT_ID, "Globex & Sons", null)), rows("Contact"),
                rows("Opportunity"));

        SkillInvocation.Result result = skill.invoke(edit(eventAt("skill-log-call-notes.json", origin),
                e -> slot(e, "notes").put("value", "R&D wants <beta> access")));

        assertEquals(speak("Log a call with Globex &amp; Sons: R&amp;D wants &lt;beta&gt; access?"), result.ssml());
    }

    @Test
    void aDeadTokenAtTheLookupGetsTheRelinkCard() {
        SalesforceStubs.userinfo(answer(SalesforceErrors.identityBadToken()));
        stubFor(get(urlPathEqualTo(SalesforceStubs.QUERY)).willReturn(answer(SalesforceErrors.dataInvalidSession())));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-notes.json", origin));

        assertEquals(speak(Spoken.RELINK_ACCOUNT), result.ssml());
        assertEquals("LinkAccount", result.cardType());
        assertEquals("SESSION_INVALID", result.logLine().path("outcome").asText());
        assertNothingWritten();
    }

    @Test
    void aDeadTokenSeenOnlyByUserinfoStillGetsTheRelinkCard() {
        SalesforceStubs.userinfo(answer(SalesforceErrors.identityBadToken()));
        stubLookups(rows("Account", new WriteStubs.Row(ACCOUNT_ID, "Globex & Sons", null)), rows("Contact"),
                rows("Opportunity"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-notes.json", origin));

        assertEquals("LinkAccount", result.cardType());
        assertEquals(403, result.logLine().path("salesforceStatus").asInt());
    }

    @Test
    void aLookupOutageIsAnApology() {
        query(accountsSoql(GLOBEX), answer(SalesforceErrors.serverUnavailable()));
        query(contactsSoql(GLOBEX), rows("Contact"));
        query(openDealsSoql(GLOBEX), rows("Opportunity"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-notes.json", origin));

        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertEquals("SALESFORCE_UNAVAILABLE", result.logLine().path("outcome").asText());
    }

    @Test
    void aSlowLookupIsAnApologyAndNothingIsAsked() {
        stubFor(get(urlPathEqualTo(SalesforceStubs.QUERY)).willReturn(SalesforceStubs.json(200,
                SalesforceStubs.NO_RECORDS).withFixedDelay(2000)));

        SkillInvocation.Result result = skill.env(SkillConfig.SALESFORCE_TIMEOUT_MS, "250")
                .invoke(eventAt("skill-log-call-notes.json", origin));

        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertEquals("SALESFORCE_TIMEOUT", result.logLine().path("outcome").asText());
        assertFalse(result.envelope().path("sessionAttributes").has("whatId"));
        assertNothingWritten();
    }

    private static void stubLookups(String accounts, String contacts, String deals) {
        stubLookups(GLOBEX, accounts, contacts, deals);
    }

    private static void stubLookups(String match, String accounts, String contacts, String deals) {
        query(accountsSoql(match), accounts);
        query(contactsSoql(match), contacts);
        query(openDealsSoql(match), deals);
    }
}
