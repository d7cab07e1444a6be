package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/** The Salesforce answers and request patterns the tests share, as the contract describes them. */
final class SalesforceStubs {

    static final String USER_ID = "0055g00000AbCdEAAV";
    static final String USERINFO = "/services/oauth2/userinfo";
    static final String QUERY = "/services/data/v67.0/query";
    static final String TASKS = "/services/data/v67.0/sobjects/Task";

    static final String PIPELINE_SOQL = "SELECT Id, Name, Amount, CloseDate FROM Opportunity WHERE OwnerId = '"
            + USER_ID + "' AND IsClosed = false ORDER BY CloseDate ASC NULLS LAST LIMIT 2000";
    static final String CASE_COUNT_SOQL = "SELECT COUNT() FROM Case WHERE OwnerId = '" + USER_ID
            + "' AND IsClosed = false";
    static final String TOP_CASES_SOQL = "SELECT Id, CaseNumber, Subject, Priority, Status FROM Case WHERE OwnerId = '"
            + USER_ID + "' AND IsClosed = false ORDER BY Priority ASC NULLS LAST, CaseNumber ASC LIMIT 3";

    static final String USERINFO_BODY = """
            {"sub":"https://login.salesforce.com/id/00D5g000004E9XhEAK/0055g00000AbCdEAAV",
             "user_id":"0055g00000AbCdEAAV","organization_id":"00D5g000004E9XhEAK",
             "preferred_username":"ada@acme.example","name":"Ada Lovelace","given_name":"Ada",
             "family_name":"Lovelace","email":"ada@acme.example","locale":"en_US","zoneinfo":"America/Los_Angeles"}""";

    static final String INVALID_SESSION = """
            [{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""";

    private SalesforceStubs() {
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body);
    }

    static void userinfo() {
        stubFor(get(urlPathEqualTo(USERINFO)).willReturn(json(200, USERINFO_BODY)));
    }

    static void query(String soql, String body) {
        stubFor(get(urlPathEqualTo(QUERY)).withQueryParam("q", equalTo(soql)).willReturn(json(200, body)));
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
}
