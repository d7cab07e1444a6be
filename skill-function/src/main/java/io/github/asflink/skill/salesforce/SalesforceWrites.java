package io.github.asflink.skill.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The changes the skill makes in Salesforce, for one request's linked user: a stage move ({@code PATCH}) and a logged
 * call ({@code POST}). One round trip each, bounded like every call, and every answer a {@link WriteOutcome}.
 */
public final class SalesforceWrites {

    private final SalesforceClient client;
    private final ObjectMapper json;

    SalesforceWrites(SalesforceClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** {@code PATCH /sobjects/Opportunity/<id>} with exactly {@code {"StageName":"<api name>"}}; 204 is done. */
    public WriteOutcome moveStage(String opportunityId, String stageApiName) {
        if (!RecordKind.OPPORTUNITY.isId(opportunityId)) {
            throw new IllegalArgumentException("not an opportunity id"); // never built into a path
        }
        ObjectNode body = json.createObjectNode().put("StageName", stageApiName);
        return outcome(client.change("PATCH", "/sobjects/Opportunity/" + opportunityId, text(body), 204));
    }

    /** {@code POST /sobjects/Task}: the completed call; {@code 201} with the new Task's id is done. */
    public WriteOutcome logCall(CallLog call) {
        return outcome(client.change("POST", "/sobjects/Task", text(call.body(json)), 201));
    }

    private WriteOutcome outcome(SalesforceClient.Change change) {
        return switch (change.result()) {
            case SalesforceResult.Success<JsonNode> saved -> new WriteOutcome.Saved(createdId(saved.value()));
            case SalesforceResult.Failure<JsonNode> failure -> failed(failure.failure(), change);
        };
    }

    private WriteOutcome failed(SalesforceFailure failure, SalesforceClient.Change change) {
        if (failure instanceof SalesforceFailure.TimedOut && change.sent()) {
            return new WriteOutcome.Unconfirmed();
        }
        int status = switch (failure) {
            case SalesforceFailure.Rejected rejected -> rejected.status();
            case SalesforceFailure.Forbidden forbidden -> forbidden.status();
            default -> 0;
        };
        String code = switch (failure) {
            case SalesforceFailure.Rejected rejected -> rejected.errorCode();
            case SalesforceFailure.Forbidden forbidden -> forbidden.errorCode();
            default -> "";
        };
        Optional<WriteRefusal> refusal = status == 0 ? Optional.empty() : WriteRefusal.of(status, code);
        if (refusal.isEmpty()) {
            return new WriteOutcome.Failed(failure);
        }
        Optional<String> message = refusal.get() == WriteRefusal.VALIDATION_RULE
                ? errorMessage(change.errorBody()) : Optional.empty();
        return new WriteOutcome.Refused(refusal.get(), status, code, message);
    }

    /** A created record's id when the answer names one; a save without it is still a save. */
    private static Optional<String> createdId(JsonNode body) {
        try {
            return Optional.of(SalesforceAnswers.createdId(body));
        } catch (SalesforceAnswers.Unreadable e) {
            return Optional.empty();
        }
    }

    /** The first error's {@code message} (an array of errors, or one object). */
    private Optional<String> errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode errors = json.readTree(body);
            JsonNode message = (errors.isArray() ? errors.path(0) : errors).path("message");
            return message.isTextual() ? Optional.of(message.textValue()) : Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private String text(ObjectNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("change body not serializable", e);
        }
    }
}
