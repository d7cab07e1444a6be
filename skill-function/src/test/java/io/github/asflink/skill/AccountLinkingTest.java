package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static io.github.asflink.skill.SalesforceStubs.answer;
import static io.github.asflink.skill.SalesforceStubs.USERINFO;
import static io.github.asflink.skill.SalesforceStubs.json;
import static io.github.asflink.skill.SkillInvocation.event;
import static io.github.asflink.skill.SkillInvocation.eventAt;
import static io.github.asflink.skill.SkillInvocation.speak;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No token, a token that cannot be used, and a token Salesforce no longer accepts: the user hears how to (re-)link
 * and gets a LinkAccount card; in the first two cases nothing is sent anywhere.
 */
@WireMockTest
class AccountLinkingTest {

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
    }

    @Test
    void unlinkedLaunchGetsALinkAccountCardAndNoSalesforceCall() {
        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-unlinked.json", origin));

        assertLinkAccount(result, Spoken.LINK_ACCOUNT);
        assertEquals(0, getAllServeEvents().size());
        JsonNode log = result.logLine();
        assertEquals("NOT_LINKED", log.path("outcome").asText());
        assertEquals(0, log.path("salesforceCalls").asInt());
        assertEquals(LogLevel.INFO, result.context().lines().getFirst().level());
    }

    @ParameterizedTest
    @ValueSource(strings = {"skill-pipeline.json", "skill-open-cases.json", "skill-create-reminder-confirmed.json"})
    void everySalesforceIntentNeedsALinkedAccount(String eventName) {
        ObjectNode event = eventAt(eventName, origin);
        ((ObjectNode) event.path("context").path("System").path("user")).remove("accessToken");
        ((ObjectNode) event.path("session").path("user")).remove("accessToken");

        SkillInvocation.Result result = skill.invoke(event);

        assertLinkAccount(result, Spoken.LINK_ACCOUNT);
        assertEquals(0, getAllServeEvents().size());
    }

    @Test
    void malformedTokenIsTreatedAsUnlinkedWithAWarningAndNoRequest() {
        SkillInvocation.Result result = skill.invoke(event("skill-launch-bad-token.json"));

        assertLinkAccount(result, Spoken.LINK_ACCOUNT);
        assertEquals(0, getAllServeEvents().size());
        JsonNode log = result.logLine();
        assertEquals("TOKEN_REJECTED", log.path("outcome").asText());
        assertEquals("MALFORMED", log.path("tokenProblem").asText());
        assertEquals("WARN", log.path("level").asText());
        assertEquals(LogLevel.WARN, result.context().lines().getFirst().level());
    }

    @Test
    void instanceUrlOutsideTheAllowListIsNeverCalled() {
        SkillInvocation.Result result = skill.invoke(event("skill-launch-disallowed-instance.json"));

        assertLinkAccount(result, Spoken.LINK_ACCOUNT);
        assertEquals("DISALLOWED_INSTANCE_URL", result.logLine().path("tokenProblem").asText());
        assertFalse(result.context().allText().contains("attacker.example.com"));
    }

    @Test
    void aReachableOriginThatIsNotAllowListedGetsNoRequest() {
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(json(200, SalesforceStubs.USERINFO_BODY)));
        SkillInvocation strict = new SkillInvocation(origin).env(SkillConfig.INSTANCE_URL_ALLOWLIST, "default");

        SkillInvocation.Result result = strict.invoke(eventAt("skill-launch-linked.json", origin));

        assertLinkAccount(result, Spoken.LINK_ACCOUNT);
        assertEquals(0, getAllServeEvents().size(), "the stand-in must not have been called");
        assertEquals("DISALLOWED_INSTANCE_URL", result.logLine().path("tokenProblem").asText());
    }

    @Test
    void tokenInSessionUserOnlyIsStillRead() {
        SalesforceStubs.userinfo();
        ObjectNode event = eventAt("skill-launch-linked.json", origin);
        ((ObjectNode) event.path("context").path("System").path("user")).remove("accessToken");

        SkillInvocation.Result result = skill.invoke(event);

        assertTrue(result.ssml().startsWith("<speak>Hi Ada."), result.ssml());
    }

    @Test
    void expiredSessionAsksToRelinkWithALinkAccountCard() {
        // As Salesforce answers a dead token: the identity service with 403 text, the data API with 401 JSON.
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(answer(SalesforceErrors.identityBadToken())));
        stubFor(get(urlPathEqualTo(SalesforceStubs.QUERY)).willReturn(answer(SalesforceErrors.dataInvalidSession())));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-launch-dead-token.json", origin));

        assertLinkAccount(result, Spoken.RELINK_ACCOUNT);
        verify(exactly(1), getRequestedFor(urlPathEqualTo(USERINFO)));
        JsonNode log = result.logLine();
        assertEquals("SESSION_INVALID", log.path("outcome").asText());
        assertEquals(403, log.path("salesforceStatus").asInt());
        assertEquals("Bad_OAuth_Token", log.path("salesforceError").asText());
        assertEquals("WARN", log.path("level").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"skill-launch-unlinked.json", "skill-launch-bad-token.json",
            "skill-launch-disallowed-instance.json", "skill-help.json", "skill-stop.json", "skill-session-ended.json"})
    void requestsThatNeedNoSalesforceNeverReachTheTransport(String eventName) {
        // A Salesforce that notes every request proves these send nothing anywhere (so never build the HttpClient).
        List<String> sent = new CopyOnWriteArrayList<>();
        SkillInvocation refusing = new SkillInvocation(origin, request -> {
            sent.add(request.uri().getPath());
            throw new IllegalStateException("no request was expected");
        });

        SkillInvocation.Result result = refusing.invoke(eventAt(eventName, origin));

        assertEquals(List.of(), sent);
        assertEquals(0, result.logLine().path("salesforceCalls").asInt());
    }

    private static void assertLinkAccount(SkillInvocation.Result result, String speech) {
        assertEquals(speak(speech), result.ssml());
        assertEquals("LinkAccount", result.cardType());
        assertTrue(result.sessionEnds());
    }
}
