package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.util.List;

/**
 * The Salesforce answers and request patterns the tests share. The SOQL is written out here byte for byte, apart
 * from the skill's own constants, so a change to what the skill sends fails the tests. Failure answers come from
 * {@link SalesforceErrors}, as in every other Salesforce stand-in of the project.
 */
final class SalesforceStubs {

    /**
     * The requests WireMock served as Salesforce, newest first: without Alexa's directive service, which shares the
     * stand-in when a turn announces itself with a progressive response.
     */
    static List<ServeEvent> salesforceServeEvents() {
        return getAllServeEvents().stream()
                .filter(event -> !event.getRequest().getUrl().equals("/v1/directives"))
                .toList();
    }

    static final String USER_ID = "0055g00000AbCdEAAV";
    static final String USERINFO = "/services/oauth2/userinfo";
    static final String QUERY = "/services/data/v67.0/query";
    static final String TASKS = "/services/data/v67.0/sobjects/Task";

    static final String TOTALS_SOQL = "SELECT COUNT(Id) openCount, SUM(Amount) openAmount FROM Opportunity "
            + "USING SCOPE mine WHERE IsClosed = false";
    static final String NEXT_MULTI_SOQL = "SELECT Name, Amount, CurrencyIsoCode, CloseDate FROM Opportunity "
            + "USING SCOPE mine WHERE IsClosed = false ORDER BY CloseDate ASC NULLS LAST LIMIT 1";
    static final String NEXT_SINGLE_SOQL = "SELECT Name, Amount, CloseDate FROM Opportunity "
            + "USING SCOPE mine WHERE IsClosed = false ORDER BY CloseDate ASC NULLS LAST LIMIT 1";
    static final String ORG_CURRENCY_SOQL = "SELECT DefaultCurrencyIsoCode FROM Organization LIMIT 1";
    static final String CASE_COUNT_SOQL = "SELECT COUNT() FROM Case USING SCOPE mine WHERE IsClosed = false";
    static final String TOP_CASES_SOQL = "SELECT Id, CaseNumber, Subject, Priority, Status FROM Case "
            + "USING SCOPE mine WHERE IsClosed = false ORDER BY Priority ASC NULLS LAST, CaseNumber ASC LIMIT 3";

    /** Ada's day, 2026-12-01 in America/Los_Angeles: local midnight to midnight, in UTC. */
    static final String TODAY_START = "2026-12-01T08:00:00Z";
    static final String TODAY_END = "2026-12-02T08:00:00Z";

    static String timedEventsSoql(String start, String end) {
        return "SELECT Subject, StartDateTime, Location FROM Event WHERE OwnerId = '0055g00000AbCdEAAV' "
                + "AND IsAllDayEvent = false AND StartDateTime >= " + start + " AND StartDateTime < " + end
                + " ORDER BY StartDateTime ASC LIMIT 10";
    }

    static String allDayEventsSoql(String day) {
        return "SELECT Subject FROM Event WHERE OwnerId = '0055g00000AbCdEAAV' AND IsAllDayEvent = true "
                + "AND ActivityDate = " + day + " ORDER BY Subject ASC LIMIT 10";
    }

    static String tasksDueSoql(String day) {
        return "SELECT Subject, Priority FROM Task WHERE OwnerId = '0055g00000AbCdEAAV' AND IsClosed = false "
                + "AND ActivityDate = " + day + " ORDER BY Priority ASC, Subject ASC LIMIT 10";
    }

    /** The deal-status query in a multi-currency org; {@code nameMatch} written out as the skill must send it. */
    static String dealsMultiSoql(String nameMatch) {
        return "SELECT Id, Name, StageName, Amount, CurrencyIsoCode, CloseDate, NextStep FROM Opportunity "
                + "USING SCOPE mine WHERE " + nameMatch + " ORDER BY IsClosed ASC, CloseDate ASC NULLS LAST LIMIT 6";
    }

    static String dealsSingleSoql(String nameMatch) {
        return "SELECT Id, Name, StageName, Amount, CloseDate, NextStep FROM Opportunity "
                + "USING SCOPE mine WHERE " + nameMatch + " ORDER BY IsClosed ASC, CloseDate ASC NULLS LAST LIMIT 6";
    }

