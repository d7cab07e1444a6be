package io.github.asflink.skill;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.IntentRequest;
import com.amazon.ask.model.Request;
import io.github.asflink.linkedtoken.LinkedTokenException;
import io.github.asflink.skill.salesforce.CallMeter;
import io.github.asflink.skill.salesforce.SalesforceFailure;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What happened while answering one request, for its single log line. Lives in the request attributes of the
 * {@link HandlerInput}, so it exists per request and never outlives it. Holds only allow-listed fields: handlers
 * say how the request ended, the Salesforce client reports its waits, and nothing else gets in.
 */
public final class Turn implements CallMeter {

    private static final String ATTRIBUTE = Turn.class.getName();

    /** How a request ended, in the log line's {@code outcome} field. */
    public enum Outcome {
        ANSWERED,
        TASK_CREATED,
        REMINDER_DECLINED,
        DIALOG_CONTINUED,
        /** A write intent asked the user to confirm the change it is about to make. */
        CONFIRM_ASKED,
        /** A confirmed stage move was saved. */
        UPDATED,
        /** A confirmed call was logged (a completed Task created). */
        LOGGED,
        /** The user said no to a change: nothing was sent. */
        DENIED,
        /** A name the user said matched no record. */
        NO_MATCH,
        /** Several records or stages matched: the user was asked which. */
        AMBIGUOUS,
        /** Nothing to change: the deal is closed, or already in that stage. */
        UNCHANGED,
        /** A confirmation came back without the change it confirms in the session: nothing was sent. */
        STARTED_OVER,
        /** Salesforce refused the change for the record's or the user's reason (validation rule, access, lock). */
        WRITE_REFUSED,
        NOT_LINKED,
        TOKEN_REJECTED,
        SESSION_INVALID,
        SALESFORCE_UNAVAILABLE,
        SALESFORCE_REJECTED,
        SALESFORCE_TIMEOUT,
        SALESFORCE_UNREACHABLE,
        SALESFORCE_UNEXPECTED_ANSWER,
        SESSION_ENDED,
        IGNORED,
        FAILED
    }

    /** The only names a log line may carry, in the order they are written. */
    enum Field {
        LEVEL("level"),
        REQUEST_ID("requestId"),
        ALEXA_REQUEST_ID("alexaRequestId"),
        REQUEST_TYPE("requestType"),
        INTENT("intent"),
        OUTCOME("outcome"),
        SALESFORCE_CALLS("salesforceCalls"),
        SALESFORCE_LATENCY_MS("salesforceLatencyMs"),
        SALESFORCE_ROUND_TRIPS("salesforceRoundTrips"),
        SALESFORCE_CRITICAL_PATH_MS("salesforceCriticalPathMs"),
        SALESFORCE_STATUS("salesforceStatus"),
        SALESFORCE_ERROR("salesforceError"),
        PROGRESSIVE("progressive"),
        TOKEN_PROBLEM("tokenProblem"),
        PROBLEM("problem"),
        EXCEPTION("exception");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** The JSON field name. */
        String key() {
            return key;
        }
    }

    /** The log line's {@code problem} values the skill names itself (others: exception class names, shape notes). */
    static final class Problem {
        /** userinfo answered 403 with something other than a dead-token code (e.g. a token without the id scope). */
        static final String IDENTITY_FORBIDDEN = "identity_forbidden";
        /** The data API answered 403 (API disabled for the user or org), not the request limit. */
        static final String DATA_FORBIDDEN = "data_forbidden";
        /** A call ran out of SALESFORCE_TIMEOUT_MS. */
        static final String CALL_TIMEOUT = "call_timeout";
        /** A call ran out of what was left of the request's time (Lambda's remaining time less the answer margin). */
        static final String REQUEST_BUDGET_SPENT = "request_budget_spent";
        /** A confirmed change whose session attributes were not there: nothing was sent. */
        static final String SESSION_ATTRIBUTES_MISSING = "session_attributes_missing";
        /** A confirmed change whose session attributes were there but not of their shape: nothing was sent. */
        static final String SESSION_ATTRIBUTES_INVALID = "session_attributes_invalid";
        /** A change was sent but not answered in time: it may have been saved. */
        static final String WRITE_UNCONFIRMED = "write_unconfirmed";

        private Problem() {
        }
    }

    private final Map<Field, Object> fields = new EnumMap<>(Field.class);
    private Outcome outcome = Outcome.ANSWERED;
    private int salesforceCalls;
    private long salesforceLatencyMs;
    private int salesforceRoundTrips;
    private long salesforceCriticalPathMs;
    private Supplier<String> progressive;
    private boolean written;

    private Turn(Request request) {
        if (request != null) {
            fields.put(Field.REQUEST_TYPE, request.getType());
            fields.put(Field.ALEXA_REQUEST_ID, request.getRequestId());
            if (request instanceof IntentRequest intentRequest && intentRequest.getIntent() != null) {
                fields.put(Field.INTENT, intentRequest.getIntent().getName());
            }
        }
    }

    /** The request's turn, made on first use. */
    public static Turn of(HandlerInput input) {
        return (Turn) input.getAttributesManager().getRequestAttributes()
                .computeIfAbsent(ATTRIBUTE, key -> new Turn(input.getRequestEnvelope().getRequest()));
    }

    public void outcome(Outcome value) {
        this.outcome = value;
    }

    public void tokenRejected(LinkedTokenException.Reason reason) {
        if (reason == LinkedTokenException.Reason.MISSING) {
            outcome = Outcome.NOT_LINKED;
        } else {
            outcome = Outcome.TOKEN_REJECTED;
            fields.put(Field.TOKEN_PROBLEM, reason.name());
        }
    }

