package io.github.asflink.skill.salesforce;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;

/**
 * How long one request may still wait for Salesforce: Lambda's remaining time for this invocation, less a margin to
 * build and send the answer. Each call is bounded by the smaller of {@code SALESFORCE_TIMEOUT_MS} and what is left
 * here, so a slow first call shortens the second instead of running into the function's timeout (which Alexa hears
 * as silence and Lambda logs as an error).
 */
public final class RequestBudget {

    /** Time kept back for the answer: the SDK's serialization, the log line, Lambda's own hand-off. */
    public static final Duration ANSWER_MARGIN = Duration.ofMillis(500);

    private static final RequestBudget UNLIMITED = new RequestBudget(Long.MAX_VALUE);

    /** {@link System#nanoTime()} at which the budget is spent; {@code Long.MAX_VALUE} for none. */
    private final long deadlineNanos;

    private RequestBudget(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * The budget of the invocation whose context the SDK hands to handlers ({@code HandlerInput.getContext()}). Outside
     * Lambda (no context, or not Lambda's) only the per-call bound applies.
     */
    public static RequestBudget of(Object context) {
        if (!(context instanceof Context lambda)) {
            return UNLIMITED;
        }
        long remainingMs = Math.max(0, (long) lambda.getRemainingTimeInMillis() - ANSWER_MARGIN.toMillis());
        return new RequestBudget(System.nanoTime() + Duration.ofMillis(remainingMs).toNanos());
    }

    public static RequestBudget unlimited() {
        return UNLIMITED;
    }

    /** The bound for a call starting now: {@code callTimeout}, or less when the request has less left. */
    public Duration bound(Duration callTimeout) {
        if (deadlineNanos == Long.MAX_VALUE) {
            return callTimeout;
        }
        Duration left = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
        return left.compareTo(callTimeout) < 0 ? left : callTimeout;
    }
}
