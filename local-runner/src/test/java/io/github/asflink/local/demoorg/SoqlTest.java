package io.github.asflink.local.demoorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoqlTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private final DemoData data = DemoData.seeded(CLOCK);
    private final Soql soql = new Soql(data, CLOCK);
    private final String ada = data.users().get(0).id();

    private static List<Object> column(Soql.Result result, String field) {
        return result.records().stream().map(r -> r.get(field)).toList();
    }

    @Test
    void answersTheSkillsPipelineQuery() throws SoqlException {
        Soql.Result result = soql.run("SELECT Id, Name, Amount, CloseDate FROM Opportunity WHERE OwnerId = '" + ada
                + "' AND IsClosed = false ORDER BY CloseDate ASC NULLS LAST LIMIT 2000");
        assertEquals(3, result.totalSize());
        assertEquals(List.of("Globex & Sons renewal", "Acme Corp - 500 Widgets", "Initech <Pilot> expansion"),
                column(result, "Name"));
        assertEquals(List.of("Id", "Name", "Amount", "CloseDate"), List.copyOf(result.records().get(0).keySet()));
        assertEquals(48_000.50, result.records().get(0).get("Amount"));
    }

    @Test
    void sortsCasePriorityInPicklistOrderAndCounts() throws SoqlException {
        String owned = "FROM Case WHERE OwnerId = '" + ada + "' AND IsClosed = false";
        assertEquals(4, soql.run("SELECT COUNT() " + owned).totalSize());
        assertEquals(List.of(), soql.run("SELECT COUNT() " + owned).records());
        Soql.Result top = soql.run("SELECT Id, CaseNumber, Subject, Priority, Status " + owned
                + " ORDER BY Priority ASC NULLS LAST, CaseNumber ASC LIMIT 3");
        assertEquals(List.of("High", "High", "Medium"), column(top, "Priority"));
        assertEquals(List.of("Login fails for R&D team", "Password reset email delayed",
                "Invoice shows <null> for totals"), column(top, "Subject"));
    }

    @Test
    void handlesEscapesCaseInsensitivityNullsDatesAndOr() throws SoqlException {
        assertEquals(1, soql.run("select Id from case where subject = 'export drops \"quoted\" fields'").totalSize());
        assertEquals(0, soql.run("SELECT Id FROM Case WHERE Subject = 'x\\' OR Subject != \\'y'").totalSize());
        assertEquals(0, soql.run("SELECT Id FROM Opportunity WHERE Amount = null").totalSize());
        assertEquals(6, soql.run("SELECT Id FROM Opportunity WHERE Amount != null").totalSize());
        assertEquals(2, soql.run("SELECT Id FROM Opportunity WHERE CloseDate >= 2026-12-01 AND CloseDate < 2026-12-10")
                .totalSize());
        assertEquals(5, soql.run("SELECT Id FROM Opportunity WHERE CloseDate >= TODAY").totalSize());
        assertEquals(2, soql.run("SELECT Id FROM Opportunity WHERE (StageName = 'Prospecting' OR Amount > 100000)"
                + " AND IsClosed = false").totalSize());
        assertEquals(2, soql.run("SELECT Id FROM Opportunity WHERE StageName IN ('Prospecting', 'Qualification')")
                .totalSize());
        assertEquals(1, soql.run("SELECT Id FROM Opportunity WHERE OwnerId = '" + ada.substring(0, 15)
                + "' AND Amount > 100000 AND IsClosed = false").totalSize(), "15-character ids match 18");
    }

    @Test
    void rejectsWhatSalesforceRejects() {
        Map<String, String> cases = Map.of(
                "SELECT Id FROM Nope", "INVALID_TYPE",
                "SELECT Bogus FROM Case", "INVALID_FIELD",
                "SELECT Id FROM Opportunity WHERE CloseDate = '2026-12-01'", "INVALID_FIELD",
                "SELECT Id FROM Case WHERE Subject = 'unterminated", "MALFORMED_QUERY",
                "SELECT Id FROM Case WHERE", "MALFORMED_QUERY",
                "SELECT Id FROM Case LIMIT x", "MALFORMED_QUERY",
                "SELECT Id Case", "MALFORMED_QUERY",
                "DELETE FROM Case", "MALFORMED_QUERY");
        cases.forEach((query, code) -> assertEquals(code,
                assertThrows(SoqlException.class, () -> soql.run(query), query).errorCode(), query));
    }

    @Test
    void idsCarryTheCaseSafeChecksum() {
        assertEquals("AAA", SalesforceIds.checksum("001000000000000"));
        assertEquals(18, ada.length());
        assertEquals(SalesforceIds.checksum(ada.substring(0, 15)), ada.substring(15));
    }

    @Test
    void idsStayUniqueAndEighteenCharactersLongPastThirtyFiveRecords() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int serial = 1; serial <= 50_000; serial++) {
            String id = SalesforceIds.of("006", "5g00000DEMO", serial);
            assertEquals(18, id.length(), id);
            assertTrue(id.startsWith("006"), id);
            assertTrue(ids.add(id.substring(0, 15)), "duplicate " + id);
        }
        assertEquals(SalesforceIds.of("00D", "5g00000DEMO", 1), DemoData.ORG_ID, "small serials keep their ids");
    }

    private final String grace = data.users().get(1).id();
    private final String katherine = data.users().get(2).id();

    @Test
    void usingScopeMineKeepsTheRunningUsersRecords() throws SoqlException {
        String open = "SELECT Name FROM Opportunity USING SCOPE mine WHERE IsClosed = false ORDER BY Name";
        assertEquals(List.of("Acme Corp - 500 Widgets", "Globex & Sons renewal", "Initech <Pilot> expansion"),
                column(soql.run(open, ada), "Name"));
        assertEquals(List.of("Hooli cloud rollout", "Stark Industries support"), column(soql.run(open, grace), "Name"));
        assertEquals(0, soql.run(open, null).totalSize(), "nobody owns nothing");
        assertEquals(5, soql.run("SELECT Id FROM Opportunity USING SCOPE everything WHERE IsClosed = false", ada)
                .totalSize());
        assertEquals("MALFORMED_QUERY", assertThrows(SoqlException.class,
                () -> soql.run("SELECT Id FROM Opportunity USING SCOPE nonsense", ada)).errorCode());
    }

    @Test
    void aggregatesAnswerOneRowNamedByAliasOrExprN() throws SoqlException {
        Soql.Result totals = soql.run("SELECT COUNT(Id) openCount, SUM(Amount) openAmount FROM Opportunity"
                + " USING SCOPE mine WHERE IsClosed = false", ada);
        assertEquals(Soql.Result.AGGREGATE, totals.recordType());
        assertEquals(1, totals.totalSize());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("openCount", 3);
        expected.put("openAmount", 125_000.00 + 48_000.50 + 9_900.00);
        assertEquals(List.of(expected), totals.records());

        Map<String, Object> unnamed = soql.run("SELECT COUNT(Id), SUM(Amount) FROM Opportunity", ada).records().get(0);
        assertEquals(List.of("expr0", "expr1"), List.copyOf(unnamed.keySet()));
        assertEquals(6, unnamed.get("expr0"));

        Map<String, Object> none = soql.run("SELECT COUNT(Id) openCount, SUM(Amount) openAmount FROM Opportunity"
                + " USING SCOPE mine WHERE IsClosed = false", katherine).records().get(0);
        assertEquals(0, none.get("openCount"));
        assertNull(none.get("openAmount"), "SUM over no amounts is null");
        assertTrue(none.containsKey("openAmount"));

        data.opportunity("No amount yet", null, LocalDate.of(2027, 2, 1), "Prospecting", katherine);
        Map<String, Object> unpriced = soql.run("SELECT COUNT(Id) c, SUM(Amount) s FROM Opportunity USING SCOPE mine",
                katherine).records().get(0);
        assertEquals(1, unpriced.get("c"));
        assertNull(unpriced.get("s"));
    }

    @Test
    void aggregateCountsAreExactWhereARecordQueryStopsAtItsLimit() throws SoqlException {
        for (int i = 0; i < 2_345; i++) {
            data.opportunity("Bulk " + i, 10.0, LocalDate.of(2027, 1, 1), "Prospecting", ada);
        }
        Map<String, Object> totals = soql.run("SELECT COUNT(Id) openCount, SUM(Amount) openAmount FROM Opportunity"
                + " USING SCOPE mine WHERE IsClosed = false", ada).records().get(0);
        assertEquals(2_348, totals.get("openCount"));
        assertEquals(125_000.00 + 48_000.50 + 9_900.00 + 23_450.0, (Double) totals.get("openAmount"), 0.001);
        assertEquals(2_000, soql.run("SELECT Id, Name, Amount, CloseDate FROM Opportunity WHERE OwnerId = '" + ada
                + "' AND IsClosed = false ORDER BY CloseDate ASC NULLS LAST LIMIT 2000").totalSize());
        assertEquals(2_349, soql.run("SELECT COUNT() FROM Opportunity USING SCOPE mine", ada).totalSize());
    }

    @Test
    void aggregatesAndPlainFieldsDoNotMixWithoutGroupBy() {
        for (String query : Arrays.asList("SELECT Name, COUNT(Id) FROM Opportunity",
                "SELECT SUM(Name) FROM Opportunity", "SELECT COUNT(Id) n, FROM Opportunity")) {
            assertEquals("MALFORMED_QUERY", assertThrows(SoqlException.class, () -> soql.run(query, ada), query)
                    .errorCode(), query);
        }
    }

    @Test
    void theOrganizationNamesTheOrgsCurrencyAndOpportunitiesHaveNoCurrencyField() throws SoqlException {
        Soql.Result organization = soql.run("SELECT DefaultCurrencyIsoCode FROM Organization LIMIT 1", ada);
        assertEquals("Organization", organization.recordType());
        assertEquals(List.of(Map.of("DefaultCurrencyIsoCode", "USD")), organization.records());
        assertEquals(DemoData.ORG_ID, soql.run("SELECT Id FROM Organization", ada).records().get(0).get("Id"));

        SoqlException noCurrency = assertThrows(SoqlException.class, () -> soql.run("SELECT Name, Amount,"
                + " CurrencyIsoCode, CloseDate FROM Opportunity USING SCOPE mine WHERE IsClosed = false ORDER BY"
                + " CloseDate ASC NULLS LAST LIMIT 1", ada));
        assertEquals(SalesforceErrors.invalidField("CurrencyIsoCode", "Opportunity"), noCurrency.answer());
    }

    @Test
    void rejectionsCarrySalesforcesAnswers() {
        SoqlException malformed = assertThrows(SoqlException.class, () -> soql.run("SELECT Id Case", ada));
        assertEquals(400, malformed.answer().status());
        assertTrue(malformed.answer().body().contains("\"errorCode\":\"MALFORMED_QUERY\""));
        SoqlException type = assertThrows(SoqlException.class, () -> soql.run("SELECT Id FROM Nope", ada));
        assertTrue(type.answer().body().startsWith("[{\"message\":\"sObject type 'Nope' is not supported."));
    }
}
