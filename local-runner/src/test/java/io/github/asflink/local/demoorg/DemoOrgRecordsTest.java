package io.github.asflink.local.demoorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.Http;
import io.github.asflink.local.MovableClock;
import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo org over real HTTP, as the skill's agenda, deal, stage and call intents use it: their exact queries, and
 * record updates and creates with every refusal Salesforce gives.
 */
class DemoOrgRecordsTest {
    private static final String REDIRECT = "https://layla.amazon.com/api/skill/link/DEMOVENDOR";
    private static final String API = "/services/data/v67.0";
    private static final String DEALS_BY_NAME = "SELECT Id, Name, StageName, Amount, CloseDate, NextStep FROM"
            + " Opportunity USING SCOPE mine WHERE %s ORDER BY IsClosed ASC, CloseDate ASC NULLS LAST LIMIT 6";
    private static final String STAGE_CANDIDATES = "SELECT Id, Name, StageName, IsClosed FROM Opportunity USING"
            + " SCOPE mine WHERE %s ORDER BY IsClosed ASC, CloseDate ASC NULLS LAST LIMIT 6";
    private static final String STAGES = "SELECT ApiName, MasterLabel, IsClosed, IsWon FROM OpportunityStage WHERE"
            + " IsActive = true ORDER BY SortOrder ASC";

