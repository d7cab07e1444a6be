package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.util.List;

/**
 * What the write intents' tests share: their SOQL written out byte for byte (the name match as the test expects it),
 * the records the lookups find, as Salesforce's query answers shape them, and the write requests.
 */
final class WriteStubs {

    static final String OPPORTUNITY_ID = "0065g00000Q1aBcAAE";
    static final String ACCOUNT_ID = "0015g00000GlbxSAAQ";
    static final String CONTACT_ID = "0035g00000HnkSAAAQ";
    static final String OPPORTUNITY_PATH = "/services/data/v67.0/sobjects/Opportunity/" + OPPORTUNITY_ID;
    static final String TASKS = SalesforceStubs.TASKS;

    static final String STAGES_SOQL = "SELECT ApiName, MasterLabel, IsClosed, IsWon FROM OpportunityStage "
            + "WHERE IsActive = true ORDER BY SortOrder ASC";

    /** The demo org's active stages in its order (Perception Analysis is inactive, so not listed). */
    static final List<String> STAGE_LABELS = List.of("Prospecting", "Qualification", "Needs Analysis",
            "Value Proposition", "Id. Decision Makers", "Proposal/Price Quote", "Negotiation/Review", "Contract Sent",
            "Closed Won", "Closed Lost");

    /** A deal row of the stage move's lookup. */
    record Deal(String id, String name, String stage, boolean closed) {
    }

    /** A row of a call's lookups; {@code accountId} null for none (and for accounts). */
    record Row(String id, String name, String accountId) {
    }

    private WriteStubs() {
    }

    static String dealsSoql(String nameMatch) {
        return "SELECT Id, Name, StageName, IsClosed FROM Opportunity USING SCOPE mine WHERE " + nameMatch
                + " ORDER BY IsClosed ASC, CloseDate ASC NULLS LAST LIMIT 6";
    }

    static String accountsSoql(String nameMatch) {
        return "SELECT Id, Name FROM Account WHERE " + nameMatch + " ORDER BY Name ASC LIMIT 4";
    }

    static String contactsSoql(String nameMatch) {
        return "SELECT Id, Name, AccountId FROM Contact WHERE " + nameMatch + " ORDER BY Name ASC LIMIT 4";
    }

    static String openDealsSoql(String nameMatch) {
        return "SELECT Id, Name, AccountId FROM Opportunity USING SCOPE mine WHERE " + nameMatch
                + " AND IsClosed = false ORDER BY Name ASC LIMIT 4";
    }

    /** The org's stages as {@code OpportunityStage} rows; api name = label, as in an org that never renamed one. */
    static String stages() {
        ArrayNode records = SkillInvocation.JSON.createArrayNode();
        for (String label : STAGE_LABELS) {
            records.addObject().put("ApiName", label).put("MasterLabel", label)
                    .put("IsClosed", label.startsWith("Closed")).put("IsWon", label.equals("Closed Won"))
                    .putObject("attributes").put("type", "OpportunityStage");
        }
        return answer(records);
    }

    static String deals(Deal... deals) {
        ArrayNode records = SkillInvocation.JSON.createArrayNode();
        for (Deal deal : deals) {
            ObjectNode record = records.addObject();
            record.putObject("attributes").put("type", "Opportunity")
                    .put("url", "/services/data/v67.0/sobjects/Opportunity/" + deal.id());
            record.put("Id", deal.id()).put("Name", deal.name()).put("StageName", deal.stage())
                    .put("IsClosed", deal.closed());
        }
        return answer(records);
    }

    static String rows(String type, Row... rows) {
        ArrayNode records = SkillInvocation.JSON.createArrayNode();
        for (Row row : rows) {
            ObjectNode record = records.addObject();
            record.putObject("attributes").put("type", type)
                    .put("url", "/services/data/v67.0/sobjects/" + type + "/" + row.id());
            record.put("Id", row.id()).put("Name", row.name());
            if (!type.equals("Account")) {
                record.put("AccountId", row.accountId());
            }
        }
        return answer(records);
    }

    static void stageUpdate(ResponseDefinitionBuilder answer) {
        stubFor(patch(urlPathMatching("/services/data/v67.0/sobjects/Opportunity/.*")).willReturn(answer));
    }

    static void taskCreate(ResponseDefinitionBuilder answer) {
        stubFor(post(urlPathEqualTo(TASKS)).willReturn(answer));
    }

    static ResponseDefinitionBuilder created() {
        return SalesforceStubs.json(201, "{\"id\":\"00T5g00000CaLLdEAA\",\"success\":true,\"errors\":[]}");
    }

    /** What an update must be: this opportunity, the token, JSON in and out, exactly this body. */
    static RequestPatternBuilder stageUpdated(String body) {
        return SalesforceStubs.authorized(patchRequestedFor(urlPathEqualTo(OPPORTUNITY_PATH)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalTo(body));
    }

    static RequestPatternBuilder anyStageUpdate() {
        return patchRequestedFor(urlPathMatching("/services/data/v67.0/sobjects/.*"));
    }

    static RequestPatternBuilder taskCreated(String body) {
        return SalesforceStubs.authorized(postRequestedFor(urlPathEqualTo(TASKS)))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalTo(body));
    }

    static RequestPatternBuilder anyTaskCreate() {
        return postRequestedFor(urlPathMatching("/services/data/v67.0/sobjects/.*"));
    }

    private static String answer(ArrayNode records) {
        ObjectNode body = SkillInvocation.JSON.createObjectNode().put("totalSize", records.size()).put("done", true);
        body.set("records", records);
        return body.toString();
    }
}
