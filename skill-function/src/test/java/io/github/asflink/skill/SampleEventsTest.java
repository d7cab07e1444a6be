package io.github.asflink.skill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tests read copies of the repo's {@code events/skill-*.json} from the module's own test resources, because
 * {@code sam build} builds this folder alone, elsewhere. When the repo folder is there, the copies must match it.
 * Every envelope is also run through the handler against a stand-in org, and must end as its name says.
 */
@WireMockTest
class SampleEventsTest {

    /** How each sample ends; a new sample needs a line here. */
    private static final Map<String, String> OUTCOMES = Map.ofEntries(
            Map.entry("skill-agenda-today.json", "ANSWERED"),
            Map.entry("skill-agenda-today-echo-show.json", "ANSWERED"),
            Map.entry("skill-agenda-tomorrow.json", "ANSWERED"),
            Map.entry("skill-deal-status.json", "ANSWERED"),
            Map.entry("skill-deal-status-ambiguous.json", "DIALOG_CONTINUED"),
            Map.entry("skill-deal-status-choose.json", "ANSWERED"),
            Map.entry("skill-create-reminder-confirmed.json", "TASK_CREATED"),
            Map.entry("skill-create-reminder-denied.json", "REMINDER_DECLINED"),
            Map.entry("skill-create-reminder-started.json", "DIALOG_CONTINUED"),
            Map.entry("skill-fallback.json", "ANSWERED"),
            Map.entry("skill-help.json", "ANSWERED"),
            Map.entry("skill-launch-bad-token.json", "TOKEN_REJECTED"),
            Map.entry("skill-launch-dead-token.json", "SESSION_INVALID"),
            Map.entry("skill-launch-disallowed-instance.json", "TOKEN_REJECTED"),
            Map.entry("skill-launch-linked.json", "ANSWERED"),
            Map.entry("skill-launch-unlinked.json", "NOT_LINKED"),
            Map.entry("skill-log-call-confirmed.json", "LOGGED"),
            Map.entry("skill-log-call-notes.json", "CONFIRM_ASKED"),
            Map.entry("skill-log-call-started.json", "DIALOG_CONTINUED"),
            Map.entry("skill-move-stage-confirmed.json", "UPDATED"),
            Map.entry("skill-move-stage-denied.json", "DENIED"),
            Map.entry("skill-move-stage-started.json", "CONFIRM_ASKED"),
            Map.entry("skill-open-cases.json", "ANSWERED"),
            Map.entry("skill-open-cases-echo-show.json", "ANSWERED"),
            Map.entry("skill-pipeline.json", "ANSWERED"),
            Map.entry("skill-pipeline-echo-show.json", "ANSWERED"),
            Map.entry("skill-session-ended.json", "SESSION_ENDED"),
            Map.entry("skill-stop.json", "ANSWERED"));

    /** The samples from a device with a screen whose answer is a list: they, and only they, get the APL list. */
    private static final Set<String> SCREENS = Set.of("skill-agenda-today-echo-show.json",
            "skill-open-cases-echo-show.json", "skill-pipeline-echo-show.json");
    /** The samples that search Salesforce for the user's words: they, and only they, send a progressive response. */
    private static final Set<String> ANNOUNCED = Set.of("skill-deal-status.json", "skill-deal-status-ambiguous.json",
            "skill-log-call-confirmed.json", "skill-log-call-notes.json", "skill-move-stage-confirmed.json",
            "skill-move-stage-started.json");

    private static final Path COPIES = Path.of("src", "test", "resources", "events");
    private static final Path REPO_EVENTS = Path.of("..", "events");

    @Test
    void copiesMatchTheRepoEventsWhenTheyArePresent() throws IOException {
        assumeTrue(Files.isDirectory(REPO_EVENTS), "built outside the repo (sam build): no ../events to compare");
        List<Path> published = skillEvents(REPO_EVENTS);
        List<Path> copies = skillEvents(COPIES);

        assertEquals(names(published), names(copies), "every events/skill-*.json needs a copy, and only those");
        for (Path event : published) {
            assertArrayEquals(Files.readAllBytes(event), Files.readAllBytes(COPIES.resolve(event.getFileName())),
                    () -> event.getFileName() + " differs from its copy in " + COPIES);
        }
    }

    @Test
    void everyCopyIsAnAlexaRequestEnvelope() throws IOException {
        List<Path> copies = skillEvents(COPIES);
        assertFalse(copies.isEmpty());
        for (Path event : copies) {
            JsonNode envelope = SkillInvocation.JSON.readTree(event.toFile());
            assertEquals("1.0", envelope.path("version").asText(), event.toString());
            assertTrue(envelope.path("context").path("System").path("application").has("applicationId"),
                    event.toString());
            assertTrue(envelope.path("request").has("type"), event.toString());
            assertTrue(envelope.path("request").path("requestId").asText().startsWith("amzn1.echo-api.request."),
                    event.toString());
        }
    }

