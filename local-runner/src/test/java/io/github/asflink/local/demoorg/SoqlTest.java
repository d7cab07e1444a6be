package io.github.asflink.local.demoorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
}
