package io.github.asflink.skill;

/**
 * Why a Salesforce call did not give the skill what it needed. Carries only what is safe to log: status codes,
 * Salesforce's own error codes (checked to be {@code UPPER_SNAKE}), and our description of what was wrong.
 */
sealed interface SalesforceFailure {

    /** 401: the token expired or was revoked, and Alexa could not refresh it. Only re-linking helps. */
    record SessionInvalid(String errorCode) implements SalesforceFailure {
    }

    /** 5xx or 429: Salesforce is down, in maintenance or throttling. Worth trying again later. */
    record Unavailable(int status, String errorCode) implements SalesforceFailure {
    }

    /** Another 4xx: Salesforce refused the request as made (a field not visible to the user, a bad query). */
    record Rejected(int status, String errorCode) implements SalesforceFailure {
    }

    /** No answer within the configured timeout. */
    record TimedOut() implements SalesforceFailure {
    }

    /** The connection failed (DNS, refused, TLS). {@code cause} is an exception class name. */
    record Unreachable(String cause) implements SalesforceFailure {
    }

    /** A success status with a body the skill cannot read. {@code problem} is ours, never a value from the body. */
    record UnexpectedAnswer(int status, String problem) implements SalesforceFailure {
    }
}