    @Test
    void everyEnvelopeRunsThroughTheHandlerToItsOutcome(WireMockRuntimeInfo wireMock) throws IOException {
        String origin = wireMock.getHttpBaseUrl();
        standInOrg();
        List<Path> copies = skillEvents(COPIES);
        assertEquals(new TreeSet<>(OUTCOMES.keySet()), new TreeSet<>(names(copies)), "every sample needs an outcome");
        for (Path event : copies) {
            String name = event.getFileName().toString();
            SkillInvocation.Result result = new SkillInvocation(origin)
                    .invoke(SkillInvocation.eventAt(name, origin));
            assertEquals(OUTCOMES.get(name), result.logLine().path("outcome").asText(), name);
            boolean screen = result.response().path("directives").findValuesAsText("type")
                    .contains("Alexa.Presentation.APL.RenderDocument");
            assertEquals(SCREENS.contains(name), screen, name + (screen ? " showed" : " did not show") + " a list");
            assertEquals(ANNOUNCED.contains(name), result.logLine().has("progressive"), name);
        }
    }

    /**
     * A healthy multi-currency org for the sample token; the dead-token sample's token is refused as Salesforce does.
     */
    private static void standInOrg() {
        SalesforceStubs.userinfo();
        stubFor(get(urlPathEqualTo(SalesforceStubs.USERINFO)).atPriority(1)
                .withHeader("Authorization", containing("Expired"))
                .willReturn(SalesforceStubs.answer(SalesforceErrors.identityBadToken())));
        SalesforceStubs.query(SalesforceStubs.TOTALS_SOQL, SalesforceStubs.totals(3, "1250000.0"));
        SalesforceStubs.query(SalesforceStubs.NEXT_MULTI_SOQL,
                SalesforceStubs.next("Globex renewal", "250000.0", "USD", "2026-12-15"));
        SalesforceStubs.query(SalesforceStubs.ORG_CURRENCY_SOQL, SalesforceStubs.orgCurrency("USD"));
        SalesforceStubs.query(SalesforceStubs.CASE_COUNT_SOQL, "{\"totalSize\":4,\"done\":true,\"records\":[]}");
        SalesforceStubs.query(SalesforceStubs.TOP_CASES_SOQL, SalesforceStubs.NO_RECORDS);
        stubFor(get(urlPathEqualTo(SalesforceStubs.QUERY)).withQueryParam("q", matching("SELECT Subject.*"))
                .willReturn(SalesforceStubs.json(200, SalesforceStubs.records("Event", "\"Subject\":\"Standup\","
                        + "\"StartDateTime\":\"2026-12-01T17:00:00.000+0000\",\"Priority\":\"High\""))));
        String renewal = "\"Id\":\"0065g00000Q1AAAAA2\",\"Name\":\"Globex & Sons renewal\",\"StageName\":\"Proposal\","
                + "\"Amount\":48000.5,\"CurrencyIsoCode\":\"USD\",\"CloseDate\":\"2026-12-06\"";
        SalesforceStubs.query(SalesforceStubs.dealsMultiSoql("Name LIKE '%globex%' AND Name LIKE '%renewal%'"),
                SalesforceStubs.records("Opportunity", renewal));
        SalesforceStubs.query(SalesforceStubs.dealsMultiSoql("Name LIKE '%globex%'"), SalesforceStubs.records(
                "Opportunity", renewal, renewal.replace("AAAAA2", "AAAAA3").replace("renewal", "services")));
        stubFor(post(urlPathEqualTo("/v1/directives")).willReturn(aResponse().withStatus(204)));
        stubFor(post(urlPathEqualTo(SalesforceStubs.TASKS)).willReturn(SalesforceStubs.json(201,
                "{\"id\":\"00T5g00000XyZaBEAV\",\"success\":true,\"errors\":[]}")));
        // The write intents' samples: "globex renewal" is one deal in Proposal/Price Quote, "globex" one account.
        SalesforceStubs.query(WriteStubs.STAGES_SOQL, WriteStubs.stages());
        SalesforceStubs.query(WriteStubs.dealsSoql(MoveStageDialogTest.GLOBEX_RENEWAL),
                WriteStubs.deals(MoveStageDialogTest.RENEWAL));
        SalesforceStubs.query(WriteStubs.accountsSoql(LogCallDialogTest.GLOBEX), WriteStubs.rows("Account",
                new WriteStubs.Row(WriteStubs.ACCOUNT_ID, "Globex & Sons", null)));
        SalesforceStubs.query(WriteStubs.contactsSoql(LogCallDialogTest.GLOBEX), WriteStubs.rows("Contact"));
        SalesforceStubs.query(WriteStubs.openDealsSoql(LogCallDialogTest.GLOBEX), WriteStubs.rows("Opportunity"));
        WriteStubs.stageUpdate(aResponse().withStatus(204));
    }

    private static List<Path> skillEvents(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("skill-.*\\.json")).sorted().toList();
        }
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }
}
