package io.github.asflink.skill.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the lookup queries' rows, defensively like {@link SalesforceAnswers}: a record without what the skill needs,
 * or with an id of the wrong kind, makes the whole answer {@link SalesforceAnswers.Unreadable}.
 */
final class LookupAnswers {

    private LookupAnswers() {
    }

    static List<DealStanding> deals(JsonNode body) throws SalesforceAnswers.Unreadable {
        List<DealStanding> deals = new ArrayList<>();
        for (JsonNode record : SalesforceAnswers.records(body)) {
            deals.add(new DealStanding(id(record, RecordKind.OPPORTUNITY), text(record, "Name", "Opportunity"),
                    text(record, "StageName", "Opportunity"), flag(record, "IsClosed", "Opportunity")));
        }
        return deals;
    }

    static List<OrgStage> stages(JsonNode body) throws SalesforceAnswers.Unreadable {
        List<OrgStage> stages = new ArrayList<>();
        for (JsonNode record : SalesforceAnswers.records(body)) {
            stages.add(new OrgStage(text(record, "ApiName", "OpportunityStage"),
                    text(record, "MasterLabel", "OpportunityStage"), flag(record, "IsClosed", "OpportunityStage"),
                    flag(record, "IsWon", "OpportunityStage")));
        }
        return stages;
    }

    /** Accounts, contacts or opportunities; a contact's or opportunity's account when it has one. */
    static List<CallTarget> targets(JsonNode body, RecordKind kind) throws SalesforceAnswers.Unreadable {
        List<CallTarget> targets = new ArrayList<>();
        for (JsonNode record : SalesforceAnswers.records(body)) {
            JsonNode account = record.path("AccountId");
            Optional<String> accountId = Optional.empty();
            if (kind != RecordKind.ACCOUNT && !account.isMissingNode() && !account.isNull()) {
                if (!account.isTextual() || !RecordKind.ACCOUNT.isId(account.textValue())) {
                    throw new SalesforceAnswers.Unreadable(kind + " AccountId is not an account id");
                }
                accountId = Optional.of(account.textValue());
            }
            targets.add(new CallTarget(kind, id(record, kind), text(record, "Name", kind.name()), accountId));
        }
        return targets;
    }

    private static String id(JsonNode record, RecordKind kind) throws SalesforceAnswers.Unreadable {
        JsonNode id = record.path("Id");
        if (!id.isTextual() || !kind.isId(id.textValue())) {
            throw new SalesforceAnswers.Unreadable(kind + " Id is not an id of its kind");
        }
        return id.textValue();
    }

    private static String text(JsonNode record, String field, String what) throws SalesforceAnswers.Unreadable {
        JsonNode value = record.path(field);
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new SalesforceAnswers.Unreadable(what + " has no " + field);
        }
        return value.textValue();
    }

    private static boolean flag(JsonNode record, String field, String what) throws SalesforceAnswers.Unreadable {
        JsonNode value = record.path(field);
        if (!value.isBoolean()) {
            throw new SalesforceAnswers.Unreadable(what + " " + field + " is not a boolean");
        }
        return value.booleanValue();
    }
}
