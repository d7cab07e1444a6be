package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.asflink.skill.MoveStageDialogTest.assertNoUserWordsLogged;
import static io.github.asflink.skill.MoveStageDialogTest.assertNothingWritten;
import static io.github.asflink.skill.MoveStageDialogTest.onlyDirective;
import static io.github.asflink.skill.SalesforceStubs.answer;
import static io.github.asflink.skill.SalesforceStubs.json;
import static io.github.asflink.skill.SkillInvocation.edit;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static io.github.asflink.skill.SkillInvocation.speak;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stage move's second turn: only a confirmation with the move intact in the session attributes sends the update,
 * exactly {@code {"StageName":"<api name>"}}, and every way Salesforce can refuse it is said plainly.
 */
@WireMockTest
class MoveStageChangeTest {

    static final String BODY = "{\"StageName\":\"Negotiation/Review\"}";

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
    }

    @Test
    void aConfirmedMoveSendsExactlyTheStageAndSaysItIsDone() {
        WriteStubs.stageUpdate(WireMock.aResponse().withStatus(204));

        SkillInvocation.Result result = skill.invoke(confirmed());

        verify(exactly(1), WriteStubs.stageUpdated(BODY));
        assertEquals(1, SalesforceStubs.salesforceServeEvents().size(), "the update is the turn's one call");
        assertEquals(speak("Done. Globex &amp; Sons renewal is now in Negotiation/Review. " + Spoken.ANYTHING_ELSE),
                result.ssml());
        assertFalse(result.sessionEnds());
        assertFalse(result.envelope().path("sessionAttributes").has("opportunityId"),
                "a done move cannot be confirmed again");
        JsonNode log = result.logLine();
        assertEquals("UPDATED", log.path("outcome").asText());
        assertEquals("INFO", log.path("level").asText());
        assertEquals(1, log.path("salesforceCalls").asInt());
        assertEquals(1, log.path("salesforceRoundTrips").asInt());
        assertNoUserWordsLogged(result);
    }

    @Test
    void aDenialSendsNothingAndSaysWhereTheDealStays() {
        SkillInvocation.Result result = skill.invoke(eventAt("skill-move-stage-denied.json", origin));

        assertEquals(0, SalesforceStubs.salesforceServeEvents().size());
        assertEquals(speak("OK, I left Globex &amp; Sons renewal in Proposal/Price Quote. " + Spoken.ANYTHING_ELSE),
                result.ssml());
        assertFalse(result.envelope().path("sessionAttributes").has("opportunityId"));
        assertEquals("DENIED", result.logLine().path("outcome").asText());
    }

    @Test
    void aConfirmationWithoutTheMoveStartsOverAndSendsNothing() {
        ObjectNode event = edit(confirmed(), e -> ((ObjectNode) e.path("session")).remove("attributes"));

        SkillInvocation.Result result = skill.invoke(event);

        assertEquals(0, SalesforceStubs.salesforceServeEvents().size());
        assertStartedOver(result, "session_attributes_missing");
    }

    static Stream<Arguments> tamperedMoves() {
        return Stream.<Consumer<ObjectNode>>of(
                a -> a.put("opportunityId", WriteStubs.ACCOUNT_ID),
                a -> a.put("opportunityId", "0065g00000Q1aBcAAE/../../sobjects/User/0055g00000AbCdEAAV"),
                a -> a.put("opportunityId", "0065g00000Q1aBcAAE?_HttpMethod=DELETE"),
                a -> a.put("opportunityId", 65),
                a -> a.remove("opportunityId"),
                a -> a.put("toStage", ""),
                a -> a.putNull("toStage"),
                a -> a.put("toStage", "Closed Won\u0000"),
                a -> a.put("toStage", "x".repeat(256)),
                a -> a.putObject("toStage").put("StageName", "Closed Won"),
                a -> a.remove("toStageLabel"),
                a -> a.put("name", " ")).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("tamperedMoves")
    void aConfirmationWithABrokenMoveStartsOverAndSendsNothing(Consumer<ObjectNode> tamper) {
        ObjectNode event = edit(confirmed(), e -> tamper.accept((ObjectNode) e.path("session").path("attributes")));

        SkillInvocation.Result result = skill.invoke(event);

        assertEquals(0, SalesforceStubs.salesforceServeEvents().size());
        assertStartedOver(result, "session_attributes_invalid");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(SalesforceErrors.data(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                        "Enter an amount before closing this opportunity.", "Amount"),
                        "Salesforce didn't save it: Enter an amount before closing this opportunity."),
                Arguments.of(SalesforceErrors.data(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                        "Stage can't skip <Review> & \"Legal\" sign-off", "StageName"),
                        "Salesforce didn't save it: Stage can&apos;t skip &lt;Review&gt; &amp; &quot;Legal&quot; "
                                + "sign-off."),
                Arguments.of(SalesforceErrors.data(400, "INSUFFICIENT_ACCESS_OR_READONLY",
                        "insufficient access rights on object id", new String[0]),
                        "You don't have permission to change Globex &amp; Sons renewal. Nothing was changed."),
                Arguments.of(SalesforceErrors.data(403, "INSUFFICIENT_ACCESS_OR_READONLY",
                        "insufficient access rights on object id"),
                        "You don't have permission to change Globex &amp; Sons renewal. Nothing was changed."),
                Arguments.of(SalesforceErrors.data(400, "ENTITY_IS_LOCKED", "the entity is locked for editing",
                        new String[0]),
                        "Globex &amp; Sons renewal is locked, probably in an approval. Nothing was changed."),
                Arguments.of(SalesforceErrors.data(400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                        "Stage: bad value for restricted picklist field: Negotiation/Review", "StageName"),
                        "Globex &amp; Sons renewal can't use the stage Negotiation/Review (its sales process "
                                + "doesn't allow it)."),
                Arguments.of(SalesforceErrors.notFound(), "I can't find Globex &amp; Sons renewal any more."));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aRefusedMoveIsSaidPlainlyAndOnlyItsCodeIsLogged(SalesforceErrorAnswer refusal, String said)
            throws Exception {
        WriteStubs.stageUpdate(answer(refusal));

        SkillInvocation.Result result = skill.invoke(confirmed());

        verify(exactly(1), WriteStubs.stageUpdated(BODY));
        assertEquals(speak(said + " " + Spoken.ANYTHING_ELSE), result.ssml());
        assertFalse(result.sessionEnds());
        JsonNode log = result.logLine();
        assertEquals("WRITE_REFUSED", log.path("outcome").asText());
        assertEquals("INFO", log.path("level").asText());
        assertEquals(refusal.status(), log.path("salesforceStatus").asInt());
        assertEquals(SkillInvocation.JSON.readTree(refusal.body()).path(0).path("errorCode").asText(),
                log.path("salesforceError").asText());
        String logs = result.context().allText().toLowerCase(java.util.Locale.ROOT);
        assertFalse(logs.contains("amount") || logs.contains("legal") || logs.contains("locked for")
                || logs.contains("bad value"), logs);
        assertNoUserWordsLogged(result);
    }

    @Test
    void aDeadTokenAtTheUpdateGetsTheRelinkCard() {
        WriteStubs.stageUpdate(answer(SalesforceErrors.dataInvalidSession()));

        SkillInvocation.Result result = skill.invoke(confirmed());

        assertEquals(speak(Spoken.RELINK_ACCOUNT), result.ssml());
        assertEquals("LinkAccount", result.cardType());
        assertTrue(result.sessionEnds());
        assertEquals("SESSION_INVALID", result.logLine().path("outcome").asText());
    }

    @Test
    void aDeadTokenAtTheLookupGetsTheRelinkCardAndNothingIsAsked() {
        stubFor(get(urlPathEqualTo(SalesforceStubs.QUERY)).willReturn(answer(SalesforceErrors.dataInvalidSession())));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-move-stage-started.json", origin));

        assertEquals("LinkAccount", result.cardType());
        assertTrue(result.response().path("directives").isMissingNode());
        assertEquals("SESSION_INVALID", result.logLine().path("outcome").asText());
        assertNothingWritten();
    }

    static Stream<Arguments> outages() {
        return Stream.of(Arguments.of(SalesforceErrors.serverUnavailable(), 503),
                Arguments.of(SalesforceErrors.unknownException(), 500),
                Arguments.of(SalesforceErrors.requestLimitExceeded(), 403));
    }

    @ParameterizedTest
    @MethodSource("outages")
    void anOutageAtTheUpdateIsAnApology(SalesforceErrorAnswer outage, int status) {
        WriteStubs.stageUpdate(answer(outage));

        SkillInvocation.Result result = skill.invoke(confirmed());

        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertEquals("SALESFORCE_UNAVAILABLE", result.logLine().path("outcome").asText());
        assertEquals(status, result.logLine().path("salesforceStatus").asInt());
    }

    @Test
    void anUpdateWithoutAnAnswerInTimeMayHaveHappenedAndTheUserIsToldToCheck() {
        WriteStubs.stageUpdate(WireMock.aResponse().withStatus(204).withFixedDelay(2000));

        SkillInvocation.Result result = skill.env(SkillConfig.SALESFORCE_TIMEOUT_MS, "250").invoke(confirmed());

        verify(exactly(1), WriteStubs.stageUpdated(BODY));
        assertEquals(speak("I couldn't confirm the change; please check Salesforce. " + Spoken.ANYTHING_ELSE),
                result.ssml());
        JsonNode log = result.logLine();
        assertEquals("SALESFORCE_TIMEOUT", log.path("outcome").asText());
        assertEquals("write_unconfirmed", log.path("problem").asText());
        assertEquals("WARN", log.path("level").asText());
    }

    @Test
    void aConfirmationWithNoTimeLeftSendsNothingAndApologises() {
        WriteStubs.stageUpdate(WireMock.aResponse().withStatus(204));

        // Lambda has less left than the answer margin: the update is never sent, so nothing may have happened.
        SkillInvocation.Result result = skill.remainingMs(400).invoke(confirmed());

        assertEquals(0, SalesforceStubs.salesforceServeEvents().size());
        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertEquals("request_budget_spent", result.logLine().path("problem").asText());
    }

    @Test
    void aSlowLookupIsAnApologyAndNothingIsAsked() {
        stubFor(get(urlPathEqualTo(SalesforceStubs.QUERY)).willReturn(json(200, SalesforceStubs.NO_RECORDS)
                .withFixedDelay(2000)));

        SkillInvocation.Result result = skill.env(SkillConfig.SALESFORCE_TIMEOUT_MS, "250")
                .invoke(eventAt("skill-move-stage-started.json", origin));

        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertEquals("SALESFORCE_TIMEOUT", result.logLine().path("outcome").asText());
        assertEquals("call_timeout", result.logLine().path("problem").asText());
        assertNothingWritten();
    }

    private ObjectNode confirmed() {
        return eventAt("skill-move-stage-confirmed.json", origin);
    }

    private static void assertStartedOver(SkillInvocation.Result result, String problem) {
        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.ElicitSlot", directive.path("type").asText());
        assertEquals("deal", directive.path("slotToElicit").asText());
        assertEquals("NONE", directive.path("updatedIntent").path("confirmationStatus").asText());
        for (JsonNode slot : directive.path("updatedIntent").path("slots")) {
            assertTrue(slot.path("value").isMissingNode(), slot.toString());
        }
        assertEquals(speak("Sorry, I lost track of that change, so I haven't made it. Which deal should I move?"),
                result.ssml());
        assertFalse(result.envelope().path("sessionAttributes").has("opportunityId"));
        JsonNode log = result.logLine();
        assertEquals("STARTED_OVER", log.path("outcome").asText());
        assertEquals(problem, log.path("problem").asText());
        assertEquals("WARN", log.path("level").asText());
    }
}
