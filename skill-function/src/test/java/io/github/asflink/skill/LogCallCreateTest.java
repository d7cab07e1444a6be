package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.asflink.skill.MoveStageDialogTest.assertNoUserWordsLogged;
import static io.github.asflink.skill.MoveStageDialogTest.onlyDirective;
import static io.github.asflink.skill.SalesforceStubs.answer;
import static io.github.asflink.skill.SkillInvocation.edit;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static io.github.asflink.skill.SkillInvocation.speak;
import static io.github.asflink.skill.WriteStubs.ACCOUNT_ID;
import static io.github.asflink.skill.WriteStubs.CONTACT_ID;
import static io.github.asflink.skill.WriteStubs.OPPORTUNITY_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The call's confirmed turn: one {@code POST} of the completed call Task, its members in a fixed order, built from the
 * session attributes the user heard; a denial or a broken session sends nothing; refusals are said plainly.
 */
@WireMockTest
class LogCallCreateTest {

    static final String HEAD = "{\"Subject\":\"Call: they want the quote by Friday\","
            + "\"Description\":\"they want the quote by Friday\",\"TaskSubtype\":\"Call\",\"Type\":\"Call\","
            + "\"Status\":\"Completed\",\"ActivityDate\":\"2026-12-01\"";

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
    }

    @Test
    void aConfirmedCallOnAnAccountIsOneTaskWithExactlyTheseFields() {
        WriteStubs.taskCreate(WriteStubs.created());

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-confirmed.json", origin));

        verify(exactly(1), WriteStubs.taskCreated(HEAD + ",\"WhatId\":\"" + ACCOUNT_ID + "\"}"));
        assertEquals(1, SalesforceStubs.salesforceServeEvents().size(), "the Task is the turn's one call");
        assertEquals(speak("Logged your call with Globex &amp; Sons. " + Spoken.ANYTHING_ELSE), result.ssml());
        assertFalse(result.envelope().path("sessionAttributes").has("whatId"), "a logged call cannot be logged again");
        JsonNode log = result.logLine();
        assertEquals("LOGGED", log.path("outcome").asText());
        assertEquals("INFO", log.path("level").asText());
        assertEquals(1, log.path("salesforceRoundTrips").asInt());
        assertNoUserWordsLogged(result);
        assertFalse(result.context().allText().contains("quote"), "the notes reached a log line");
    }

    @Test
    void aContactsCallNamesTheContactThenItsAccount() {
        WriteStubs.taskCreate(WriteStubs.created());

        skill.invoke(confirmed(a -> {
            a.remove("whatId");
            a.put("whoId", CONTACT_ID).put("accountId", ACCOUNT_ID).put("name", "Hank Scorpio");
        }));

        verify(exactly(1), WriteStubs.taskCreated(HEAD + ",\"WhoId\":\"" + CONTACT_ID + "\",\"WhatId\":\""
                + ACCOUNT_ID + "\"}"));
    }

    @Test
    void aContactWithoutAnAccountIsTheOnlyRecordNamed() {
        WriteStubs.taskCreate(WriteStubs.created());

        skill.invoke(confirmed(a -> {
            a.remove("whatId");
            a.put("whoId", CONTACT_ID).put("name", "Hank Scorpio");
        }));

        verify(exactly(1), WriteStubs.taskCreated(HEAD + ",\"WhoId\":\"" + CONTACT_ID + "\"}"));
    }

    @Test
    void anOpenDealsCallIsOnTheDeal() {
        WriteStubs.taskCreate(WriteStubs.created());

        skill.invoke(confirmed(a -> a.put("whatId", OPPORTUNITY_ID).put("name", "Globex & Sons renewal")));

        verify(exactly(1), WriteStubs.taskCreated(HEAD + ",\"WhatId\":\"" + OPPORTUNITY_ID + "\"}"));
    }

    @Test
    void longNotesAreCutToTheSubjectsLimit() throws Exception {
        WriteStubs.taskCreate(WriteStubs.created());
        // A long note ending in an emoji where the subject's limit falls: the cut never splits a surrogate pair.
        String notes = "n".repeat(248) + "\uD83D\uDE00" + "x".repeat(31_750);

        skill.invoke(confirmed(a -> a.put("notes", notes)));

        JsonNode body = SkillInvocation.JSON.readTree(
                SalesforceStubs.salesforceServeEvents().getFirst().getRequest().getBodyAsString());
        assertEquals("Call: " + "n".repeat(248), body.path("Subject").asText());
        assertEquals(notes, body.path("Description").asText(), "32,000 characters fit the description");
    }

    @Test
    void aDenialSendsNothing() {
        SkillInvocation.Result result = skill.invoke(confirmed(a -> { }, "DENIED"));

        assertEquals(0, SalesforceStubs.salesforceServeEvents().size());
        assertEquals(speak("OK, I won't log that call. " + Spoken.ANYTHING_ELSE), result.ssml());
        assertFalse(result.envelope().path("sessionAttributes").has("whatId"));
        assertEquals("DENIED", result.logLine().path("outcome").asText());
    }

    @Test
    void aConfirmationWithoutTheCallStartsOverAndSendsNothing() {
        ObjectNode event = edit(eventAt("skill-log-call-confirmed.json", origin),
                e -> ((ObjectNode) e.path("session")).remove("attributes"));

        SkillInvocation.Result result = skill.invoke(event);

        assertEquals(0, SalesforceStubs.salesforceServeEvents().size());
        assertStartedOver(result, "session_attributes_missing");
    }

    static Stream<Arguments> tamperedCalls() {
        return Stream.<Consumer<ObjectNode>>of(
                a -> a.put("whatId", CONTACT_ID),
                a -> a.put("whatId", "0055g00000AbCdEAAV"),
                a -> a.put("whatId", ACCOUNT_ID + "\",\"OwnerId\":\"0055g00000AbCdEAAV"),
                a -> a.put("whoId", CONTACT_ID),
                a -> a.put("accountId", ACCOUNT_ID),
                a -> a.remove("whatId"),
                a -> a.put("activityDate", "2026-13-01"),
                a -> a.put("activityDate", "tomorrow"),
                a -> a.put("notes", ""),
                a -> a.put("notes", "x".repeat(32_001)),
                a -> a.put("name", 7)).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("tamperedCalls")
    void aConfirmationWithABrokenCallStartsOverAndSendsNothing(Consumer<ObjectNode> tamper) {
        SkillInvocation.Result result = skill.invoke(confirmed(tamper));

        assertEquals(0, SalesforceStubs.salesforceServeEvents().size());
        assertStartedOver(result, "session_attributes_invalid");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(SalesforceErrors.data(400, "INSUFFICIENT_ACCESS_OR_READONLY",
                        "insufficient access rights on object id", new String[0]),
                        "You don't have permission to log a call on Globex &amp; Sons. Nothing was saved."),
                Arguments.of(SalesforceErrors.data(400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                        "Type: bad value for restricted picklist field: Call", "Type"),
                        "Your org doesn't have a Call task type, so I couldn't log it."),
                Arguments.of(SalesforceErrors.data(400, "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                        "Calls need a follow-up date", "ActivityDate"),
                        "Salesforce didn't save it: Calls need a follow-up date."),
                Arguments.of(SalesforceErrors.data(400, "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
                        "insufficient access rights on cross-reference id", new String[0]),
                        "You don't have permission to log a call on Globex &amp; Sons. Nothing was saved."));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aRefusedCallIsSaidPlainly(SalesforceErrorAnswer refusal, String said) {
        WriteStubs.taskCreate(answer(refusal));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-confirmed.json", origin));

        assertEquals(speak(said + " " + Spoken.ANYTHING_ELSE), result.ssml());
        assertEquals("WRITE_REFUSED", result.logLine().path("outcome").asText());
        assertEquals(400, result.logLine().path("salesforceStatus").asInt());
        assertFalse(result.context().allText().contains("follow-up"), "a rule's message reached a log line");
    }

    @Test
    void aDeadTokenAtTheCreateGetsTheRelinkCard() {
        WriteStubs.taskCreate(answer(SalesforceErrors.dataInvalidSession()));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-confirmed.json", origin));

        assertEquals("LinkAccount", result.cardType());
        assertTrue(result.sessionEnds());
        assertEquals("SESSION_INVALID", result.logLine().path("outcome").asText());
    }

    @Test
    void anOutageAtTheCreateIsAnApology() {
        WriteStubs.taskCreate(answer(SalesforceErrors.serverUnavailable()));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-confirmed.json", origin));

        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertEquals("SALESFORCE_UNAVAILABLE", result.logLine().path("outcome").asText());
    }

    @Test
    void aCreateWithoutAnAnswerInTimeMayHaveHappenedAndTheUserIsToldToCheck() {
        WriteStubs.taskCreate(WriteStubs.created().withFixedDelay(2000));

        SkillInvocation.Result result = skill.env(SkillConfig.SALESFORCE_TIMEOUT_MS, "250")
                .invoke(eventAt("skill-log-call-confirmed.json", origin));

        assertEquals(1, SalesforceStubs.salesforceServeEvents().size());
        assertEquals(speak("I couldn't confirm the call was logged; please check Salesforce. "
                + Spoken.ANYTHING_ELSE), result.ssml());
        assertEquals("write_unconfirmed", result.logLine().path("problem").asText());
    }

    @Test
    void aCreatedAnswerWithoutAnIdIsStillLogged() {
        WriteStubs.taskCreate(SalesforceStubs.json(201, "{}"));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-log-call-confirmed.json", origin));

        assertEquals("LOGGED", result.logLine().path("outcome").asText());
    }

    private ObjectNode confirmed(Consumer<ObjectNode> change) {
        return confirmed(change, "CONFIRMED");
    }

    private ObjectNode confirmed(Consumer<ObjectNode> change, String status) {
        return edit(eventAt("skill-log-call-confirmed.json", origin), e -> {
            e.with("request").with("intent").put("confirmationStatus", status);
            change.accept((ObjectNode) e.path("session").path("attributes"));
        });
    }

    private static void assertStartedOver(SkillInvocation.Result result, String problem) {
        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.ElicitSlot", directive.path("type").asText());
        assertEquals("target", directive.path("slotToElicit").asText());
        for (JsonNode slot : directive.path("updatedIntent").path("slots")) {
            assertTrue(slot.path("value").isMissingNode(), slot.toString());
        }
        assertEquals(speak("Sorry, I lost track of that call, so I haven't logged it. Who was the call with?"),
                result.ssml());
        assertEquals("STARTED_OVER", result.logLine().path("outcome").asText());
        assertEquals(problem, result.logLine().path("problem").asText());
    }
}
