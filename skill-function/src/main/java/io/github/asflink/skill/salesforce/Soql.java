package io.github.asflink.skill.salesforce;

/**
 * The queries the skill sends, byte for byte. None takes a value: {@code USING SCOPE mine} limits each to the records
 * the token's user owns, so no user id (and nothing a user said) is ever put into SOQL.
 */
final class Soql {

    private static final String MY_OPEN_OPPORTUNITIES = "FROM Opportunity USING SCOPE mine WHERE IsClosed = false";
    private static final String MY_OPEN_CASES = "FROM Case USING SCOPE mine WHERE IsClosed = false";
    private static final String EARLIEST_CLOSE = " ORDER BY CloseDate ASC NULLS LAST LIMIT 1";

    /** How many open opportunities and their total: an aggregate, so exact at any size (in the corporate currency). */
    static final String PIPELINE_TOTALS =
            "SELECT COUNT(Id) openCount, SUM(Amount) openAmount " + MY_OPEN_OPPORTUNITIES;

    /** The next to close, with its currency; a single-currency org has no {@code CurrencyIsoCode} (INVALID_FIELD). */
    static final String NEXT_TO_CLOSE_MULTI_CURRENCY =
            "SELECT Name, Amount, CurrencyIsoCode, CloseDate " + MY_OPEN_OPPORTUNITIES + EARLIEST_CLOSE;

    /** The next to close in a single-currency org. */
    static final String NEXT_TO_CLOSE_SINGLE_CURRENCY =
            "SELECT Name, Amount, CloseDate " + MY_OPEN_OPPORTUNITIES + EARLIEST_CLOSE;

    /** The org's corporate currency: aggregates are in it, and so is every amount of a single-currency org. */
    static final String ORG_CURRENCY = "SELECT DefaultCurrencyIsoCode FROM Organization LIMIT 1";

    static final String OPEN_CASE_COUNT = "SELECT COUNT() " + MY_OPEN_CASES;

    static final String TOP_OPEN_CASES = "SELECT Id, CaseNumber, Subject, Priority, Status " + MY_OPEN_CASES
            + " ORDER BY Priority ASC NULLS LAST, CaseNumber ASC LIMIT 3";

    private Soql() {
    }
}
