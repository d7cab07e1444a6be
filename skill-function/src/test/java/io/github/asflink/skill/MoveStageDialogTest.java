package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.asflink.skill.SalesforceStubs.query;
import static io.github.asflink.skill.SalesforceStubs.queried;
import static io.github.asflink.skill.SkillInvocation.edit;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static io.github.asflink.skill.SkillInvocation.speak;
import static io.github.asflink.skill.WriteStubs.OPPORTUNITY_ID;
import static io.github.asflink.skill.WriteStubs.STAGES_SOQL;
import static io.github.asflink.skill.WriteStubs.dealsSoql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Move the Globex renewal to negotiation", first turn: the deal and the stage are looked up together (one round
 * trip, the org's own stages), and every answer but a confirmation question changes nothing. No turn here may send
 * an update: each test ends by proving that none went out.
 */
@WireMockTest
class MoveStageDialogTest {

    static final String GLOBEX_RENEWAL = "Name LIKE '%globex%' AND Name LIKE '%renewal%'";
    static final WriteStubs.Deal RENEWAL = new WriteStubs.Deal(OPPORTUNITY_ID, "Globex & Sons renewal",
            "Proposal/Price Quote", false);

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
        query(STAGES_SOQL, WriteStubs.stages());
    }

    @Test
    void theDealAndTheStageAreLookedUpTogetherAndTheMoveIsPutToTheUser() {
        query(dealsSoql(GLOBEX_RENEWAL), WriteStubs.deals(RENEWAL));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-move-stage-started.json", origin));

        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.ConfirmIntent", directive.path("type").asText());
        assertEquals("MoveStageIntent", directive.path("updatedIntent").path("name").asText());
        String question = speak("Move Globex &amp; Sons renewal from Proposal/Price Quote to Negotiation/Review?");
        assertEquals(question, result.ssml());
        assertEquals(question, result.repromptSsml());
        assertFalse(result.sessionEnds());
        assertEquals(SkillInvocation.JSON.valueToTree(Map.of("opportunityId", OPPORTUNITY_ID,
                "name", "Globex & Sons renewal", "fromStage", "Proposal/Price Quote",
                "toStage", "Negotiation/Review", "toStageLabel", "Negotiation/Review")),
                result.envelope().path("sessionAttributes"));
        verify(exactly(1), queried(dealsSoql(GLOBEX_RENEWAL)));
        verify(exactly(1), queried(STAGES_SOQL));
        assertEquals(2, SalesforceStubs.salesforceServeEvents().size());
        JsonNode log = result.logLine();
        assertEquals("MoveStageIntent", log.path("intent").asText());
        assertEquals("CONFIRM_ASKED", log.path("outcome").asText());
        assertEquals("INFO", log.path("level").asText());
        assertEquals(2, log.path("salesforceCalls").asInt());
        assertEquals(1, log.path("salesforceRoundTrips").asInt());
        assertNoUserWordsLogged(result);
    }

    @Test
    void theOrgsOwnStageListDecidesEvenForAStageTheModelDoesNotKnow() {
        query(dealsSoql(GLOBEX_RENEWAL), WriteStubs.deals(RENEWAL));

        SkillInvocation.Result result = skill.invoke(started("globex renewal", "contract sent"));

        assertEquals(speak("Move Globex &amp; Sons renewal from Proposal/Price Quote to Contract Sent?"),
                result.ssml());
        assertEquals("Contract Sent", result.envelope().path("sessionAttributes").path("toStage").asText());
    }

    @Test
    void aRenamedStageIsWrittenByItsApiNameAndSpokenByItsLabel() {
        query(dealsSoql(GLOBEX_RENEWAL), WriteStubs.deals(RENEWAL));
        query(STAGES_SOQL, """
                {"totalSize":2,"done":true,"records":[\
                {"attributes":{"type":"OpportunityStage"},"ApiName":"Proposal/Price Quote",\
                "MasterLabel":"Proposal/Price Quote","IsClosed":false,"IsWon":false},\
                {"attributes":{"type":"OpportunityStage"},"ApiName":"Negotiation/Review",\
                "MasterLabel":"Commercial Review","IsClosed":false,"IsWon":false}]}""");

        SkillInvocation.Result result = skill.invoke(started("globex renewal", "commercial review"));

        assertEquals(speak("Move Globex &amp; Sons renewal from Proposal/Price Quote to Commercial Review?"),
                result.ssml());
        JsonNode attributes = result.envelope().path("sessionAttributes");
        assertEquals("Negotiation/Review", attributes.path("toStage").asText());
        assertEquals("Commercial Review", attributes.path("toStageLabel").asText());
    }

    @Test
    void twoWordsMustBothStartWordsOfTheLabel() {
        query(dealsSoql(GLOBEX_RENEWAL), WriteStubs.deals(RENEWAL));

        SkillInvocation.Result result = skill.invoke(started("globex renewal", "to the closed won stage"));

        assertEquals(speak("Move Globex &amp; Sons renewal from Proposal/Price Quote to Closed Won?"), result.ssml());
    }

    @Test
    void aStageThatMatchesSeveralIsAskedAbout() {
        query(dealsSoql(GLOBEX_RENEWAL), WriteStubs.deals(RENEWAL));

        SkillInvocation.Result result = skill.invoke(started("globex renewal", "closed"));

        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.ElicitSlot", directive.path("type").asText());
        assertEquals("stage", directive.path("slotToElicit").asText());
        assertEquals("globex renewal",
                directive.path("updatedIntent").path("slots").path("deal").path("value").asText());
        assertTrue(directive.path("updatedIntent").path("slots").path("stage").path("value").isMissingNode());
        assertEquals(speak("Which stage do you mean: Closed Won or Closed Lost?"), result.ssml());
        assertEquals("AMBIGUOUS", result.logLine().path("outcome").asText());
        assertNothingWritten();
    }

    @Test
    void aStageTheOrgDoesNotHaveIsSaidWithTheOrgsStages() {
        query(dealsSoql(GLOBEX_RENEWAL), WriteStubs.deals(RENEWAL));

        SkillInvocation.Result result = skill.invoke(started("globex renewal", "signed"));

        assertEquals(speak("Your org has no stage called signed. Its stages are Prospecting, Qualification, "
                + "Needs Analysis, Value Proposition, Id. Decision Makers, Proposal/Price Quote, Negotiation/Review, "
                + "Contract Sent, Closed Won, and Closed Lost. " + Spoken.ANYTHING_ELSE), result.ssml());
        assertTrue(result.response().path("directives").isMissingNode()
                || result.response().path("directives").isEmpty());
        assertEquals("NO_MATCH", result.logLine().path("outcome").asText());
        assertNothingWritten();
    }

    @Test
    void severalMatchingDealsAreNamedAndTheUserIsAskedWhichOne() {
        query(dealsSoql(GLOBEX_RENEWAL), WriteStubs.deals(RENEWAL,
                new WriteStubs.Deal("0065g00000Q1aBdAAE", "Globex renewal <EMEA>", "Qualification", false),
                new WriteStubs.Deal("0065g00000Q1aBeAAE", "Globex renewal 2025", "Closed Won", true)));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-move-stage-started.json", origin));

        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.ElicitSlot", directive.path("type").asText());
        assertEquals("deal", directive.path("slotToElicit").asText());
        assertEquals("negotiation",
                directive.path("updatedIntent").path("slots").path("stage").path("value").asText());
        assertEquals(speak("I found 3 deals: Globex &amp; Sons renewal, Globex renewal &lt;EMEA&gt;, and "
                + "Globex renewal 2025. Which one?"), result.ssml());
        assertEquals("AMBIGUOUS", result.logLine().path("outcome").asText());
        assertNothingWritten();
    }

    @Test
    void sixMatchingDealsAreTooManyToName() {
        WriteStubs.Deal[] six = new WriteStubs.Deal[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = new WriteStubs.Deal("0065g00000Q1aB" + i + "AAE", "Globex renewal " + i, "Qualification", false);
        }
        query(dealsSoql(GLOBEX_RENEWAL), WriteStubs.deals(six));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-move-stage-started.json", origin));

        assertEquals("deal", onlyDirective(result).path("slotToElicit").asText());
        assertEquals(speak("More than five deals match globex renewal. Which one? Say more of its name."),
                result.ssml());
    }

    @Test
    void noMatchingDealIsSaidAndNothingChanges() {
        query(dealsSoql(GLOBEX_RENEWAL), SalesforceStubs.NO_RECORDS);

        SkillInvocation.Result result = skill.invoke(eventAt("skill-move-stage-started.json", origin));

        assertEquals(speak("I couldn't find a deal matching globex renewal among your opportunities. "
                + "You can ask how your pipeline is. " + Spoken.ANYTHING_ELSE), result.ssml());
        assertEquals("NO_MATCH", result.logLine().path("outcome").asText());
        assertNothingWritten();
    }

    @Test
    void aClosedDealIsNotMoved() {
        query(dealsSoql(GLOBEX_RENEWAL), WriteStubs.deals(new WriteStubs.Deal(OPPORTUNITY_ID,
                "Globex & Sons renewal", "Closed Won", true)));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-move-stage-started.json", origin));

        assertEquals(speak("Globex &amp; Sons renewal is already closed, so I won't move it. "
                + Spoken.ANYTHING_ELSE), result.ssml());
        assertEquals("UNCHANGED", result.logLine().path("outcome").asText());
        assertNothingWritten();
    }

    @Test
    void aDealAlreadyInTheStageIsLeftAlone() {
        query(dealsSoql(GLOBEX_RENEWAL), WriteStubs.deals(RENEWAL));

        SkillInvocation.Result result = skill.invoke(started("globex renewal", "proposal"));

        assertEquals(speak("Globex &amp; Sons renewal is already in Proposal/Price Quote. " + Spoken.ANYTHING_ELSE),
                result.ssml());
        assertEquals("UNCHANGED", result.logLine().path("outcome").asText());
        assertNothingWritten();
    }

    @Test
    void withoutAStageTheSkillAsksForOneBeforeAnyLookup() {
        ObjectNode event = edit(eventAt("skill-move-stage-started.json", origin),
                e -> slot(e, "stage").remove("value"));

        SkillInvocation.Result result = skill.invoke(event);

        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.ElicitSlot", directive.path("type").asText());
        assertEquals("stage", directive.path("slotToElicit").asText());
        assertEquals(speak("Which stage should it move to?"), result.ssml());
        assertEquals("DIALOG_CONTINUED", result.logLine().path("outcome").asText());
        assertEquals(0, SalesforceStubs.salesforceServeEvents().size());
    }

    @Test
    void aDealNamedOnlyByFillerWordsIsAskedForAgainWithoutAQuery() {
        SkillInvocation.Result result = skill.invoke(started("the deal", "negotiation"));

        assertEquals("deal", onlyDirective(result).path("slotToElicit").asText());
        assertEquals(speak("Which deal should I move?"), result.ssml());
        assertEquals(0, SalesforceStubs.salesforceServeEvents().size());
    }

    @Test
    void quotesBackslashesAndLikeWildcardsInTheDealNameAreEscaped() {
        String match = "Name LIKE '%o\\'brien\\'s%' AND Name LIKE '%100\\%\\_\\\\%' AND Name LIKE '%\\\"x\\\"%'";
        query(dealsSoql(match), WriteStubs.deals(new WriteStubs.Deal(OPPORTUNITY_ID, "O'Brien's 100%_\\ \"x\"",
                "Qualification", false)));

        SkillInvocation.Result result = skill.invoke(started("O'Brien's  100%_\\ \"x\" deal", "negotiation"));

        verify(exactly(1), queried(dealsSoql(match)));
        assertEquals(speak("Move O&apos;Brien&apos;s 100%_\\ &quot;x&quot; from Qualification to "
                + "Negotiation/Review?"), result.ssml());
        assertNoUserWordsLogged(result);
    }

    @Test
    void soslReservedCharactersReachSalesforceLiterally() {
        String match = "Name LIKE '%r&d+(beta)*%' AND Name LIKE '%{x}:~^!|?[-]%'";
        query(dealsSoql(match), SalesforceStubs.NO_RECORDS);

        SkillInvocation.Result result = skill.invoke(started("R&D+(beta)* {x}:~^!|?[-]", "negotiation"));

        verify(exactly(1), queried(dealsSoql(match)));
        assertEquals("NO_MATCH", result.logLine().path("outcome").asText());
    }

    @Test
    void atMostFiveWordsOfTheDealNameAreMatched() {
        String match = "Name LIKE '%one%' AND Name LIKE '%two%' AND Name LIKE '%three%' AND Name LIKE '%four%' "
                + "AND Name LIKE '%five%'";
        query(dealsSoql(match), SalesforceStubs.NO_RECORDS);

        skill.invoke(started("my one two\tthree the four five six", "negotiation"));

        verify(exactly(1), queried(dealsSoql(match)));
    }

    /** The move turn's event with other words in its slots. */
    private ObjectNode started(String deal, String stage) {
        return edit(eventAt("skill-move-stage-started.json", origin), e -> {
            slot(e, "deal").put("value", deal);
            slot(e, "stage").put("value", stage);
        });
    }

    static ObjectNode slot(ObjectNode event, String name) {
        return (ObjectNode) event.path("request").path("intent").path("slots").path(name);
    }

    static JsonNode onlyDirective(SkillInvocation.Result result) {
        JsonNode directives = result.response().path("directives");
        assertEquals(1, directives.size(), result.envelope().toString());
        return directives.get(0);
    }

    static void assertNothingWritten() {
        verify(exactly(0), WriteStubs.anyStageUpdate());
        verify(exactly(0), WriteStubs.anyTaskCreate());
    }

    /** Deal names, stage words and record ids are the user's business: the log line carries none. */
    static void assertNoUserWordsLogged(SkillInvocation.Result result) {
        String logs = result.context().allText().toLowerCase(java.util.Locale.ROOT);
        for (String word : new String[] {"globex", "renewal", "brien", "negotiation", "proposal",
                OPPORTUNITY_ID.toLowerCase(java.util.Locale.ROOT), WriteStubs.ACCOUNT_ID.toLowerCase(
                java.util.Locale.ROOT), WriteStubs.CONTACT_ID.toLowerCase(java.util.Locale.ROOT)}) {
            assertFalse(logs.contains(word), () -> "the log line holds '" + word + "': " + logs);
        }
    }
}
