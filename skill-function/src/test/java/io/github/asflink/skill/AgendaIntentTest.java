package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.asflink.skill.SalesforceStubs.NO_RECORDS;
import static io.github.asflink.skill.SalesforceStubs.QUERY;
import static io.github.asflink.skill.SalesforceStubs.TODAY_END;
import static io.github.asflink.skill.SalesforceStubs.TODAY_START;
import static io.github.asflink.skill.SalesforceStubs.USERINFO;
import static io.github.asflink.skill.SalesforceStubs.allDayEventsSoql;
import static io.github.asflink.skill.SalesforceStubs.answer;
import static io.github.asflink.skill.SalesforceStubs.json;
import static io.github.asflink.skill.SalesforceStubs.queried;
import static io.github.asflink.skill.SalesforceStubs.query;
import static io.github.asflink.skill.SalesforceStubs.records;
import static io.github.asflink.skill.SalesforceStubs.tasksDueSoql;
import static io.github.asflink.skill.SalesforceStubs.timedEventsSoql;
import static io.github.asflink.skill.SalesforceStubs.userinfo;
import static io.github.asflink.skill.SalesforceStubs.userinfoRequested;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "What's on my agenda?" through the stream handler against a stand-in on loopback: userinfo, then exactly the three
 * queries at once, for the day in the user's zone. The sample day is 2026-12-01, 10:30 in Los Angeles.
 */
@WireMockTest
class AgendaIntentTest {

    private static final String TODAY = "2026-12-01";

