package io.github.asflink.local.demoorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.asflink.local.MovableClock;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every SOQL form the skill sends, answered from the seeded data; everything else refused as Salesforce would. */
class SoqlInterpreterTest {
    /** 04:00 in Los Angeles (Ada), 07:00 in New York (Grace): the same day everywhere. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final DemoData data = DemoData.seeded(clock);
    private final SoqlInterpreter soql = new SoqlInterpreter(data);
    private final DemoUser ada = data.users().get(0);
    private final DemoUser grace = data.users().get(1);
    private final DemoUser katherine = data.users().get(2);

    private static List<Object> column(SoqlInterpreter.Result result, String field) {
        return result.records().stream().map(r -> r.get(field)).toList();
    }

    private SoqlInterpreter.Result asAda(String query) throws SoqlException {
        return soql.run(query, ada.id());
    }

    private SoqlException refused(String query) {
        return assertThrows(SoqlException.class, () -> soql.run(query, ada.id()), query);
    }

    // ---- the skill's read queries -------------------------------------------------------------------------------

    @Test
    void pipelineTotalsAreOneAggregateRowOverTheUsersOpenOpportunities() throws SoqlException {
        SoqlInterpreter.Result totals = asAda("SELECT COUNT(Id) openCount, SUM(Amount) openAmount FROM Opportunity"
                + " USING SCOPE mine WHERE IsClosed = false");
        assertEquals(SoqlInterpreter.Result.AGGREGATE, totals.recordType());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("openCount", 5);
        expected.put("openAmount", 125_000.00 + 48_000.50 + 9_900.00 + 18_000.00);
        assertEquals(List.of(expected), totals.records(), "the pilot without an amount counts, adds nothing");

        Map<String, Object> unnamed = asAda("SELECT COUNT(Id), SUM(Amount) FROM Opportunity").records().get(0);
        assertEquals(List.of("expr0", "expr1"), List.copyOf(unnamed.keySet()));
        assertEquals(9, unnamed.get("expr0"));
    }

    @Test
    void sumOverNoAmountsIsNullAndCountsStayExactPastAnyLimit() throws SoqlException {
        String totals = "SELECT COUNT(Id) c, SUM(Amount) s FROM Opportunity USING SCOPE mine WHERE IsClosed = false";
        data.opportunity("No amount yet", null, LocalDate.of(2027, 2, 1), "Prospecting", grace.id());
        Map<String, Object> none = soql.run(totals + " AND Amount = 1", grace.id()).records().get(0);
        assertEquals(0, none.get("c"));
        assertNull(none.get("s"), "SUM over no rows is null, never 0");
        assertTrue(none.containsKey("s"));
        for (int i = 0; i < 2_345; i++) {
            data.opportunity("Bulk " + i, 10.0, LocalDate.of(2027, 1, 1), "Prospecting", ada.id());
        }
        assertEquals(2_350, asAda(totals).records().get(0).get("c"));
        assertEquals(2_000, asAda("SELECT Id FROM Opportunity USING SCOPE mine ORDER BY CloseDate ASC NULLS LAST"
                + " LIMIT 2000").totalSize());
        assertEquals(2_351, asAda("SELECT COUNT() FROM Opportunity USING SCOPE mine").totalSize());
        assertEquals(List.of(), asAda("SELECT COUNT() FROM Opportunity USING SCOPE mine").records());
    }

    @Test
    void theNextToCloseAndTheOrgsCurrencyInASingleCurrencyOrg() throws SoqlException {
        SoqlInterpreter.Result next = asAda("SELECT Name, Amount, CloseDate FROM Opportunity USING SCOPE mine"
                + " WHERE IsClosed = false ORDER BY CloseDate ASC NULLS LAST LIMIT 1");
        assertEquals(List.of("Globex & Sons renewal"), column(next, "Name"));
        assertEquals(List.of("Name", "Amount", "CloseDate"), List.copyOf(next.records().get(0).keySet()));
        assertEquals(LocalDate.of(2026, 12, 6), next.records().get(0).get("CloseDate"));
        assertEquals(SalesforceErrors.invalidField("CurrencyIsoCode", "Opportunity"), refused("SELECT Name, Amount,"
                + " CurrencyIsoCode, CloseDate FROM Opportunity USING SCOPE mine WHERE IsClosed = false ORDER BY"
                + " CloseDate ASC NULLS LAST LIMIT 1").answer());
        SoqlInterpreter.Result organization = asAda("SELECT DefaultCurrencyIsoCode FROM Organization LIMIT 1");
        assertEquals(List.of(Map.of("DefaultCurrencyIsoCode", "USD")), organization.records());
        assertEquals(List.of(DemoData.ORG_ID), organization.ids());
    }

    @Test
    void openCasesAreCountedAndTheTopThreeSortInPicklistOrder() throws SoqlException {
        assertEquals(4, asAda("SELECT COUNT() FROM Case USING SCOPE mine WHERE IsClosed = false").totalSize());
        SoqlInterpreter.Result top = asAda("SELECT Id, CaseNumber, Subject, Priority, Status FROM Case USING SCOPE"
                + " mine WHERE IsClosed = false ORDER BY Priority ASC NULLS LAST, CaseNumber ASC LIMIT 3");
        assertEquals(List.of("High", "High", "Medium"), column(top, "Priority"));
        assertEquals(List.of("Login fails for R&D team", "Password reset email delayed",
                "Invoice shows <null> for totals"), column(top, "Subject"));
    }

    // ---- the agenda: Ada is in Los Angeles, events are stored in UTC -------------------------------------------

    private static String timedEvents(String userId, String start, String end) {
        return "SELECT Subject, StartDateTime, Location FROM Event WHERE OwnerId = '" + userId + "' AND IsAllDayEvent"
                + " = false AND StartDateTime >= " + start + " AND StartDateTime < " + end
                + " ORDER BY StartDateTime ASC LIMIT 10";
    }

    private static String allDayEvents(String userId, String day) {
        return "SELECT Subject FROM Event WHERE OwnerId = '" + userId + "' AND IsAllDayEvent = true AND ActivityDate = "
                + day + " ORDER BY Subject ASC LIMIT 10";
    }

    private static String tasksDue(String userId, String day) {
        return "SELECT Subject, Priority FROM Task WHERE OwnerId = '" + userId + "' AND IsClosed = false AND"
                + " ActivityDate = " + day + " ORDER BY Priority ASC, Subject ASC LIMIT 10";
    }

    @Test
    void adasTodayRunsFromHerMidnightToHerNextMidnightInUtc() throws SoqlException {
        SoqlInterpreter.Result today = asAda(timedEvents(ada.id(), "2026-12-01T08:00:00Z", "2026-12-02T08:00:00Z"));
        assertEquals(List.of("Pipeline review", "Globex & Sons quarterly review"), column(today, "Subject"));
        assertEquals(List.of(Instant.parse("2026-12-01T17:00:00Z"), Instant.parse("2026-12-01T22:30:00Z")),
                column(today, "StartDateTime"), "09:00 and 14:30 in Los Angeles");
        assertEquals(java.util.Arrays.asList(null, "Zoom"), column(today, "Location"));
        assertEquals(List.of(), column(asAda(allDayEvents(ada.id(), "2026-12-01")), "Subject"));
        assertEquals(List.of("Send Acme the revised quote", "Follow up with Initech"),
                column(asAda(tasksDue(ada.id(), "2026-12-01")), "Subject"), "High before Normal; not the done one");

        SoqlInterpreter.Result tomorrow = asAda(timedEvents(ada.id(), "2026-12-02T08:00:00Z",
                "2026-12-03T08:00:00Z"));
        assertEquals(List.of("Acme contract call"), column(tomorrow, "Subject"));
        assertEquals(List.of("Sales kickoff"), column(asAda(allDayEvents(ada.id(), "2026-12-02")), "Subject"));
        assertEquals(List.of("Prepare kickoff slides"), column(asAda(tasksDue(ada.id(), "2026-12-02")), "Subject"));
        assertEquals(List.of(), column(asAda(timedEvents(ada.id(), "2026-12-01T00:00:00Z",
                "2026-12-01T08:00:00Z")), "Subject"), "nothing before her midnight");
    }

    @Test
    void lateEveningInLosAngelesIsTomorrowInUtcButStillHerToday() throws SoqlException {
        clock.advance(java.time.Duration.ofHours(15)); // 2026-12-02T03:00Z = 19:00 on Dec 1 in Los Angeles
        DemoData evening = DemoData.seeded(clock);
        evening.event("Late call with Hooli", ada, LocalDate.of(2026, 12, 1), LocalTime.of(22, 0), 30, null);
        SoqlInterpreter later = new SoqlInterpreter(evening);
        SoqlInterpreter.Result today = later.run(timedEvents(ada.id(), "2026-12-01T08:00:00Z",
                "2026-12-02T08:00:00Z"), ada.id());
        assertEquals(List.of("Pipeline review", "Globex & Sons quarterly review", "Late call with Hooli"),
                column(today, "Subject"));
        assertEquals(Instant.parse("2026-12-02T06:00:00Z"), today.records().get(2).get("StartDateTime"));
        assertEquals(List.of("Sales kickoff"), column(later.run(allDayEvents(ada.id(), "2026-12-02"), ada.id()),
                "Subject"), "tomorrow's all-day event is tomorrow's, in UTC as in Los Angeles");
        assertEquals(2, later.run(tasksDue(ada.id(), "2026-12-01"), ada.id()).totalSize(),
                "seeded on her day, not UTC's");
    }

    @Test
    void graceHasHerOwnEventsAndAdaNeverSeesThem() throws SoqlException {
        SoqlInterpreter.Result graces = soql.run(timedEvents(grace.id(), "2026-12-01T05:00:00Z",
                "2026-12-02T05:00:00Z"), grace.id());
        assertEquals(List.of("Hooli architecture workshop"), column(graces, "Subject"));
        assertEquals(List.of(Instant.parse("2026-12-01T16:00:00Z")), column(graces, "StartDateTime"),
                "11:00 in New York");
        assertEquals(List.of("Grace's conference day"), column(soql.run(allDayEvents(grace.id(), "2026-12-01"),
                grace.id()), "Subject"));
        assertEquals(0, asAda("SELECT COUNT() FROM Event USING SCOPE mine WHERE Subject LIKE '%Hooli%'")
                .totalSize());
    }

    // ---- deals by name, stages, call targets -------------------------------------------------------------------

    @Test
    void aDealByNameOpenFirstThenByCloseDate() throws SoqlException {
        String query = "SELECT Id, Name, StageName, Amount, CloseDate, NextStep FROM Opportunity USING SCOPE mine"
                + " WHERE Name LIKE '%globex%' ORDER BY IsClosed ASC, CloseDate ASC NULLS LAST LIMIT 6";
        SoqlInterpreter.Result globex = asAda(query);
        assertEquals(List.of("Globex & Sons renewal", "Globex & Sons services"), column(globex, "Name"));
        assertEquals(List.of("Send the revised quote", "Schedule a scoping call"), column(globex, "NextStep"));
        assertEquals(List.of("Id", "Name", "StageName", "Amount", "CloseDate", "NextStep"),
                List.copyOf(globex.records().get(0).keySet()));
        assertEquals(0, soql.run(query, grace.id()).totalSize(), "only the user's own deals");

        SoqlInterpreter.Result renewal = asAda("SELECT Id, Name, StageName, Amount, CloseDate, NextStep FROM"
                + " Opportunity USING SCOPE mine WHERE Name LIKE '%globex%' AND Name LIKE '%renewal%' ORDER BY"
                + " IsClosed ASC, CloseDate ASC NULLS LAST LIMIT 6");
        assertEquals(List.of("Proposal/Price Quote"), column(renewal, "StageName"));
        assertEquals(renewal.ids().get(0), renewal.records().get(0).get("Id"));

        data.opportunity("Globex & Sons audit", null, null, "Closed Lost", ada.id());
        data.opportunity("Globex & Sons training", 5.0, null, "Prospecting", ada.id());
        assertEquals(List.of("Globex & Sons renewal", "Globex & Sons services", "Globex & Sons training",
                "Globex & Sons audit"), column(asAda(query), "Name"), "open before closed, no date last");
    }

    @Test
    void theActiveStagesInTheOrgsSortOrder() throws SoqlException {
        SoqlInterpreter.Result stages = asAda("SELECT ApiName, MasterLabel, IsClosed, IsWon FROM OpportunityStage"
                + " WHERE IsActive = true ORDER BY SortOrder ASC");
        assertEquals(List.of("Prospecting", "Qualification", "Needs Analysis", "Value Proposition",
                "Id. Decision Makers", "Proposal/Price Quote", "Negotiation/Review", "Contract Sent", "Closed Won",
                "Closed Lost"), column(stages, "MasterLabel"), "Perception Analysis is inactive");
        assertEquals(column(stages, "MasterLabel"), column(stages, "ApiName"));
        assertEquals(List.of(Map.of("ApiName", "Closed Won", "MasterLabel", "Closed Won", "IsClosed", true,
                "IsWon", true), Map.of("ApiName", "Closed Lost", "MasterLabel", "Closed Lost", "IsClosed", true,
                "IsWon", false)), stages.records().subList(8, 10));
    }

    @Test
    void callTargetsAreAccountsContactsAndOpenDealsVisibleToEveryDemoUser() throws SoqlException {
        String accounts = "SELECT Id, Name FROM Account WHERE Name LIKE '%hank%' AND Name LIKE '%scorpio%'"
                + " ORDER BY Name ASC LIMIT 4";
        String contacts = "SELECT Id, Name, AccountId FROM Contact WHERE Name LIKE '%hank%' AND Name LIKE"
                + " '%scorpio%' ORDER BY Name ASC LIMIT 4";
        assertEquals(0, asAda(accounts).totalSize());
        SoqlInterpreter.Result hank = soql.run(contacts, katherine.id());
        assertEquals(List.of("Hank Scorpio"), column(hank, "Name"), "contacts are visible to all");
        String globex = (String) asAda("SELECT Id FROM Account WHERE Name = 'Globex & Sons'").records().get(0)
                .get("Id");
        assertEquals(List.of(globex), column(hank, "AccountId"));
        assertEquals(List.of("Globex & Sons"), column(soql.run("SELECT Id, Name FROM Account WHERE Name LIKE"
                + " '%globex%' ORDER BY Name ASC LIMIT 4", grace.id()), "Name"));
        SoqlInterpreter.Result deals = asAda("SELECT Id, Name, AccountId FROM Opportunity USING SCOPE mine WHERE"
                + " Name LIKE '%umbrella%' AND IsClosed = false ORDER BY Name ASC LIMIT 4");
        assertEquals(0, deals.totalSize(), "the won Umbrella deal is closed");
        assertEquals(List.of("Acme Corp", "Globex & Sons", "Initech", "Stark Industries", "Umbrella Corp",
                "Wayne Enterprises"), column(asAda("SELECT Name FROM Account ORDER BY Name ASC"), "Name"));
        assertEquals(List.of("Bruce Wayne", "Hank Scorpio", "Pepper Potts", "Peter Gibbons"),
                column(asAda("SELECT Name FROM Contact ORDER BY Name ASC"), "Name"));
    }

    // ---- LIKE and string literals --------------------------------------------------------------------------------

    @Test
    void likeIsCaseInsensitiveAndHonoursSalesforcesEscapes() throws SoqlException {
        for (String name : List.of("100% uptime deal", "100 percent uptime", "snake_case corp", "snakeXcase corp",
                "O'Brien & Co", "back\\slash ltd", "Quote \"this\" inc", "SOSL ? & | ! { } [ ] ( ) ^ ~ * : + -")) {
            data.opportunity(name, 1.0, LocalDate.of(2027, 1, 1), "Prospecting", ada.id());
        }
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("'%100\\%%'", List.of("100% uptime deal"));
        cases.put("'%100%'", List.of("100 percent uptime", "100% uptime deal"));
        cases.put("'%snake\\_case%'", List.of("snake_case corp"));
        cases.put("'%snake_case%'", List.of("snake_case corp", "snakeXcase corp"));
        cases.put("'%o\\'brien%'", List.of("O'Brien & Co"));
        cases.put("'%back\\\\slash%'", List.of("back\\slash ltd"));
        cases.put("'%\\\"this\\\"%'", List.of("Quote \"this\" inc"));
        cases.put("'%? & | ! { } [ ] ( ) ^ ~ * : + -%'", List.of("SOSL ? & | ! { } [ ] ( ) ^ ~ * : + -"));
        cases.put("'GLOBEX & SONS RENEWAL'", List.of("Globex & Sons renewal"));
        cases.put("'globex'", List.of());
        cases.put("'%.*%'", List.of());
        cases.forEach((pattern, expected) -> {
            try {
                assertEquals(expected, column(asAda("SELECT Name FROM Opportunity WHERE Name LIKE " + pattern
                        + " ORDER BY Name ASC"), "Name"), pattern);
            } catch (SoqlException e) {
                throw new AssertionError(pattern + ": " + e.answer().body(), e);
            }
        });
        assertEquals(List.of("back\\slash ltd"), column(asAda("SELECT Name FROM Opportunity WHERE Name LIKE"
                + " '%back\\\\%'"), "Name"), "an escaped backslash then a wildcard");
        assertEquals(List.of("O'Brien & Co"), column(asAda("SELECT Name FROM Opportunity WHERE Name ="
                + " 'o\\'brien & co'"), "Name"), "= is case-insensitive and unescapes too");
    }

    @Test
    void onlyTheEscapesSalesforceDefinesAreAccepted() {
        SoqlException bad = refused("SELECT Name FROM Account WHERE Name LIKE '%a\\nb%'");
        assertEquals(SalesforceErrors.malformedQuery("Invalid string literal ''%a\\n'. Illegal character sequence"
                + " '\\n' in string literal."), bad.answer());
        assertEquals("MALFORMED_QUERY", refused("SELECT Name FROM Account WHERE Name = 'open").errorCode());
        assertEquals("MALFORMED_QUERY", refused("SELECT Name FROM Account WHERE Name = 'open\\").errorCode());
    }

    // ---- comparisons, literals and ordering ---------------------------------------------------------------------

    @Test
    void comparisonsOnDatesDatetimesNumbersAndBooleans() throws SoqlException {
        String mine = "SELECT Name FROM Opportunity USING SCOPE mine WHERE ";
        assertEquals(List.of("Globex & Sons renewal", "Acme Corp - 500 Widgets"), column(asAda(mine
                + "CloseDate >= 2026-12-01 AND CloseDate < 2026-12-14 ORDER BY CloseDate ASC"), "Name"));
        assertEquals(List.of("Umbrella Corp migration"), column(asAda(mine + "CloseDate <= 2026-12-01"), "Name"));
        assertEquals(List.of("Initech <Pilot> expansion"), column(asAda(mine + "CloseDate > 2026-12-31"), "Name"));
        assertEquals(List.of("Acme Corp - 500 Widgets", "Umbrella Corp migration"), column(asAda(mine
                + "Amount > 100000 ORDER BY Amount ASC"), "Name"));
        assertEquals(List.of("Globex & Sons renewal"), column(asAda(mine + "Amount = 48000.50"), "Name"));
        assertEquals(4, asAda(mine + "StageName != 'Qualification'").totalSize());
        assertEquals(List.of("Umbrella Corp migration"), column(asAda(mine + "IsWon = true"), "Name"));
        assertEquals(2, asAda("SELECT Id FROM Event WHERE StartDateTime >= 2026-12-01T09:00:00-08:00 AND"
                + " StartDateTime <= 2026-12-01T22:30:00.000Z AND IsAllDayEvent = FALSE").totalSize(),
                "offsets and milliseconds; TRUE/FALSE in any case");
        assertEquals(3, asAda("SELECT Id FROM OpportunityStage WHERE SortOrder <= 3").totalSize());
        String id = ada.id();
        assertEquals(6, asAda("SELECT Id FROM Opportunity WHERE OwnerId = '" + id.substring(0, 15) + "'")
                .totalSize(), "a 15-character id matches its 18-character form");
    }

    @Test
    void multiKeyOrderingWithDirectionsAndNulls() throws SoqlException {
        assertEquals(List.of("Initech <Pilot> expansion", "Globex & Sons services", "Wayne Enterprises pilot",
                "Acme Corp - 500 Widgets", "Globex & Sons renewal", "Umbrella Corp migration"),
                column(asAda("SELECT Name FROM Opportunity USING SCOPE mine ORDER BY IsClosed ASC, CloseDate DESC"),
                        "Name"));
        assertEquals("Wayne Enterprises pilot", column(asAda("SELECT Name FROM Opportunity USING SCOPE mine"
                + " ORDER BY Amount ASC"), "Name").get(0), "nulls first ascending by default");
        assertEquals("Wayne Enterprises pilot", column(asAda("SELECT Name FROM Opportunity USING SCOPE mine"
                + " ORDER BY Amount DESC NULLS LAST"), "Name").get(5));
        assertEquals("Wayne Enterprises pilot", column(asAda("SELECT Name FROM Opportunity USING SCOPE mine"
                + " ORDER BY Amount DESC NULLS FIRST LIMIT 1"), "Name").get(0));
        assertEquals(List.of("Closed Lost", "Closed Won"), column(asAda("SELECT MasterLabel FROM OpportunityStage"
                + " WHERE IsClosed = true ORDER BY IsWon ASC, SortOrder DESC"), "MasterLabel"));
        assertEquals(0, asAda("SELECT Id FROM Account LIMIT 0").totalSize());
    }

    // ---- refusals -------------------------------------------------------------------------------------------------

    @Test
    void formsTheSkillNeverSendsAreMalformedQueries() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("SELECT Id FROM Opportunity WHERE Name = 'a' OR Name = 'b'", "unexpected token: 'OR'");
        cases.put("SELECT Id FROM Opportunity WHERE NOT IsClosed = true", "unexpected token: 'NOT'");
        cases.put("SELECT Id FROM Opportunity WHERE StageName IN ('Prospecting')", "unexpected token: 'IN'");
        cases.put("SELECT Id FROM Opportunity WHERE (IsClosed = false)", "unexpected token: '('");
        cases.put("SELECT Id, (SELECT Id FROM Contacts) FROM Account", "unexpected token: '('");
        cases.put("SELECT Id FROM Contact WHERE AccountId IN (SELECT Id FROM Account)", "unexpected token: 'IN'");
        cases.put("SELECT StageName, COUNT(Id) FROM Opportunity GROUP BY StageName",
                "Field must be grouped or aggregated: StageName");
        cases.put("SELECT COUNT(Id) n FROM Opportunity GROUP BY StageName", "unexpected token: 'GROUP'");
        cases.put("SELECT Account.Name FROM Opportunity", "unexpected token: '.'");
        cases.put("SELECT Id FROM Opportunity WHERE Account.Name = 'Initech'", "unexpected token: '.'");
        cases.put("SELECT MAX(Amount) FROM Opportunity", "unexpected token: 'MAX'");
        cases.put("SELECT FIELDS(ALL) FROM Opportunity LIMIT 1", "unexpected token: 'FIELDS'");
        cases.put("SELECT toLabel(StageName) FROM Opportunity", "unexpected token: 'toLabel'");
        cases.put("SELECT Id FROM Opportunity WHERE CALENDAR_YEAR(CloseDate) = 2026",
                "unexpected token: 'CALENDAR_YEAR'");
        cases.put("SELECT Id FROM Opportunity WHERE CloseDate = TODAY", "unexpected token: 'TODAY'");
        cases.put("SELECT Id FROM Opportunity WHERE CloseDate = LAST_N_DAYS:3", "unexpected token: ':'");
        cases.put("SELECT Id FROM Opportunity WHERE Amount = null", "unexpected token: 'null'");
        cases.put("SELECT Id FROM Opportunity USING SCOPE everything", "unexpected token: 'everything'");
        cases.put("SELECT Id FROM Opportunity LIMIT 5 OFFSET 5", "unexpected token: 'OFFSET'");
        cases.put("SELECT Id FROM Opportunity WHERE Name = :name", "unexpected token: ':'");
        cases.put("SELECT Id FROM Account WHERE Name LIKE Name", "unexpected token: 'Name'");
        cases.put("SELECT Id FROM Account LIMIT x", "LIMIT must be a non-negative integer, found 'x'");
        cases.put("SELECT Id FROM Account WHERE", "unexpected token: 'end of query'");
        cases.put("SELECT Id Account", "expecting FROM, found 'Account'");
        cases.put("DELETE FROM Account", "expecting SELECT, found 'DELETE'");
        cases.put("SELECT Id FROM Event WHERE StartDateTime >= 2026-12-01T08:00Z",
                "unexpected token: '2026-12-01T08:00Z'");
        cases.forEach((query, message) -> assertEquals(SalesforceErrors.malformedQuery(message),
                refused(query).answer(), query));
    }

    @Test
    void unknownFieldsObjectsAndMistypedValuesAreSalesforcesOwnErrors() {
        assertEquals(SalesforceErrors.invalidField("Bogus", "Case"), refused("SELECT Bogus FROM Case").answer());
        assertEquals(SalesforceErrors.invalidField("CurrencyIsoCode", "Opportunity"),
                refused("SELECT Id, Name, StageName, Amount, CurrencyIsoCode, CloseDate, NextStep FROM Opportunity"
                        + " USING SCOPE mine WHERE Name LIKE '%globex%' ORDER BY IsClosed ASC, CloseDate ASC NULLS"
                        + " LAST LIMIT 6").answer());
        assertEquals("INVALID_TYPE", refused("SELECT Id FROM Nope").errorCode());
        assertTrue(refused("SELECT Id FROM Nope").answer().body()
                .startsWith("[{\"message\":\"sObject type 'Nope' is not supported."));
        Map<String, String> mistyped = new LinkedHashMap<>();
        mistyped.put("SELECT Id FROM Opportunity WHERE CloseDate = '2026-12-01'", "date");
        mistyped.put("SELECT Id FROM Opportunity WHERE CloseDate = 2026-12-01T00:00:00Z", "date");
        mistyped.put("SELECT Id FROM Event WHERE StartDateTime >= 2026-12-01", "dateTime");
        mistyped.put("SELECT Id FROM Opportunity WHERE IsClosed = 'false'", "boolean");
        mistyped.put("SELECT Id FROM Opportunity WHERE Amount > '5'", "double");
        for (Map.Entry<String, String> c : mistyped.entrySet()) {
            SoqlException e = refused(c.getKey());
            assertEquals("INVALID_FIELD", e.errorCode(), c.getKey());
            assertTrue(e.answer().body().contains("must be of type " + c.getValue()), e.answer().body());
        }
        assertTrue(refused("SELECT Id FROM Opportunity WHERE Name = 5").answer().body()
                .contains("must be of type string and should be enclosed in quotes"));
        assertEquals("INVALID_FIELD", refused("SELECT Id FROM Opportunity WHERE CloseDate LIKE '2026%'").errorCode());
        assertEquals("MALFORMED_QUERY", refused("SELECT SUM(Name) FROM Opportunity").errorCode());
        assertEquals("MALFORMED_QUERY", refused("SELECT Id FROM OpportunityStage USING SCOPE mine").errorCode());
    }

    // ---- ids ----------------------------------------------------------------------------------------------------

    @Test
    void idsCarryTheCaseSafeChecksumAndStayUnique() {
        assertEquals("AAA", SalesforceIds.checksum("001000000000000"));
        assertEquals(18, ada.id().length());
        assertEquals(SalesforceIds.checksum(ada.id().substring(0, 15)), ada.id().substring(15));
        Set<String> ids = new HashSet<>();
        for (int serial = 1; serial <= 50_000; serial++) {
            String id = SalesforceIds.of("006", "5g00000DEMO", serial);
            assertEquals(18, id.length(), id);
            assertTrue(ids.add(id.substring(0, 15)), "duplicate " + id);
        }
        assertEquals(SalesforceIds.of("00D", "5g00000DEMO", 1), DemoData.ORG_ID, "small serials keep their ids");
        assertTrue(SalesforceIds.same(ada.id(), ada.id().substring(0, 15)));
        assertTrue(SalesforceIds.same(ada.id().toLowerCase(java.util.Locale.ROOT), ada.id()));
        assertTrue(!SalesforceIds.same(ada.id().substring(0, 15).toLowerCase(java.util.Locale.ROOT),
                ada.id().substring(0, 15)), "15-character ids are case-sensitive");
    }
}