    /** A query answer with these records (each a JSON object's members, without braces). */
    static String records(String type, String... records) {
        StringBuilder body = new StringBuilder("{\"totalSize\":" + records.length + ",\"done\":true,\"records\":[");
        for (int i = 0; i < records.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"").append(type).append("\"},")
                    .append(records[i]).append('}');
        }
        return body.append("]}").toString();
    }

    static final String USERINFO_BODY = """
            {"sub":"https://login.salesforce.com/id/00D5g000004E9XhEAK/0055g00000AbCdEAAV",
             "user_id":"0055g00000AbCdEAAV","organization_id":"00D5g000004E9XhEAK",
             "preferred_username":"ada@acme.example","name":"Ada Lovelace","given_name":"Ada",
             "family_name":"Lovelace","email":"ada@acme.example","locale":"en_US","zoneinfo":"America/Los_Angeles"}""";

    static final String NO_RECORDS = "{\"totalSize\":0,\"done\":true,\"records\":[]}";

    private SalesforceStubs() {
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body);
    }

    /** A failure exactly as Salesforce sends it: status, content type and body. */
    static ResponseDefinitionBuilder answer(SalesforceErrorAnswer error) {
        return aResponse().withStatus(error.status()).withHeader("Content-Type", error.contentType())
                .withBody(error.body());
    }

    static void userinfo() {
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(json(200, USERINFO_BODY)));
    }

    static void userinfo(ResponseDefinitionBuilder answer) {
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(answer));
    }

    static void query(String soql, String body) {
        query(soql, json(200, body));
    }

    static void query(String soql, ResponseDefinitionBuilder answer) {
        stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", equalTo(soql)).willReturn(answer));
    }

    /** The totals aggregate's one row; a null amount is written as JSON null. */
    static String totals(long count, String amount) {
        return """
                {"totalSize":1,"done":true,"records":[{"attributes":{"type":"AggregateResult"},\
                "openCount":%d,"openAmount":%s}]}""".formatted(count, amount);
    }

    /** One Opportunity of the next-to-close query; {@code currency} null for the single-currency form. */
    static String next(String name, String amount, String currency, String closeDate) {
        String currencyField = currency == null ? "" : ",\"CurrencyIsoCode\":\"" + currency + "\"";
        String date = closeDate == null ? "null" : "\"" + closeDate + "\"";
        return """
                {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Opportunity",\
                "url":"/services/data/v67.0/sobjects/Opportunity/0065g00000Q1AAAA"},"Name":"%s","Amount":%s%s,\
                "CloseDate":%s}]}""".formatted(name, amount, currencyField, date);
    }

    static String orgCurrency(String isoCode) {
        return """
                {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Organization",\
                "url":"/services/data/v67.0/sobjects/Organization/00D5g000004E9XhEAK"},\
                "DefaultCurrencyIsoCode":"%s"}]}""".formatted(isoCode);
    }

    /** A single-currency org: no CurrencyIsoCode field, corporate currency {@code isoCode}. */
    static void singleCurrencyOrg(String isoCode) {
        query(NEXT_MULTI_SOQL, answer(SalesforceErrors.invalidField("CurrencyIsoCode", "Opportunity")));
        query(ORG_CURRENCY_SOQL, orgCurrency(isoCode));
    }

    /** What every call must carry: the Salesforce token (not the linked pair) as a bearer token, and JSON. */
    static RequestPatternBuilder authorized(RequestPatternBuilder request) {
        return request
                .withHeader("Authorization", equalTo("Bearer " + SkillInvocation.SALESFORCE_TOKEN))
                .withHeader("Accept", equalTo("application/json"));
    }

    static RequestPatternBuilder userinfoRequested() {
        return authorized(getRequestedFor(urlPathEqualTo(USERINFO)));
    }

    static RequestPatternBuilder queried(String soql) {
        return authorized(getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", equalTo(soql)));
    }

    static RequestPatternBuilder anyQuery() {
        return getRequestedFor(urlPathEqualTo(QUERY));
    }
}
