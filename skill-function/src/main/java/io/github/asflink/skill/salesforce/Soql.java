package io.github.asflink.skill.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The queries the skill sends, byte for byte. {@code USING SCOPE mine} limits most to the records the token's user
 * owns. Only three kinds of value are ever put in: a user id from userinfo, checked to be one ({@link #userId});
 * dates and times the skill computed; and a user's words, only as a {@link NameMatch} condition.
 */
final class Soql {

    /** A user id: key prefix 005, 15 or 18 characters. */
    private static final Pattern USER_ID = Pattern.compile("005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

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

    /** The orders and limit of every query for deals by name: open ones first, then the soonest to close. */
    static final String DEALS_ORDER = " ORDER BY IsClosed ASC, CloseDate ASC NULLS LAST LIMIT 6";

    private Soql() {
    }

    /** The user id, if it is one; anything else never reaches a query. */
    static Optional<String> userId(String candidate) {
        return candidate != null && USER_ID.matcher(candidate).matches() ? Optional.of(candidate) : Optional.empty();
    }

    /** A day's timed events, from local midnight to the next (as instants), in start order. */
    static String timedEvents(String userId, Instant start, Instant end) {
        return "SELECT Subject, StartDateTime, Location FROM Event WHERE OwnerId = '" + userId
                + "' AND IsAllDayEvent = false AND StartDateTime >= " + datetime(start) + " AND StartDateTime < "
                + datetime(end) + " ORDER BY StartDateTime ASC LIMIT 10";
    }

    static String allDayEvents(String userId, LocalDate day) {
        return "SELECT Subject FROM Event WHERE OwnerId = '" + userId + "' AND IsAllDayEvent = true AND ActivityDate = "
                + day + " ORDER BY Subject ASC LIMIT 10";
    }

    static String tasksDue(String userId, LocalDate day) {
        return "SELECT Subject, Priority FROM Task WHERE OwnerId = '" + userId + "' AND IsClosed = false "
                + "AND ActivityDate = " + day + " ORDER BY Priority ASC, Subject ASC LIMIT 10";
    }

    /**
     * The user's opportunities whose name matches, with the fields given: {@code SELECT <fields> FROM Opportunity
     * USING SCOPE mine WHERE <match> ORDER BY IsClosed ASC, CloseDate ASC NULLS LAST LIMIT 6}. Six, so that "more
     * than five" can be told from five.
     */
    static String dealsNamed(String fields, NameMatch match) {
        return "SELECT " + fields + " FROM Opportunity USING SCOPE mine WHERE " + match.condition() + DEALS_ORDER;
    }

    /** A deal's status, with each record's currency (a multi-currency org). */
    static String dealStatusMultiCurrency(NameMatch match) {
        return dealsNamed("Id, Name, StageName, Amount, CurrencyIsoCode, CloseDate, NextStep", match);
    }

    /** A deal's status in a single-currency org. */
    static String dealStatusSingleCurrency(NameMatch match) {
        return dealsNamed("Id, Name, StageName, Amount, CloseDate, NextStep", match);
    }

    private static String datetime(Instant instant) {
        return DATETIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