    private String origin;
    private SkillInvocation skill;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wireMock) {
        origin = wireMock.getHttpBaseUrl();
        skill = new SkillInvocation(origin);
    }

    @Test
    void todaySpeaksAllDayThenTimedThenTasksInTheUsersZoneAndCountsTheRest() {
        userinfo();
        query(allDayEventsSoql(TODAY), records("Event", "\"Subject\":\"Sales & Marketing offsite\""));
        query(timedEventsSoql(TODAY_START, TODAY_END), records("Event",
                "\"Subject\":\"Pipeline review\",\"StartDateTime\":\"2026-12-01T17:00:00.000+0000\",\"Location\":null",
                "\"Subject\":\"Globex & Sons \\\"quarterly\\\" <review>\","
                        + "\"StartDateTime\":\"2026-12-01T22:30:00.000+0000\",\"Location\":\"Zoom\""));
        query(tasksDueSoql(TODAY), records("Task", "\"Subject\":\"Send Acme the revised quote\",\"Priority\":\"High\"",
                "\"Subject\":\"Follow up with Initech\",\"Priority\":\"Normal\""));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-agenda-today.json", origin));

        assertEquals(speak("Today, you have: all day, Sales &amp; Marketing offsite; at 9 AM, Pipeline review; "
                + "at 2:30 PM, Globex &amp; Sons &quot;quarterly&quot; &lt;review&gt;; and 2 more. "
                + Spoken.ANYTHING_ELSE), result.ssml());
        assertEquals(speak(Spoken.ANYTHING_ELSE_REPROMPT), result.repromptSsml());
        assertFalse(result.sessionEnds());
        verify(exactly(1), userinfoRequested());
        verify(exactly(1), queried(allDayEventsSoql(TODAY)));
        verify(exactly(1), queried(timedEventsSoql(TODAY_START, TODAY_END)));
        verify(exactly(1), queried(tasksDueSoql(TODAY)));
        assertEquals(4, getAllServeEvents().size(), "no other call");
        JsonNode log = result.logLine();
        assertEquals("AgendaIntent", log.path("intent").asText());
        assertEquals("ANSWERED", log.path("outcome").asText());
        assertEquals(4, log.path("salesforceCalls").asInt());
        assertEquals(2, log.path("salesforceRoundTrips").asInt());
        assertFalse(result.context().allText().contains("Pipeline review"), "no subject in the log");
    }

    @Test
    void theThreeQueriesGoOutTogether() {
        userinfo();
        int delayMs = 400;
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(200, NO_RECORDS).withFixedDelay(delayMs)));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-agenda-today.json", origin));

        assertEquals("ANSWERED", result.logLine().path("outcome").asText());
        long criticalPath = result.logLine().path("salesforceCriticalPathMs").asLong();
        long latency = result.logLine().path("salesforceLatencyMs").asLong();
        assertTrue(latency >= 3 * delayMs, "each query waited: " + latency);
        assertTrue(criticalPath < 2 * delayMs + 300, "queries in parallel, not in series: " + criticalPath);
    }

    @Test
    void anEmptyDayIsClear() {
        userinfo();
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(200, NO_RECORDS)));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-agenda-today.json", origin));

        assertEquals(speak("Your calendar is clear today, and no tasks are due. " + Spoken.ANYTHING_ELSE),
                result.ssml());
    }

    @Test
    void tomorrowIsTheUsersTomorrowFromLocalMidnightToMidnight() {
        userinfo();
        String tomorrow = "2026-12-02";
        query(allDayEventsSoql(tomorrow), records("Event", "\"Subject\":\"Sales kickoff\""));
        query(timedEventsSoql("2026-12-02T08:00:00Z", "2026-12-03T08:00:00Z"), records("Event",
                "\"Subject\":\"Acme contract call\",\"StartDateTime\":\"2026-12-02T18:00:00.000+0000\""));
        query(tasksDueSoql(tomorrow),
                records("Task", "\"Subject\":\"Prepare kickoff slides\",\"Priority\":\"Normal\""));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-agenda-tomorrow.json", origin));

        assertEquals(speak("Tomorrow, you have: all day, Sales kickoff; at 10 AM, Acme contract call; "
                + "and a task: Prepare kickoff slides. " + Spoken.ANYTHING_ELSE), result.ssml());
        assertEquals(4, getAllServeEvents().size());
    }

    @ParameterizedTest
    @CsvSource({
        // a week: its Monday, named; a weekend: its Saturday; a month: its first day
        "2026-W50,    2026-12-07, 2026-12-07T08:00:00Z, 2026-12-08T08:00:00Z, On Monday,   ????1207",
        "2026-W49-WE, 2026-12-05, 2026-12-05T08:00:00Z, 2026-12-06T08:00:00Z, On Saturday, ????1205",
        "2027-01,     2027-01-01, 2027-01-01T08:00:00Z, 2027-01-02T08:00:00Z, On Friday,   20270101",
        // a day within the week by its weekday; a year means today
        "2026-12-04,  2026-12-04, 2026-12-04T08:00:00Z, 2026-12-05T08:00:00Z, On Friday,   ''",
        "2026,        2026-12-01, 2026-12-01T08:00:00Z, 2026-12-02T08:00:00Z, Today,       ''",
    })
    void aRangeIsAnsweredForItsFirstDayAndSaysWhichDay(String slot, String day, String start, String end,
                                                        String weekday, String date) {
        userinfo();
        query(allDayEventsSoql(day), NO_RECORDS);
        String quarterPastNine = day + "T17:15:00.000+0000";
        query(timedEventsSoql(start, end), records("Event",
                "\"Subject\":\"Standup\",\"StartDateTime\":\"" + quarterPastNine + "\""));
        query(tasksDueSoql(day), NO_RECORDS);

        SkillInvocation.Result result = skill.invoke(edit(eventAt("skill-agenda-tomorrow.json", origin),
                event -> ((ObjectNode) event.path("request").path("intent").path("slots").path("day"))
                        .put("value", slot)));

        String spokenDay = weekday + (date.isEmpty() ? "" : ", <say-as interpret-as=\"date\">" + date + "</say-as>");
        assertEquals(speak(spokenDay + ", you have: at 9:15 AM, Standup. " + Spoken.ANYTHING_ELSE), result.ssml());
        assertEquals(4, getAllServeEvents().size());
    }

    @Test
    void aFullListSaysAtLeast() {
        userinfo();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add("\"Subject\":\"Call " + i + "\",\"StartDateTime\":\"2026-12-01T1" + i + ":00:00.000+0000\"");
        }
        query(allDayEventsSoql(TODAY), NO_RECORDS);
        query(timedEventsSoql(TODAY_START, TODAY_END), records("Event", events.toArray(String[]::new)));
        query(tasksDueSoql(TODAY), records("Task", "\"Subject\":\"Send Acme the revised quote\",\"Priority\":\"Low\""));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-agenda-today.json", origin));

        assertEquals(speak("Today, you have: at 2 AM, Call 0; at 3 AM, Call 1; at 4 AM, Call 2; and at least 8 more. "
                + Spoken.ANYTHING_ELSE), result.ssml());
    }

    @Test
    void aDeadTokenAsksToRelinkBeforeAnyQuery() {
        userinfo(answer(SalesforceErrors.identityBadToken()));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-agenda-today.json", origin));

        assertEquals(speak(Spoken.RELINK_ACCOUNT), result.ssml());
        assertEquals("LinkAccount", result.cardType());
        assertTrue(result.sessionEnds());
        assertEquals(1, getAllServeEvents().size(), "no query after a dead token");
        assertEquals("SESSION_INVALID", result.logLine().path("outcome").asText());
    }

    @Test
    void aQueryRefusingTheSessionAsksToRelink() {
        userinfo();
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(200, NO_RECORDS)));
        query(tasksDueSoql(TODAY), answer(SalesforceErrors.dataInvalidSession()));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-agenda-today.json", origin));

        assertEquals(speak(Spoken.RELINK_ACCOUNT), result.ssml());
        assertEquals("SESSION_INVALID", result.logLine().path("outcome").asText());
        assertEquals(401, result.logLine().path("salesforceStatus").asInt());
    }

    @Test
    void anOutageIsAnApology() {
        userinfo();
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(answer(SalesforceErrors.serverUnavailable())));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-agenda-today.json", origin));

        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertEquals("SALESFORCE_UNAVAILABLE", result.logLine().path("outcome").asText());
        assertEquals("WARN", result.logLine().path("level").asText());
    }

    @Test
    void aSlowQueryTimesOutIntoAnApology() {
        userinfo();
        stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(200, NO_RECORDS).withFixedDelay(2000)));

        SkillInvocation.Result result = skill.env(SkillConfig.SALESFORCE_TIMEOUT_MS, "300")
                .invoke(eventAt("skill-agenda-today.json", origin));

        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertEquals("SALESFORCE_TIMEOUT", result.logLine().path("outcome").asText());
        assertEquals(Turn.Problem.CALL_TIMEOUT, result.logLine().path("problem").asText());
    }

    @Test
    void anIdThatIsNoUserIdNeverReachesAQuery() {
        userinfo(json(200, SalesforceStubs.USERINFO_BODY.replace("\"user_id\":\"0055g00000AbCdEAAV\"",
                "\"user_id\":\"00D5g000004E9XhEAK\"")));

        SkillInvocation.Result result = skill.invoke(eventAt("skill-agenda-today.json", origin));

        assertEquals(speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT), result.ssml());
        assertEquals("SALESFORCE_UNEXPECTED_ANSWER", result.logLine().path("outcome").asText());
        verify(exactly(1), userinfoRequested());
        assertEquals(1, getAllServeEvents().size());
        assertFalse(getAllServeEvents().getFirst().getRequest().getUrl().contains(QUERY));
        assertTrue(getAllServeEvents().getFirst().getRequest().getUrl().startsWith(USERINFO));
    }
}