    /** One Salesforce call and its own time; parallel calls each count ({@code salesforceLatencyMs} is their sum). */
    @Override
    public void call(long elapsedMs) {
        salesforceCalls++;
        salesforceLatencyMs += elapsedMs;
    }

    /** One Salesforce operation: its serial round trips and wall-clock time ({@code salesforceCriticalPathMs}). */
    @Override
    public void waited(int roundTrips, long elapsedMs) {
        salesforceRoundTrips += roundTrips;
        salesforceCriticalPathMs += elapsedMs;
    }

    /** A Salesforce failure the user was told about: the outcome, and the status and code Salesforce gave. */
    public void salesforceFailed(SalesforceFailure failure) {
        switch (failure) {
            case SalesforceFailure.SessionInvalid f -> {
                outcome = Outcome.SESSION_INVALID;
                salesforceAnswer(f.status(), f.errorCode());
            }
            case SalesforceFailure.Forbidden f -> {
                outcome = Outcome.SALESFORCE_REJECTED;
                salesforceAnswer(f.status(), f.errorCode());
                fields.put(Field.PROBLEM, f.service() == SalesforceFailure.Service.IDENTITY
                        ? Problem.IDENTITY_FORBIDDEN : Problem.DATA_FORBIDDEN);
            }
            case SalesforceFailure.Unavailable f -> {
                outcome = Outcome.SALESFORCE_UNAVAILABLE;
                salesforceAnswer(f.status(), f.errorCode());
            }
            case SalesforceFailure.Rejected f -> {
                outcome = Outcome.SALESFORCE_REJECTED;
                salesforceAnswer(f.status(), f.errorCode());
            }
            case SalesforceFailure.TimedOut f -> {
                outcome = Outcome.SALESFORCE_TIMEOUT;
                fields.put(Field.PROBLEM, f.budgetSpent() ? Problem.REQUEST_BUDGET_SPENT : Problem.CALL_TIMEOUT);
            }
            case SalesforceFailure.Unreachable f -> {
                outcome = Outcome.SALESFORCE_UNREACHABLE;
                fields.put(Field.PROBLEM, f.cause());
            }
            case SalesforceFailure.UnexpectedAnswer f -> {
                outcome = Outcome.SALESFORCE_UNEXPECTED_ANSWER;
                salesforceAnswer(f.status(), "");
                fields.put(Field.PROBLEM, f.problem());
            }
        }
    }

    /** A confirmation without its change: {@code attributesPresent} when some were there but not of their shape. */
    public void startedOver(boolean attributesPresent) {
        outcome = Outcome.STARTED_OVER;
        fields.put(Field.PROBLEM, attributesPresent ? Problem.SESSION_ATTRIBUTES_INVALID
                : Problem.SESSION_ATTRIBUTES_MISSING);
    }

    /** Salesforce refused a change: its status and error code (never its message, which may quote the record). */
    public void writeRefused(int status, String errorCode) {
        outcome = Outcome.WRITE_REFUSED;
        salesforceAnswer(status, errorCode);
    }

    /** A change sent without a whole answer in time: it may have been saved. */
    public void writeUnconfirmed() {
        outcome = Outcome.SALESFORCE_TIMEOUT;
        fields.put(Field.PROBLEM, Problem.WRITE_UNCONFIRMED);
    }

    /**
     * The progressive response this turn started. Its outcome is asked for when the line is written, which is when
     * the answer is ready: one still in flight then is given up there.
     */
    public void progressive(Supplier<String> outcome) {
        this.progressive = outcome;
    }

    void failed(Throwable exception) {
        outcome = Outcome.FAILED;
        fields.put(Field.EXCEPTION, exception.getClass().getName());
    }

    boolean warrantsWarning() {
        return switch (outcome) {
            case ANSWERED, TASK_CREATED, REMINDER_DECLINED, DIALOG_CONTINUED, CONFIRM_ASKED, UPDATED, LOGGED, DENIED,
                 NO_MATCH, AMBIGUOUS, UNCHANGED, WRITE_REFUSED, NOT_LINKED, SESSION_ENDED, IGNORED -> false;
            default -> true;
        };
    }

    /** True the first time only: a request is logged once, even if both the interceptor and exception handler run. */
    boolean markWritten() {
        boolean first = !written;
        written = true;
        return first;
    }

    /** The log line's fields, in {@link Field} order. */
    Map<Field, Object> fields(String lambdaRequestId) {
        Map<Field, Object> line = new EnumMap<>(fields);
        line.put(Field.LEVEL, outcome == Outcome.FAILED ? "ERROR" : warrantsWarning() ? "WARN" : "INFO");
        if (lambdaRequestId != null) {
            line.put(Field.REQUEST_ID, lambdaRequestId);
        }
        line.put(Field.OUTCOME, outcome.name());
        line.put(Field.SALESFORCE_CALLS, salesforceCalls);
        line.put(Field.SALESFORCE_LATENCY_MS, salesforceLatencyMs);
        line.put(Field.SALESFORCE_ROUND_TRIPS, salesforceRoundTrips);
        line.put(Field.SALESFORCE_CRITICAL_PATH_MS, salesforceCriticalPathMs);
        if (progressive != null) {
            line.put(Field.PROGRESSIVE, progressive.get());
        }
        return line;
    }

    private void salesforceAnswer(int status, String errorCode) {
        fields.put(Field.SALESFORCE_STATUS, status);
        if (!errorCode.isEmpty()) {
            fields.put(Field.SALESFORCE_ERROR, errorCode);
        }
    }
}