    /** 04:00 on December 1st in Los Angeles, where Ada is. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private DemoOrg org;
    private String ada;

    @BeforeEach
    void start() throws Exception {
        org = DemoOrg.start(0, clock, new PrintStream(log, true, StandardCharsets.UTF_8));
        ada = tokenFor("ada@demo.example");
    }

    @AfterEach
    void stop() {
        org.close();
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String tokenFor(String username) throws Exception {
        Map<String, String> login = new LinkedHashMap<>();
        login.put("response_type", "code");
        login.put("client_id", ConnectedApp.DEMO_CLIENT_ID);
        login.put("redirect_uri", REDIRECT);
        login.put("scope", "api refresh_token id");
        login.put("username", username);
        login.put("pw", "demo");
        HttpResponse<String> redirect = form("/services/oauth2/authorize", login);
        String code = Http.parseForm(URI.create(redirect.headers().firstValue("Location").orElseThrow())
                .getRawQuery()).get("code");
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "authorization_code");
        grant.put("code", code);
        grant.put("client_id", ConnectedApp.DEMO_CLIENT_ID);
        grant.put("client_secret", ConnectedApp.DEMO_CLIENT_SECRET);
        grant.put("redirect_uri", REDIRECT);
        return object(form("/services/oauth2/token", grant)).get("access_token").getAsString();
    }

    private HttpResponse<String> form(String path, Map<String, String> values) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(org.origin() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.formEncode(values))));
    }

    /** The query as the skill sends it: URL-encoded, spaces as %20. */
    private HttpResponse<String> query(String token, String soql) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(org.origin() + API + "/query?q="
                        + Http.encode(soql).replace("+", "%20")))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json"));
    }

    /** A 200 query answer's records, after checking the envelope Salesforce sends. */
    private JsonArray records(String token, String soql) throws Exception {
        HttpResponse<String> answer = query(token, soql);
        assertEquals(200, answer.statusCode(), soql + " -> " + answer.body());
        JsonObject body = object(answer);
        assertEquals(List.of("totalSize", "done", "records"), List.copyOf(body.keySet()));
        assertTrue(body.get("done").getAsBoolean());
        JsonArray records = body.getAsJsonArray("records");
        assertEquals(records.size(), body.get("totalSize").getAsInt());
        return records;
    }

    private static List<String> column(JsonArray records, String field) {
        List<String> values = new ArrayList<>();
        for (JsonElement record : records) {
            JsonElement value = record.getAsJsonObject().get(field);
            values.add(value.isJsonNull() ? null : value.getAsString());
        }
        return values;
    }

    private HttpResponse<String> write(String token, String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(org.origin() + API + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> patch(String token, String type, String id, String body) throws Exception {
        return write(token, "PATCH", "/sobjects/" + type + "/" + id, body);
    }

    private HttpResponse<String> post(String token, String type, String body) throws Exception {
        return write(token, "POST", "/sobjects/" + type, body);
    }

    private static JsonObject object(HttpResponse<String> answer) {
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    private static void assertAnswer(SalesforceErrorAnswer expected, HttpResponse<String> actual) {
        assertEquals(expected.status(), actual.statusCode(), actual.body());
        assertEquals(expected.body(), actual.body());
        assertEquals(expected.contentType(), actual.headers().firstValue("Content-Type").orElse(""));
    }

    private String idOf(String token, String soql) throws Exception {
        return records(token, soql).get(0).getAsJsonObject().get("Id").getAsString();
    }

    private String opportunityId(String token, String name) throws Exception {
        return idOf(token, "SELECT Id FROM Opportunity WHERE Name = '" + name.replace("'", "\\'") + "'");
    }

    private String stageOf(String token, String id) throws Exception {
        return records(token, "SELECT StageName FROM Opportunity WHERE Id = '" + id + "'").get(0).getAsJsonObject()
                .get("StageName").getAsString();
    }

    private String userId(String token) throws Exception {
        return object(send(HttpRequest.newBuilder(URI.create(org.origin() + "/services/oauth2/userinfo"))
                .header("Authorization", "Bearer " + token))).get("user_id").getAsString();
    }

    // ---- the agenda ---------------------------------------------------------------------------------------------

    @Test
    void adasAgendaForTodayAndTomorrowInHerZoneWithDatetimesInUtc() throws Exception {
        JsonObject info = object(send(HttpRequest.newBuilder(URI.create(org.origin() + "/services/oauth2/userinfo"))
                .header("Authorization", "Bearer " + ada)));
        assertEquals("America/Los_Angeles", info.get("zoneinfo").getAsString());
        assertEquals("Ada", info.get("given_name").getAsString());
        String me = info.get("user_id").getAsString();

        JsonArray timed = records(ada, "SELECT Subject, StartDateTime, Location FROM Event WHERE OwnerId = '" + me
                + "' AND IsAllDayEvent = false AND StartDateTime >= 2026-12-01T08:00:00Z AND StartDateTime <"
                + " 2026-12-02T08:00:00Z ORDER BY StartDateTime ASC LIMIT 10");
        JsonObject first = timed.get(0).getAsJsonObject();
        assertEquals(List.of("attributes", "Subject", "StartDateTime", "Location"), List.copyOf(first.keySet()));
        assertEquals("Event", first.getAsJsonObject("attributes").get("type").getAsString());
        assertTrue(first.getAsJsonObject("attributes").get("url").getAsString()
                .matches("/services/data/v67\\.0/sobjects/Event/00U[0-9A-Za-z]{15}"));
        assertEquals(List.of("Pipeline review", "Globex & Sons quarterly review"), column(timed, "Subject"));
        assertEquals(List.of("2026-12-01T17:00:00.000+0000", "2026-12-01T22:30:00.000+0000"),
                column(timed, "StartDateTime"), "Salesforce's datetime form, in UTC");
        assertEquals(java.util.Arrays.asList(null, "Zoom"), column(timed, "Location"), "nulls are sent as null");

        assertEquals(List.of(), column(records(ada, "SELECT Subject FROM Event WHERE OwnerId = '" + me + "' AND"
                + " IsAllDayEvent = true AND ActivityDate = 2026-12-01 ORDER BY Subject ASC LIMIT 10"), "Subject"));
        JsonArray tasks = records(ada, "SELECT Subject, Priority FROM Task WHERE OwnerId = '" + me + "' AND IsClosed"
                + " = false AND ActivityDate = 2026-12-01 ORDER BY Priority ASC, Subject ASC LIMIT 10");
        assertEquals(List.of("Send Acme the revised quote", "Follow up with Initech"), column(tasks, "Subject"));
        assertEquals(List.of("High", "Normal"), column(tasks, "Priority"));

        assertEquals(List.of("Sales kickoff"), column(records(ada, "SELECT Subject FROM Event WHERE OwnerId = '" + me
                + "' AND IsAllDayEvent = true AND ActivityDate = 2026-12-02 ORDER BY Subject ASC LIMIT 10"),
                "Subject"));
        assertEquals(List.of("2026-12-02T18:00:00.000+0000"), column(records(ada, "SELECT Subject, StartDateTime,"
                + " Location FROM Event WHERE OwnerId = '" + me + "' AND IsAllDayEvent = false AND StartDateTime >="
                + " 2026-12-02T08:00:00Z AND StartDateTime < 2026-12-03T08:00:00Z ORDER BY StartDateTime ASC LIMIT"
                + " 10"), "StartDateTime"), "tomorrow 10:00 in Los Angeles");
    }

    @Test
    void aNewDayMovesTheSeededAgendaWithIt() throws Exception {
        org.close();
        clock.advance(Duration.ofDays(30));
        org = DemoOrg.start(0, clock, new PrintStream(log, true, StandardCharsets.UTF_8));
        String token = tokenFor("ada@demo.example");
        String me = userId(token);
        assertEquals(List.of("2026-12-31T17:00:00.000+0000", "2026-12-31T22:30:00.000+0000"),
                column(records(token, "SELECT Subject, StartDateTime, Location FROM Event WHERE OwnerId = '" + me
                        + "' AND IsAllDayEvent = false AND StartDateTime >= 2026-12-31T08:00:00Z AND StartDateTime"
                        + " < 2027-01-01T08:00:00Z ORDER BY StartDateTime ASC LIMIT 10"), "StartDateTime"));
    }

    // ---- deals and stages -----------------------------------------------------------------------------------------

    @Test
    void aDealByNameAnswersCandidatesWithNextStepsAndNullAmounts() throws Exception {
        JsonArray globex = records(ada, String.format(DEALS_BY_NAME, "Name LIKE '%globex%'"));
        assertEquals(List.of("Globex & Sons renewal", "Globex & Sons services"), column(globex, "Name"));
        assertEquals(List.of("attributes", "Id", "Name", "StageName", "Amount", "CloseDate", "NextStep"),
                List.copyOf(globex.get(0).getAsJsonObject().keySet()));
        assertEquals(List.of("Proposal/Price Quote", "Qualification"), column(globex, "StageName"));
        assertEquals(List.of("48000.5", "18000.0"), column(globex, "Amount"));
        assertEquals(List.of("2026-12-06", "2026-12-26"), column(globex, "CloseDate"));
        assertEquals(List.of("Send the revised quote", "Schedule a scoping call"), column(globex, "NextStep"));

        JsonArray wayne = records(ada, String.format(DEALS_BY_NAME, "Name LIKE '%wayne%' AND Name LIKE '%pilot%'"));
        assertEquals(java.util.Arrays.asList((String) null), column(wayne, "Amount"));
        assertEquals(0, records(ada, String.format(DEALS_BY_NAME, "Name LIKE '%hooli%'")).size(),
                "Grace's deal is not Ada's");
        assertAnswer(SalesforceErrors.invalidField("CurrencyIsoCode", "Opportunity"), query(ada, "SELECT Id, Name,"
                + " StageName, Amount, CurrencyIsoCode, CloseDate, NextStep FROM Opportunity USING SCOPE mine WHERE"
                + " Name LIKE '%globex%' ORDER BY IsClosed ASC, CloseDate ASC NULLS LAST LIMIT 6"));
        assertAnswer(SalesforceErrors.malformedQuery("unexpected token: 'OR'"), query(ada, "SELECT Id FROM"
                + " Opportunity WHERE Name LIKE '%a%' OR Name LIKE '%b%'"));
    }

    @Test
    void theStageListAndTheCandidatesOfAMove() throws Exception {
        JsonArray stages = records(ada, STAGES);
        assertEquals(10, stages.size());
        assertEquals(List.of("attributes", "ApiName", "MasterLabel", "IsClosed", "IsWon"),
                List.copyOf(stages.get(0).getAsJsonObject().keySet()));
        assertEquals("OpportunityStage", stages.get(0).getAsJsonObject().getAsJsonObject("attributes").get("type")
                .getAsString());
        assertEquals("Contract Sent", column(stages, "MasterLabel").get(7));
        assertEquals(List.of("true", "false"), column(stages, "IsWon").subList(8, 10));

        JsonArray candidates = records(ada, String.format(STAGE_CANDIDATES,
                "Name LIKE '%globex%' AND Name LIKE '%renewal%'"));
        assertEquals(List.of("attributes", "Id", "Name", "StageName", "IsClosed"),
                List.copyOf(candidates.get(0).getAsJsonObject().keySet()));
        assertEquals(List.of("false"), column(candidates, "IsClosed"));
        assertEquals(List.of("true"), column(records(ada, String.format(STAGE_CANDIDATES, "Name LIKE '%umbrella%'")),
                "IsClosed"));
    }

    @Test
    void aPatchMovesTheStageAndLaterQueriesSeeIt() throws Exception {
        String renewal = idOf(ada, String.format(STAGE_CANDIDATES, "Name LIKE '%globex%' AND Name LIKE '%renewal%'"));
        HttpResponse<String> moved = patch(ada, "Opportunity", renewal, "{\"StageName\":\"Negotiation/Review\"}");
        assertEquals(204, moved.statusCode(), moved.body());
        assertEquals("", moved.body());
        assertEquals("Negotiation/Review", stageOf(ada, renewal));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("demo org: PATCH " + API + "/sobjects/Opportunity/"
                + renewal + " by ada@demo.example [StageName] -> 204"), log.toString(StandardCharsets.UTF_8));

        assertEquals(204, patch(ada, "Opportunity", renewal.substring(0, 15), "{\"stagename\":\"Closed Won\"}")
                .statusCode(), "15-character ids and field names in any case work too");
        JsonArray after = records(ada, String.format(DEALS_BY_NAME, "Name LIKE '%globex%'"));
        assertEquals(List.of("Globex & Sons services", "Globex & Sons renewal"), column(after, "Name"),
                "now closed, it sorts after the open deal");
        JsonObject totals = records(ada, "SELECT COUNT(Id) openCount, SUM(Amount) openAmount FROM Opportunity USING"
                + " SCOPE mine WHERE IsClosed = false").get(0).getAsJsonObject();
        assertEquals(4, totals.get("openCount").getAsInt());
        assertEquals(1, records(ada, "SELECT Id FROM Opportunity USING SCOPE mine WHERE IsWon = true AND Name LIKE"
                + " '%renewal%'").size());
    }

    @Test
    void patchRefusalsAreSalesforcesAnswersAndChangeNothing() throws Exception {
        String renewal = opportunityId(ada, "Globex & Sons renewal");
        Map<String, SalesforceErrorAnswer> refusals = new LinkedHashMap<>();
        refusals.put("{\"Stage\":\"Closed Won\"}", SalesforceErrors.noSuchColumnOnWrite("Stage", "Opportunity"));
        refusals.put("{\"CurrencyIsoCode\":\"EUR\"}",
                SalesforceErrors.noSuchColumnOnWrite("CurrencyIsoCode", "Opportunity"));
        refusals.put("{\"IsClosed\":true}", SalesforceErrors.readOnlyField("IsClosed"));
        refusals.put("{\"StageName\":\"Won\"}", SalesforceErrors.restrictedPicklist("Stage", "StageName", "Won"));
        refusals.put("{\"StageName\":\"Perception Analysis\"}",
                SalesforceErrors.restrictedPicklist("Stage", "StageName", "Perception Analysis"));
        refusals.put("{\"StageName\":null}", SalesforceErrors.requiredFieldMissing("StageName"));
        refusals.put("{\"Amount\":\"lots\"}", SalesforceErrors.jsonParserError("Cannot deserialize instance of"
                + " double from VALUE_STRING value lots or request may be missing a required field"));
        refusals.put("{\"CloseDate\":\"next week\"}", SalesforceErrors.jsonParserError("Cannot deserialize instance"
                + " of date from VALUE_STRING value next week or request may be missing a required field"));
        refusals.put("{\"StageName\":[\"Closed Won\"]}", SalesforceErrors.jsonParserError("Cannot deserialize"
                + " instance of string from START_ARRAY value  or request may be missing a required field"));
        refusals.put("{StageName:\"Closed Won\"}",
                SalesforceErrors.jsonParserError("Unexpected character in the request body at [line:1, column:3]"));
        refusals.put("{\"StageName\":\"Closed Won\"", SalesforceErrors.jsonParserError("Unexpected end-of-input in"
                + " the request body at [line:1, column:26]"));
        refusals.put("{\"StageName\":\"Closed Won\"} {}", SalesforceErrors.jsonParserError("Unexpected character in"
                + " the request body at [line:1, column:29]"));
        refusals.put("[{\"StageName\":\"Closed Won\"}]",
                SalesforceErrors.jsonParserError("Cannot deserialize instance of Opportunity from START_ARRAY value"));
        refusals.put("", SalesforceErrors.jsonParserError("No content to map due to end-of-input"));
        refusals.put("{\"AccountId\":\"" + renewal + "\"}",
                SalesforceErrors.idOfIncorrectType("Account ID", "AccountId", renewal));
        for (Map.Entry<String, SalesforceErrorAnswer> refusal : refusals.entrySet()) {
            HttpResponse<String> answer = patch(ada, "Opportunity", renewal, refusal.getKey());
            assertEquals(refusal.getValue().status(), answer.statusCode(), refusal.getKey() + " -> " + answer.body());
            assertEquals(refusal.getValue().body(), answer.body(), refusal.getKey());
        }
        assertEquals("Proposal/Price Quote", stageOf(ada, renewal));
        assertEquals(204, patch(ada, "Opportunity", renewal, "{\"Amount\":null,\"NextStep\":\"Call Hank\"}")
                .statusCode(), "an optional field may be cleared");
    }

    @Test
    void theLockedDealTheValidationRuleAndTheReadOnlyUser() throws Exception {
        String initech = opportunityId(ada, "Initech <Pilot> expansion");
        assertAnswer(SalesforceErrors.entityIsLocked(), patch(ada, "Opportunity", initech,
                "{\"StageName\":\"Negotiation/Review\"}"));
        assertEquals("Qualification", stageOf(ada, initech));

        String wayne = opportunityId(ada, "Wayne Enterprises pilot");
        assertAnswer(SalesforceErrors.fieldCustomValidation("Enter an amount before closing this opportunity."),
                patch(ada, "Opportunity", wayne, "{\"StageName\":\"Closed Won\"}"));
        assertEquals("Value Proposition", stageOf(ada, wayne));
        assertEquals(204, patch(ada, "Opportunity", wayne, "{\"StageName\":\"Closed Lost\"}").statusCode(),
                "the rule is about winning only");
        assertAnswer(SalesforceErrors.fieldCustomValidation("Enter an amount before closing this opportunity."),
                patch(ada, "Opportunity", wayne, "{\"StageName\":\"Closed Won\"}"));
        assertEquals(204, patch(ada, "Opportunity", wayne, "{\"Amount\":15000,\"StageName\":\"Closed Won\"}")
                .statusCode());
        assertEquals("Closed Won", stageOf(ada, wayne));

        String katherine = tokenFor("katherine@demo.example");
        String cyberdyne = idOf(katherine, String.format(STAGE_CANDIDATES, "Name LIKE '%cyberdyne%'"));
        assertAnswer(SalesforceErrors.insufficientAccessToRecord(), patch(katherine, "Opportunity", cyberdyne,
                "{\"StageName\":\"Qualification\"}"));
        assertAnswer(SalesforceErrors.insufficientAccessToRecord(), post(katherine, "Task",
                "{\"Subject\":\"Call: hi\",\"Status\":\"Completed\"}"));
        String globexAccount = idOf(katherine, "SELECT Id, Name FROM Account WHERE Name LIKE '%globex%' ORDER BY"
                + " Name ASC LIMIT 4");
        assertAnswer(SalesforceErrors.insufficientAccessToRecord(), patch(katherine, "Account", globexAccount,
                "{\"Name\":\"Globex\"}"));
        assertAnswer(SalesforceErrors.notFound(), patch(katherine, "Opportunity", initech,
                "{\"StageName\":\"Qualification\"}"));
        assertEquals("Needs Analysis", stageOf(katherine, cyberdyne));
    }

    @Test
    void aStageOutsideTheDealsSalesProcessIsABadPicklistValue() throws Exception {
        String acme = opportunityId(ada, "Acme Corp - 500 Widgets");
        assertAnswer(SalesforceErrors.restrictedPicklist("Stage", "StageName", "Contract Sent"),
                patch(ada, "Opportunity", acme, "{\"StageName\":\"Contract Sent\"}"));
        assertEquals("Negotiation/Review", stageOf(ada, acme));
        String services = opportunityId(ada, "Globex & Sons services");
        assertEquals(204, patch(ada, "Opportunity", services, "{\"StageName\":\"Contract Sent\"}").statusCode(),
                "other deals have the org's own stage");
        assertEquals("Contract Sent", stageOf(ada, services));
    }

    @Test
    void recordsTheUserCannotSeeOrThatDoNotExistAreNotFound() throws Exception {
        String hooli = opportunityId(ada, "Hooli cloud rollout");
        assertAnswer(SalesforceErrors.notFound(), patch(ada, "Opportunity", hooli, "{\"StageName\":\"Closed Won\"}"));
        String grace = tokenFor("grace@demo.example");
        assertEquals("Prospecting", stageOf(grace, hooli));
        assertAnswer(SalesforceErrors.notFound(), patch(ada, "Opportunity", "006000000000000AAA",
                "{\"StageName\":\"Closed Won\"}"));
        assertAnswer(SalesforceErrors.notFound(), patch(ada, "Opportunity", "nope", "{}"));
        assertAnswer(SalesforceErrors.notFound(), patch(ada, "Nope", hooli, "{}"));
        assertAnswer(SalesforceErrors.notFound(), patch(ada, "Task", hooli, "{\"Subject\":\"x\"}"));
        String stage = idOf(ada, "SELECT Id FROM OpportunityStage WHERE MasterLabel = 'Closed Won'");
        assertAnswer(SalesforceErrors.entityCannotBe("updated", "OpportunityStage"),
                patch(ada, "OpportunityStage", stage, "{\"IsActive\":false}"));
        assertAnswer(SalesforceErrors.entityCannotBe("inserted", "Organization"), post(ada, "Organization", "{}"));
        assertAnswer(SalesforceErrors.data(405, "METHOD_NOT_ALLOWED", "HTTP Method 'DELETE' not allowed. Allowed"
                + " are PATCH"), write(ada, "DELETE", "/sobjects/Opportunity/" + hooli, ""));
        assertAnswer(SalesforceErrors.data(405, "METHOD_NOT_ALLOWED", "HTTP Method 'PUT' not allowed. Allowed"
                + " are POST"), write(ada, "PUT", "/sobjects/Task", "{}"));
        assertAnswer(SalesforceErrors.dataInvalidSession(), patch("00D000000000000!AQdead", "Opportunity", hooli,
                "{\"StageName\":\"Closed Won\"}"));
    }

    // ---- logging a call -------------------------------------------------------------------------------------------

    @Test
    void theCallTargetQueriesFindAccountsContactsAndOpenDeals() throws Exception {
        String accounts = "SELECT Id, Name FROM Account WHERE %s ORDER BY Name ASC LIMIT 4";
        String contacts = "SELECT Id, Name, AccountId FROM Contact WHERE %s ORDER BY Name ASC LIMIT 4";
        String deals = "SELECT Id, Name, AccountId FROM Opportunity USING SCOPE mine WHERE %s AND IsClosed = false"
                + " ORDER BY Name ASC LIMIT 4";
        String hank = "Name LIKE '%hank%' AND Name LIKE '%scorpio%'";
        assertEquals(0, records(ada, String.format(accounts, hank)).size());
        JsonArray contact = records(ada, String.format(contacts, hank));
        assertEquals(List.of("Hank Scorpio"), column(contact, "Name"));
        assertEquals(List.of("attributes", "Id", "Name", "AccountId"),
                List.copyOf(contact.get(0).getAsJsonObject().keySet()));
        String globex = idOf(ada, String.format(accounts, "Name LIKE '%globex%'"));
        assertEquals(List.of(globex), column(contact, "AccountId"));
        assertEquals(0, records(ada, String.format(deals, hank)).size());

        JsonArray globexDeals = records(ada, String.format(deals, "Name LIKE '%globex%'"));
        assertEquals(List.of("Globex & Sons renewal", "Globex & Sons services"), column(globexDeals, "Name"));
        assertEquals(List.of(globex, globex), column(globexDeals, "AccountId"));
        assertEquals(List.of("Stark Industries"), column(records(ada, String.format(accounts,
                "Name LIKE '%stark%'")), "Name"), "accounts are everyone's, even Grace's");
        assertEquals(List.of("Initech <Pilot> expansion"), column(records(ada, String.format(deals,
                "Name LIKE '%<pilot>%'")), "Name"));
    }

    @Test
    void aLoggedCallIsCreatedAsTheUserAndQueryableAfterwards() throws Exception {
        String hank = idOf(ada, "SELECT Id, Name, AccountId FROM Contact WHERE Name LIKE '%hank%' ORDER BY Name ASC"
                + " LIMIT 4");
        String globex = idOf(ada, "SELECT Id, Name FROM Account WHERE Name LIKE '%globex%' ORDER BY Name ASC LIMIT 4");
        HttpResponse<String> created = post(ada, "Task", "{\"Subject\":\"Call: they want the quote by Friday\","
                + "\"Description\":\"they want the quote by Friday\",\"TaskSubtype\":\"Call\",\"Type\":\"Call\","
                + "\"Status\":\"Completed\",\"ActivityDate\":\"2026-12-01\",\"WhoId\":\"" + hank + "\",\"WhatId\":\""
                + globex + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject answer = object(created);
        assertEquals(List.of("id", "success", "errors"), List.copyOf(answer.keySet()));
        String id = answer.get("id").getAsString();
        assertTrue(id.matches("00T[0-9A-Za-z]{15}"), id);
        assertTrue(answer.get("success").getAsBoolean());
        assertEquals(0, answer.getAsJsonArray("errors").size());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("demo org: POST " + API + "/sobjects/Task by"
                + " ada@demo.example [Subject, Description, TaskSubtype, Type, Status, ActivityDate, WhoId, WhatId]"
                + " -> 201"), log.toString(StandardCharsets.UTF_8));
        assertTrue(!log.toString(StandardCharsets.UTF_8).contains("quote by Friday"), "notes are not logged");

        JsonObject task = records(ada, "SELECT Subject, Description, TaskSubtype, Type, Status, Priority,"
                + " ActivityDate, WhoId, WhatId, OwnerId, IsClosed FROM Task WHERE Id = '" + id + "'").get(0)
                .getAsJsonObject();
        assertEquals("Call: they want the quote by Friday", task.get("Subject").getAsString());
        assertEquals("Call", task.get("TaskSubtype").getAsString());
        assertEquals("Completed", task.get("Status").getAsString());
        assertEquals("Normal", task.get("Priority").getAsString(), "the org's default");
        assertEquals("2026-12-01", task.get("ActivityDate").getAsString());
        assertEquals(hank, task.get("WhoId").getAsString());
        assertEquals(globex, task.get("WhatId").getAsString());
        assertEquals(userId(ada), task.get("OwnerId").getAsString(), "the creating user owns it");
        assertTrue(task.get("IsClosed").getAsBoolean());
        assertEquals(2, records(ada, "SELECT Subject, Priority FROM Task WHERE OwnerId = '" + userId(ada) + "' AND"
                + " IsClosed = false AND ActivityDate = 2026-12-01 ORDER BY Priority ASC, Subject ASC LIMIT 10")
                .size(), "a logged call is done: not on the agenda");
        String grace = tokenFor("grace@demo.example");
        assertEquals(0, records(grace, "SELECT Id FROM Task USING SCOPE mine WHERE Id = '" + id + "'").size());

        String renewal = opportunityId(ada, "Globex & Sons renewal");
        assertEquals(201, post(ada, "Task", "{\"Subject\":\"Call: x\",\"TaskSubtype\":\"Call\",\"Type\":\"Call\","
                + "\"Status\":\"Completed\",\"ActivityDate\":\"2026-12-01\",\"WhatId\":\"" + renewal + "\"}")
                .statusCode(), "a call logged on a deal");
    }

    @Test
    void createRefusalsAreSalesforcesAnswersAndCreateNothing() throws Exception {
        String hank = idOf(ada, "SELECT Id FROM Contact WHERE Name = 'Hank Scorpio'");
        Map<String, SalesforceErrorAnswer> refusals = new LinkedHashMap<>();
        refusals.put("{\"Subject\":\"Call: x\",\"Type\":\"Phone\"}",
                SalesforceErrors.restrictedPicklist("Type", "Type", "Phone"));
        refusals.put("{\"Subject\":\"Call: x\",\"TaskSubtype\":\"Meeting\"}",
                SalesforceErrors.restrictedPicklist("Task Subtype", "TaskSubtype", "Meeting"));
        refusals.put("{\"Subject\":\"Call: x\",\"WhatId\":\"" + hank + "\"}",
                SalesforceErrors.idOfIncorrectType("Related To ID", "WhatId", hank));
        refusals.put("{\"Subject\":\"Call: x\",\"OwnerId\":\"005000000000000AAA\"}",
                SalesforceErrors.idOfIncorrectType("Assigned To ID", "OwnerId", "005000000000000AAA"));
        refusals.put("{\"Subject\":\"" + "x".repeat(256) + "\"}",
                SalesforceErrors.stringTooLong("Subject", "Subject", "x".repeat(256), 255));
        refusals.put("{\"Subject\":\"Call: x\",\"CallNotes\":\"x\"}",
                SalesforceErrors.noSuchColumnOnWrite("CallNotes", "Task"));
        refusals.put("{\"Subject\":\"Call: x\",\"IsClosed\":true}", SalesforceErrors.readOnlyField("IsClosed"));
        refusals.put("{'Subject':'Call: x'}",
                SalesforceErrors.jsonParserError("Unexpected character in the request body at [line:1, column:3]"));
        for (Map.Entry<String, SalesforceErrorAnswer> refusal : refusals.entrySet()) {
            HttpResponse<String> answer = post(ada, "Task", refusal.getKey());
            assertEquals(refusal.getValue().status(), answer.statusCode(), refusal.getKey() + " -> " + answer.body());
            assertEquals(refusal.getValue().body(), answer.body(), refusal.getKey());
        }
        assertEquals(0, records(ada, "SELECT Id FROM Task WHERE Subject LIKE 'Call: x%'").size());
        assertEquals(201, post(ada, "Task", "{\"Subject\":\"" + "x".repeat(255) + "\"}").statusCode(),
                "255 characters fit");
        assertAnswer(SalesforceErrors.requiredFieldMissing("Name"), post(ada, "Opportunity",
                "{\"StageName\":\"Prospecting\",\"CloseDate\":\"2027-01-31\"}"));
        assertAnswer(SalesforceErrors.data(405, "METHOD_NOT_ALLOWED", "HTTP Method 'POST' not allowed. Allowed"
                + " are PATCH"), write(ada, "POST", "/sobjects/Task/" + hank, "{}"));
    }

    @Test
    void otherObjectsAreWritableWithTheirOwnRules() throws Exception {
        HttpResponse<String> created = post(ada, "Event", "{\"Subject\":\"Lunch with Hank\","
                + "\"StartDateTime\":\"2026-12-01T20:00:00.000+0000\",\"EndDateTime\":\"2026-12-01T21:00:00Z\"}");
        assertEquals(201, created.statusCode(), created.body());
        String me = userId(ada);
        assertEquals(List.of("Pipeline review", "Lunch with Hank", "Globex & Sons quarterly review"),
                column(records(ada, "SELECT Subject, StartDateTime, Location FROM Event WHERE OwnerId = '" + me
                        + "' AND IsAllDayEvent = false AND StartDateTime >= 2026-12-01T08:00:00Z AND StartDateTime <"
                        + " 2026-12-02T08:00:00Z ORDER BY StartDateTime ASC LIMIT 10"), "Subject"));
        assertEquals(List.of("2026-12-01"), column(records(ada, "SELECT ActivityDate FROM Event WHERE Subject ="
                + " 'Lunch with Hank'"), "ActivityDate"), "a timed event's date is its start's, in the owner's zone");

        String contact = object(post(ada, "Contact", "{\"FirstName\":\"Milton\",\"LastName\":\"Waddams\"}"))
                .get("id").getAsString();
        assertEquals(List.of("Milton Waddams"), column(records(ada, "SELECT Name FROM Contact WHERE Id = '"
                + contact + "'"), "Name"));
        assertEquals(204, patch(ada, "Contact", contact, "{\"LastName\":\"Waddams-Bolton\"}").statusCode());
        assertEquals(List.of("Milton Waddams-Bolton"), column(records(ada, "SELECT Name FROM Contact WHERE Id = '"
                + contact + "'"), "Name"));
        assertAnswer(SalesforceErrors.readOnlyField("Name"), patch(ada, "Contact", contact, "{\"Name\":\"M\"}"));
    }
}
