package io.github.asflink.skill;

import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.net.http.HttpRequest;
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
    enum Call { USERINFO, TOTALS, NEXT_MULTI_CURRENCY, NEXT_SINGLE_CURRENCY, ORG_CURRENCY, CASE_COUNT, TOP_CASES, TASK }

    static final Map<Call, Reply> HEALTHY = Map.of(
            Call.USERINFO, new Reply(200, SalesforceStubs.USERINFO_BODY),
            Call.TOTALS, new Reply(200, SalesforceStubs.totals(3, "1250000.5")),
            Call.NEXT_MULTI_CURRENCY, new Reply(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Opportunity"},\
                    "Name":"Acme <Renewal> & Co","Amount":980.5,"CurrencyIsoCode":"EUR","CloseDate":"2026-12-02"}]}"""),
            Call.NEXT_SINGLE_CURRENCY, new Reply(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Opportunity"},\
                    "Name":"Acme Renewal","Amount":980.5,"CloseDate":"2027-01-15"}]}"""),
            Call.ORG_CURRENCY, new Reply(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Organization"},\
                    "DefaultCurrencyIsoCode":"USD"}]}"""),
            Call.CASE_COUNT, new Reply(200, "{\"totalSize\":4,\"done\":true,\"records\":[]}"),
            Call.TOP_CASES, new Reply(200, """
                    {"totalSize":3,"done":true,"records":[\
                    {"attributes":{"type":"Case"},"Id":"5005g00000AbCdEAAV","CaseNumber":"00001026",\
                    "Subject":"Printer \\"on fire\\" <again>","Priority":"High","Status":"New"},\
                    {"attributes":{"type":"Case"},"Id":"5005g00000AbCdFAAV","CaseNumber":"00001027",\
                    "Subject":null,"Priority":"Medium","Status":"New"},\
                    {"attributes":{"type":"Case"},"Id":"5005g00000AbCdGAAV","CaseNumber":"00001028",\
                    "Subject":"R&D access","Priority":null,"Status":"Working"}]}"""),
            Call.TASK, new Reply(201, "{\"id\":\"00T5g00000AbCdEAAV\",\"success\":true,\"errors\":[]}"));

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
