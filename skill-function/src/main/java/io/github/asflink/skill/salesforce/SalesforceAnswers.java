package io.github.asflink.skill.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Salesforce's JSON bodies into the skill's records, defensively: anything missing or of the wrong type is an
 * {@link Unreadable} whose message describes the shape, never the content.
 */
final class SalesforceAnswers {

    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z_]{0,63}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final DateTimeFormatter SALESFORCE_DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss][.SSS][XXX][XX][X]");
    /** A record without a subject is still on the calendar; it is spoken as this. */
    static final String NO_SUBJECT = "untitled";

    /** A body that does not have the shape the skill needs. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String problem) {
            super(problem, null, false, false);
        }
    }

    private SalesforceAnswers() {
    }

    static SalesforceUser user(JsonNode body) throws Unreadable {
        String userId = requiredText(body, "user_id", "userinfo");
        if (!SALESFORCE_ID.matcher(userId).matches()) {
            throw new Unreadable("userinfo user_id is not a Salesforce id");
        }
        // The first name whole ("Mary Ann"); a user without one is greeted without a name, not by surname.
        Optional<String> firstName = optionalText(body, "given_name").map(name -> WHITESPACE.matcher(name.strip())
                .replaceAll(" "));
        return new SalesforceUser(userId, firstName,
                optionalText(body, "zoneinfo").map(SalesforceAnswers::zone).orElse(ZoneOffset.UTC));
    }

    /** The aggregate's one row: {@code openCount} and {@code openAmount} (null when no amount is set). */
    static Totals totals(JsonNode body) throws Unreadable {
        JsonNode records = records(body);
        if (records.isEmpty()) {
            return new Totals(0, Optional.empty());
        }
        JsonNode count = records.path(0).path("openCount");
        if (!count.canConvertToLong() || !count.isIntegralNumber() || count.longValue() < 0) {
            throw new Unreadable("pipeline totals have no openCount");
        }
        return new Totals(count.longValue(), optionalNumber(records.path(0), "openAmount"));
    }

    /** The first record of the next-to-close query, if any; its currency when the org reports one. */
    static Optional<Pipeline.Opportunity> nextToClose(JsonNode body) throws Unreadable {
        JsonNode records = records(body);
        if (records.isEmpty()) {
            return Optional.empty();
        }
        JsonNode record = records.path(0);
        return Optional.of(new Pipeline.Opportunity(requiredText(record, "Name", "Opportunity"),
                optionalNumber(record, "Amount"), optionalText(record, "CurrencyIsoCode").flatMap(
                        SalesforceAnswers::currency), optionalDate(record, "CloseDate")));
    }

    /** The org's corporate currency; empty when Salesforce names none the JDK knows. */
    static Optional<Currency> orgCurrency(JsonNode body) throws Unreadable {
        JsonNode records = records(body);
        return records.isEmpty() ? Optional.empty()
                : optionalText(records.path(0), "DefaultCurrencyIsoCode").flatMap(SalesforceAnswers::currency);
    }

    /** What the pipeline totals query says. */
    record Totals(long openCount, Optional<BigDecimal> openAmount) {
    }

    static int count(JsonNode body) throws Unreadable {
        return totalSize(body);
    }

    static List<OpenCases.CaseSummary> cases(JsonNode body) throws Unreadable {
        List<OpenCases.CaseSummary> cases = new ArrayList<>();
        for (JsonNode record : records(body)) {
            cases.add(new OpenCases.CaseSummary(requiredText(record, "CaseNumber", "Case"),
                    optionalText(record, "Subject"), optionalText(record, "Priority")));
        }
        return cases;
    }

    /** The subjects of the all-day events query, in order. */
    static List<String> allDayEvents(JsonNode body) throws Unreadable {
        List<String> subjects = new ArrayList<>();
        for (JsonNode record : records(body)) {
            subjects.add(optionalText(record, "Subject").orElse(NO_SUBJECT));
        }
        return subjects;
    }

    static List<Agenda.TimedEvent> timedEvents(JsonNode body) throws Unreadable {
        List<Agenda.TimedEvent> events = new ArrayList<>();
        for (JsonNode record : records(body)) {
            events.add(new Agenda.TimedEvent(optionalText(record, "Subject").orElse(NO_SUBJECT),
                    requiredDateTime(record, "StartDateTime"), optionalText(record, "Location")));
        }
        return events;
    }

    static List<Agenda.DueTask> tasksDue(JsonNode body) throws Unreadable {
        List<Agenda.DueTask> tasks = new ArrayList<>();
        for (JsonNode record : records(body)) {
            tasks.add(new Agenda.DueTask(optionalText(record, "Subject").orElse(NO_SUBJECT),
                    optionalText(record, "Priority")));
        }
        return tasks;
    }

    /** The deals-by-name query's records; {@code CurrencyIsoCode} when the org has it. */
    static List<Deal> deals(JsonNode body) throws Unreadable {
        List<Deal> deals = new ArrayList<>();
        for (JsonNode record : records(body)) {
            String id = requiredText(record, "Id", "Opportunity");
            if (!SALESFORCE_ID.matcher(id).matches()) {
                throw new Unreadable("Opportunity Id is not a Salesforce id");
            }
            deals.add(new Deal(id, requiredText(record, "Name", "Opportunity"), optionalText(record, "StageName"),
                    optionalNumber(record, "Amount"),
                    optionalText(record, "CurrencyIsoCode").flatMap(SalesforceAnswers::currency),
                    optionalDate(record, "CloseDate"), optionalText(record, "NextStep")));
        }
        return deals;
    }

    /** The id of a record Salesforce just created. */
    static String createdId(JsonNode body) throws Unreadable {
        if (!body.path("success").asBoolean(false)) {
            throw new Unreadable("create answer does not say success");
        }
        String id = requiredText(body, "id", "create answer");
        if (!SALESFORCE_ID.matcher(id).matches()) {
            throw new Unreadable("create answer id is not a Salesforce id");
        }
        return id;
    }

    /** Salesforce's error code from an error body (an array of errors, or one object); blank if there is none. */
    static String errorCode(JsonNode body) {
        JsonNode first = body.isArray() ? body.path(0) : body;
        String code = first.path("errorCode").asText("");
        if (code.isEmpty()) {
            code = first.path("error").asText("").toUpperCase(Locale.ROOT); // OAuth-style errors
        }
        return ERROR_CODE.matcher(code).matches() ? code : "";
    }

    private static int totalSize(JsonNode body) throws Unreadable {
        JsonNode size = body.path("totalSize");
        if (!size.isInt() || size.intValue() < 0) {
            throw new Unreadable("query answer has no totalSize");
        }
        return size.intValue();
    }

    private static JsonNode records(JsonNode body) throws Unreadable {
        JsonNode records = body.path("records");
        if (!records.isArray()) {
            throw new Unreadable("query answer has no records array");
        }
        for (JsonNode record : records) {
            if (!record.isObject()) {
                throw new Unreadable("query answer record is not an object");
            }
        }
        return records;
    }

    private static String requiredText(JsonNode node, String field, String what) throws Unreadable {
        return optionalText(node, field).orElseThrow(() -> new Unreadable(what + " has no " + field));
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.textValue().isBlank() ? Optional.of(value.textValue()) : Optional.empty();
    }

    private static Optional<BigDecimal> optionalNumber(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw new Unreadable(field + " is not a number");
        }
        return Optional.of(value.decimalValue());
    }

    private static Optional<LocalDate> optionalDate(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.asText()));
        } catch (DateTimeException e) {
            throw new Unreadable(field + " is not an ISO date");
        }
    }

    /** Salesforce writes {@code 2026-12-02T17:30:00.000+0000}; ISO forms with a colon or Z are read too. */
    private static OffsetDateTime requiredDateTime(JsonNode node, String field) throws Unreadable {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new Unreadable(field + " is missing");
        }
        try {
            return OffsetDateTime.parse(value.textValue(), SALESFORCE_DATETIME);
        } catch (DateTimeException e) {
            throw new Unreadable(field + " is not a date and time");
        }
    }

    private static Optional<Currency> currency(String isoCode) {
        if (!CURRENCY_CODE.matcher(isoCode).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(isoCode));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ZoneId zone(String zoneinfo) {
        try {
            return ZoneId.of(zoneinfo);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
