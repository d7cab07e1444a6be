package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.asflink.skill.SalesforceStubs.QUERY;
import static io.github.asflink.skill.SalesforceStubs.TASKS;
import static io.github.asflink.skill.SalesforceStubs.USERINFO;
import static io.github.asflink.skill.SalesforceStubs.answer;
import static io.github.asflink.skill.SalesforceStubs.anyQuery;
import static io.github.asflink.skill.SalesforceStubs.userinfoRequested;
import static io.github.asflink.skill.SkillInvocation.edit;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static io.github.asflink.skill.SkillInvocation.speak;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.asflink.salesforceerrors.IdentityError;
import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token Salesforce no longer accepts, as Salesforce really says it: the identity service (userinfo) with 403 and a
 * plain-text {@code Bad_OAuth_Token}, the data API with 401 {@code INVALID_SESSION_ID}. Every request that needs the
 * link answers with the re-link card; other 403s are not a dead token and are told apart in the log.
 */
@WireMockTest
class DeadTokenTest {

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
    }

    /** Every request that uses the link, including the reminder turns that only ask or confirm. */
    static Stream<Arguments> linkedRequests() {
        return Stream.of(
                Arguments.of("launch", "skill-launch-linked.json", null),
                Arguments.of("pipeline", "skill-pipeline.json", null),
                Arguments.of("open cases", "skill-open-cases.json", null),
                Arguments.of("reminder started (delegated)", "skill-create-reminder-started.json", null),
                Arguments.of("reminder to confirm", "skill-create-reminder-confirmed.json", "NONE"),
                Arguments.of("reminder denied", "skill-create-reminder-denied.json", null),
                Arguments.of("reminder confirmed", "skill-create-reminder-confirmed.json", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linkedRequests")
    void everyRequestWithADeadTokenAsksToRelink(String what, String eventName, String confirmation) {
        deadToken(answer(SalesforceErrors.identityBadToken()));
        ObjectNode event = eventAt(eventName, origin);
        if (confirmation != null) {
            event.with("request").with("intent").put("confirmationStatus", confirmation);
        }

        SkillInvocation.Result result = skill.invoke(event);

        assertRelink(result);
        verify(exactly(0), postRequestedFor(urlPathEqualTo(TASKS)));
    }

    @Test
    void aReminderTurnThatOnlyElicitsStillChecksTheLinkFirst() {
        deadToken(answer(SalesforceErrors.identityBadToken()));
        ObjectNode event = edit(eventAt("skill-create-reminder-confirmed.json", origin), e -> ((ObjectNode) e
                .path("request").path("intent").path("slots").path("date")).put("value", "2026-W50"));

        SkillInvocation.Result result = skill.invoke(event);

        assertRelink(result);
        verify(exactly(1), userinfoRequested());
        assertEquals(403, result.logLine().path("salesforceStatus").asInt());
        assertEquals("Bad_OAuth_Token", result.logLine().path("salesforceError").asText());
    }

    @Test
    void aDeadTokenOutranksAnOutageThatCameFirstInTheSameRoundTrip() {
        // userinfo is read first; its outage must not hide the data API's verdict that only re-linking helps
        deadToken(answer(SalesforceErrors.serverUnavailable()));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-pipeline.json", origin));

        assertRelink(result);
        assertEquals(401, result.logLine().path("salesforceStatus").asInt());
    }

    @Test
    void openCasesLearnsOfTheDeadTokenFromTheDataApiWithoutAskingUserinfo() {
        deadToken(answer(SalesforceErrors.identityBadToken()));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases.json", origin));

        assertRelink(result);
        verify(exactly(0), userinfoRequested());
        verify(exactly(2), anyQuery());
        assertEquals(401, result.logLine().path("salesforceStatus").asInt());
        assertEquals("INVALID_SESSION_ID", result.logLine().path("salesforceError").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identityDeadTokenBodies")
    void theIdentityCodeIsReadHoweverItIsSent(String what, ResponseDefinitionBuilder userinfo, String code) {
        deadToken(userinfo);

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", origin));

        assertRelink(result);
        assertEquals(code, result.logLine().path("salesforceError").asText());
    }

    static Stream<Arguments> identityDeadTokenBodies() {
        SalesforceErrorAnswer bad = SalesforceErrors.identityBadToken();
        return Stream.of(
                Arguments.of("text/plain", answer(bad), "Bad_OAuth_Token"),
                Arguments.of("trailing newline", aResponse().withStatus(403)
                        .withHeader("Content-Type", bad.contentType()).withBody(bad.body() + "\n"), "Bad_OAuth_Token"),
                Arguments.of("no content type", aResponse().withStatus(403).withBody(bad.body()), "Bad_OAuth_Token"),
                Arguments.of("no token sent", answer(SalesforceErrors.identityMissingToken()), "Missing_OAuth_Token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Insufficient_Scope_EXAMPLE", "<html>Forbidden</html>", ""})
    void anotherIdentity403IsForbiddenNotADeadTokenAndItsTextIsNotLogged(String body) {
        userinfo403(body);

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", origin));

        assertApology(result);
        JsonNode log = result.logLine();
        assertEquals("SALESFORCE_REJECTED", log.path("outcome").asText());
        assertEquals(Turn.Problem.IDENTITY_FORBIDDEN, log.path("problem").asText());
        assertEquals(403, log.path("salesforceStatus").asInt());
        assertTrue(log.path("salesforceError").isMissingNode(), log.toString());
        if (!body.isEmpty()) {
            assertFalse(result.context().allText().contains(body), "an unknown identity body reached the log");
        }
    }

    @Test
    void aKnownIdentityCodeOtherThanADeadTokenIsForbiddenWithItsCode() {
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(answer(IdentityError.WRONG_ORG.answer())));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-linked.json", origin));

        assertApology(result);
        assertEquals(Turn.Problem.IDENTITY_FORBIDDEN, result.logLine().path("problem").asText());
        assertEquals("Wrong_Org", result.logLine().path("salesforceError").asText());
    }

    @Test
    void aDataApi403IsForbiddenNotADeadToken() {
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(answer(SalesforceErrors.apiDisabledForUser())));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases.json", origin));

        assertApology(result);
        JsonNode log = result.logLine();
        assertEquals("SALESFORCE_REJECTED", log.path("outcome").asText());
        assertEquals(Turn.Problem.DATA_FORBIDDEN, log.path("problem").asText());
        assertEquals("API_CURRENTLY_DISABLED", log.path("salesforceError").asText());
    }

    @Test
    void theRequestLimitIsAnOutageNotAPermissionProblem() {
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(answer(SalesforceErrors.requestLimitExceeded())));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-open-cases.json", origin));

        assertApology(result);
        JsonNode log = result.logLine();
        assertEquals("SALESFORCE_UNAVAILABLE", log.path("outcome").asText());
        assertEquals(403, log.path("salesforceStatus").asInt());
        assertEquals("REQUEST_LIMIT_EXCEEDED", log.path("salesforceError").asText());
        assertTrue(log.path("problem").isMissingNode(), log.toString());
    }

    /** Salesforce's whole answer to a dead token: userinfo as given, every data call 401. */
    private static void deadToken(ResponseDefinitionBuilder userinfo) {
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(userinfo));
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(answer(SalesforceErrors.dataInvalidSession())));
        stubFor(post(urlPathEqualTo(TASKS)).willReturn(answer(SalesforceErrors.dataInvalidSession())));
    }

    /** A 403 whose text is not one of the identity service's known codes (what it sends then is not confirmed). */
    private static void userinfo403(String body) {
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/plain;charset=UTF-8").withBody(body)));
    }

    private static void assertRelink(SkillInvocation.Result result) {
        assertEquals(speak(Spoken.RELINK_ACCOUNT), result.ssml());
        assertEquals("LinkAccount", result.cardType());
        assertTrue(result.sessionEnds());
        assertTrue(result.response().path("directives").isMissingNode()
                || result.response().path("directives").isEmpty(), "no dialog directive with a dead token");
        assertEquals("SESSION_INVALID", result.logLine().path("outcome").asText());
    }

    private static void assertApology(SkillInvocation.Result result) {
        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertFalse(result.sessionEnds());
        assertNull(result.cardType());
    }
}
