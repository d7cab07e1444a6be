package io.github.asflink.skill;

import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A Salesforce org in memory for the fuzz targets: the skill's every call answered without a socket, so a target
 * runs many requests a second, through the same seam as the offline handler. By default it is a healthy
 * multi-currency org; {@link #with} replaces the answer to one call, which is how a target feeds the skill an
 * arbitrary Salesforce answer. Failure answers come from {@link SalesforceErrors}, as in every stand-in of the
 * project.
 */
final class InMemoryOrg implements Function<HttpRequest, Map.Entry<Integer, String>> {

    /** A status and a body. */
    record Reply(int status, String body) {
    }

    /** The skill's calls, by what they ask. */
    enum Call {
        USERINFO, TOTALS, NEXT_MULTI_CURRENCY, NEXT_SINGLE_CURRENCY, ORG_CURRENCY, CASE_COUNT, TOP_CASES, TASK,
        TIMED_EVENTS, ALL_DAY_EVENTS, TASKS_DUE, DEALS_MULTI_CURRENCY, DEALS_SINGLE_CURRENCY
    }

    static final Map<Call, Reply> HEALTHY = Map.ofEntries(
            Map.entry(Call.TIMED_EVENTS, new Reply(200, SalesforceStubs.records("Event",
                    "\"Subject\":\"Globex & Sons <quarterly> review\","
                            + "\"StartDateTime\":\"2026-12-01T22:30:00.000+0000\",\"Location\":\"Zoom\""))),
            Map.entry(Call.ALL_DAY_EVENTS, new Reply(200, SalesforceStubs.records("Event", "\"Subject\":\"Kickoff\""))),
            Map.entry(Call.TASKS_DUE, new Reply(200, SalesforceStubs.records("Task",
                    "\"Subject\":\"Send Acme the quote\",\"Priority\":\"High\""))),
            Map.entry(Call.DEALS_MULTI_CURRENCY, new Reply(200, SalesforceStubs.records("Opportunity",
                    "\"Id\":\"0065g00000Q1AAAAA2\",\"Name\":\"Globex & Sons renewal\",\"StageName\":\"Proposal\","
                            + "\"Amount\":48000.5,\"CurrencyIsoCode\":\"USD\",\"CloseDate\":\"2026-12-06\","
                            + "\"NextStep\":null"))),
            Map.entry(Call.DEALS_SINGLE_CURRENCY, new Reply(200, SalesforceStubs.records("Opportunity",
                    "\"Id\":\"0065g00000Q1AAAAA2\",\"Name\":\"Globex renewal\",\"StageName\":\"Proposal\","
                            + "\"Amount\":48000.5,\"CloseDate\":\"2026-12-06\",\"NextStep\":\"Call\""))),
            Map.entry(Call.USERINFO, new Reply(200, SalesforceStubs.USERINFO_BODY)),
            Map.entry(Call.TOTALS, new Reply(200, SalesforceStubs.totals(3, "1250000.5"))),
            Map.entry(Call.NEXT_MULTI_CURRENCY, new Reply(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Opportunity"},\
                    "Name":"Acme <Renewal> & Co","Amount":980.5,"CurrencyIsoCode":"EUR",\
                    "CloseDate":"2026-12-02"}]}""")),
            Map.entry(Call.NEXT_SINGLE_CURRENCY, new Reply(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Opportunity"},\
                    "Name":"Acme Renewal","Amount":980.5,"CloseDate":"2027-01-15"}]}""")),
            Map.entry(Call.ORG_CURRENCY, new Reply(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Organization"},\
                    "DefaultCurrencyIsoCode":"USD"}]}""")),
            Map.entry(Call.CASE_COUNT, new Reply(200, "{\"totalSize\":4,\"done\":true,\"records\":[]}")),
            Map.entry(Call.TOP_CASES, new Reply(200, """
                    {"totalSize":3,"done":true,"records":[\
                    {"attributes":{"type":"Case"},"Id":"5005g00000AbCdEAAV","CaseNumber":"00001026",\
                    "Subject":"Printer \\"on fire\\" <again>","Priority":"High","Status":"New"},\
                    {"attributes":{"type":"Case"},"Id":"5005g00000AbCdFAAV","CaseNumber":"00001027",\
                    "Subject":null,"Priority":"Medium","Status":"New"},\
                    {"attributes":{"type":"Case"},"Id":"5005g00000AbCdGAAV","CaseNumber":"00001028",\
                    "Subject":"R&D access","Priority":null,"Status":"Working"}]}""")),
            Map.entry(Call.TASK, new Reply(201, "{\"id\":\"00T5g00000AbCdEAAV\",\"success\":true,\"errors\":[]}")));

    /**
     * The write intents' lookups and changes, by how their request starts (the lookups carry the user's words), as a
     * healthy org answers them. Kept apart from {@link Call}, whose order the committed fuzz inputs select by.
     */
    private static final Map<String, Reply> WRITE_INTENTS = Map.of(
            "q=SELECT Id, Name, StageName, IsClosed FROM Opportunity ",
            new Reply(200, WriteStubs.deals(MoveStageDialogTest.RENEWAL)),
            "q=" + WriteStubs.STAGES_SOQL, new Reply(200, WriteStubs.stages()),
            "q=SELECT Id, Name FROM Account ", new Reply(200, WriteStubs.rows("Account",
                    new WriteStubs.Row(WriteStubs.ACCOUNT_ID, "Globex & Sons", null))),
            "q=SELECT Id, Name, AccountId FROM Contact ", new Reply(200, WriteStubs.rows("Contact")),
            "q=SELECT Id, Name, AccountId FROM Opportunity ", new Reply(200, WriteStubs.rows("Opportunity")),
            "PATCH /sobjects/Opportunity/", new Reply(204, ""));

    private final Function<Call, Reply> answers;
    /** What a failing org answers every data call with, the write intents' too; null for a healthy org. */
    private final Reply dataFailure;

    private InMemoryOrg(Function<Call, Reply> answers, Reply dataFailure) {
        this.answers = answers;
        this.dataFailure = dataFailure;
    }

    static InMemoryOrg healthy() {
        return new InMemoryOrg(HEALTHY::get, null);
    }

    /** The healthy org, except that {@code call} is answered with {@code reply}. */
    static InMemoryOrg with(Call call, Reply reply) {
        return new InMemoryOrg(asked -> asked == call ? reply : HEALTHY.get(asked), null);
    }

    /** An org whose every call answers as {@code answer} says (a dead token, an outage). */
    static InMemoryOrg failing(SalesforceErrorAnswer identity, SalesforceErrorAnswer data) {
        Reply dataReply = new Reply(data.status(), data.body());
        return new InMemoryOrg(asked -> asked == Call.USERINFO ? new Reply(identity.status(), identity.body())
                : dataReply, dataReply);
    }

    @Override
    public Map.Entry<Integer, String> apply(HttpRequest request) {
        // Alexa's directive service shares the transport: a progressive response is accepted, as Alexa does.
        if (request.uri().getPath().endsWith("/v1/directives")) {
            return Map.entry(204, "");
        }
        String path = request.uri().getPath();
        String asked = request.method().equals("PATCH") && path.contains("/sobjects/Opportunity/")
                ? "PATCH /sobjects/Opportunity/" : request.uri().getQuery() == null ? "" : request.uri().getQuery();
        for (Map.Entry<String, Reply> write : WRITE_INTENTS.entrySet()) {
            if (asked.startsWith(write.getKey())) {
                Reply reply = dataFailure == null ? write.getValue() : dataFailure;
                return Map.entry(reply.status(), reply.body());
            }
        }
        Reply reply = answers.apply(callOf(request));
        return Map.entry(reply.status(), reply.body());
    }

    private static Call callOf(HttpRequest request) {
        String path = request.uri().getPath();
        if (path.endsWith("/services/oauth2/userinfo")) {
            return Call.USERINFO;
        }
        if (path.endsWith("/sobjects/Task")) {
            return Call.TASK;
        }
        String soql = request.uri().getQuery() == null ? "" : request.uri().getQuery().replaceFirst("^q=", "");
        // The agenda and deal queries carry a user id, dates or a name: told apart by how they start.
        for (Map.Entry<String, Call> start : List.of(
                Map.entry("SELECT Subject, StartDateTime, Location FROM Event ", Call.TIMED_EVENTS),
                Map.entry("SELECT Subject FROM Event ", Call.ALL_DAY_EVENTS),
                Map.entry("SELECT Subject, Priority FROM Task ", Call.TASKS_DUE),
                Map.entry("SELECT Id, Name, StageName, Amount, CurrencyIsoCode, ", Call.DEALS_MULTI_CURRENCY),
                Map.entry("SELECT Id, Name, StageName, Amount, CloseDate, ", Call.DEALS_SINGLE_CURRENCY))) {
            if (soql.startsWith(start.getKey())) {
                return start.getValue();
            }
        }
        return switch (soql) {
            case SalesforceStubs.TOTALS_SOQL -> Call.TOTALS;
            case SalesforceStubs.NEXT_MULTI_SOQL -> Call.NEXT_MULTI_CURRENCY;
            case SalesforceStubs.NEXT_SINGLE_SOQL -> Call.NEXT_SINGLE_CURRENCY;
            case SalesforceStubs.ORG_CURRENCY_SOQL -> Call.ORG_CURRENCY;
            case SalesforceStubs.CASE_COUNT_SOQL -> Call.CASE_COUNT;
            case SalesforceStubs.TOP_CASES_SOQL -> Call.TOP_CASES;
            default -> throw new AssertionError("the skill sent a query the org does not know");
        };
    }
}
