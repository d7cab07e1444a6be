package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reminder's dialog steps: each checks the link with userinfo (which also gives the user's time zone) and
 * nothing else; only a confirmed, complete reminder creates a Task.
 */
@WireMockTest
class ReminderDialogTest {

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
        SalesforceStubs.userinfo();
    }

    @Test
    void startedDialogWithAMissingDateIsDelegatedToAlexa() {
        SkillInvocation.Result result = skill.invoke(eventAt("skill-create-reminder-started.json", origin));

        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.Delegate", directive.path("type").asText());
        assertEquals("CreateReminderIntent", directive.path("updatedIntent").path("name").asText());
        assertTrue(result.response().path("outputSpeech").isMissingNode(), "Delegate carries no speech");
        assertOnlyTheLinkWasChecked();
        assertEquals("DIALOG_CONTINUED", result.logLine().path("outcome").asText());
    }

    @Test
    void completeButUnconfirmedReminderAsksForConfirmation() {
        SkillInvocation.Result result = skill.invoke(confirmed("NONE"));

        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.ConfirmIntent", directive.path("type").asText());
        assertEquals(speak("Should I add a Salesforce task to call Ada about the renewal, due "
                + "<say-as interpret-as=\"date\">????1215</say-as>?"), result.ssml());
        assertFalse(result.sessionEnds());
        assertOnlyTheLinkWasChecked();
    }

    @Test
    void aWeekInsteadOfADayIsAskedForAgain() {
        ObjectNode event = edit(confirmed("CONFIRMED"), e -> ((ObjectNode) e.path("request").path("intent")
                .path("slots").path("date")).put("value", "2026-W50"));

        SkillInvocation.Result result = skill.invoke(event);

        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.ElicitSlot", directive.path("type").asText());
        assertEquals("date", directive.path("slotToElicit").asText());
        assertEquals("NONE", directive.path("updatedIntent").path("confirmationStatus").asText());
        assertTrue(directive.path("updatedIntent").path("slots").path("date").path("value").isMissingNode());
        assertEquals("call Ada about the renewal",
                directive.path("updatedIntent").path("slots").path("subject").path("value").asText());
        assertEquals(speak(Spoken.ASK_REMINDER_DATE), result.ssml());
        assertOnlyTheLinkWasChecked();
    }

    @Test
    void completedDialogWithoutASubjectAsksForIt() {
        ObjectNode event = edit(confirmed("CONFIRMED"), e -> ((ObjectNode) e.path("request").path("intent")
                .path("slots").path("subject")).remove("value"));

        SkillInvocation.Result result = skill.invoke(event);

        JsonNode directive = onlyDirective(result);
        assertEquals("Dialog.ElicitSlot", directive.path("type").asText());
        assertEquals("subject", directive.path("slotToElicit").asText());
        assertEquals(speak(Spoken.ASK_REMINDER_SUBJECT), result.ssml());
    }

    @Test
    void subjectWithMarkupIsEscapedInTheConfirmation() {
        ObjectNode event = edit(confirmed("NONE"), e -> ((ObjectNode) e.path("request").path("intent")
                .path("slots").path("subject")).put("value", "email R&D about <beta> \"now\""));

        SkillInvocation.Result result = skill.invoke(event);

        assertTrue(result.ssml().contains("email R&amp;D about &lt;beta&gt; &quot;now&quot;"), result.ssml());
    }

    @Test
    void tomorrowIsTheUsersTomorrowNearMidnightUtc() {
        // 06:30 UTC on 2 December is 22:30 on 1 December for the Pacific-time user (zoneinfo America/Los_Angeles):
        // a reminder for 2 December is due tomorrow for them, though it is already "today" in UTC.
        skill.clock(Clock.fixed(Instant.parse("2026-12-02T06:30:00Z"), ZoneOffset.UTC));
        ObjectNode event = edit(confirmed("NONE"), e -> ((ObjectNode) e.path("request").path("intent")
                .path("slots").path("date")).put("value", "2026-12-02"));

        SkillInvocation.Result result = skill.invoke(event);

        assertEquals(speak("Should I add a Salesforce task to call Ada about the renewal, due tomorrow?"),
                result.ssml());
    }

    @Test
    void theYearIsLeftOutByTheUsersYearNotUtcs() {
        // 05:00 UTC on 1 January 2027 is still 31 December 2026 in Los Angeles: a 5 January date keeps its year.
        skill.clock(Clock.fixed(Instant.parse("2027-01-01T05:00:00Z"), ZoneOffset.UTC));
        ObjectNode event = edit(confirmed("NONE"), e -> ((ObjectNode) e.path("request").path("intent")
                .path("slots").path("date")).put("value", "2027-01-05"));

        SkillInvocation.Result result = skill.invoke(event);

        assertTrue(result.ssml().contains("due <say-as interpret-as=\"date\">20270105</say-as>?"), result.ssml());
    }

    private static void assertOnlyTheLinkWasChecked() {
        verify(exactly(1), SalesforceStubs.userinfoRequested());
        assertEquals(1, getAllServeEvents().size());
    }

    private ObjectNode confirmed(String confirmationStatus) {
        return edit(eventAt("skill-create-reminder-confirmed.json", origin),
                e -> e.with("request").with("intent").put("confirmationStatus", confirmationStatus));
    }

    private static JsonNode onlyDirective(SkillInvocation.Result result) {
        JsonNode directives = result.response().path("directives");
        assertEquals(1, directives.size(), result.envelope().toString());
        return directives.get(0);
    }
}
