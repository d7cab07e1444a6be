package io.github.asflink.skill.salesforce;

/**
 * Why a Salesforce call did not give the skill what it needed. Carries only what is safe to log: status codes,
 * Salesforce's own error codes (data API codes checked to be {@code UPPER_SNAKE}, identity codes from
 * {@link IdentityCode} only), and our description of what was wrong.
 */
public sealed interface SalesforceFailure {

    /** Which Salesforce service answered: their error shapes differ. */
    enum Service {
        /** {@code /services/oauth2/userinfo}: plain-text codes. */
        IDENTITY,
        /** {@code /services/data/...}: a JSON array of {@code {"message","errorCode"}}. */
        DATA
    }

    /**
     * The token expired or was revoked and Alexa could not refresh it: the data API's {@code 401 INVALID_SESSION_ID},
     * or the identity service's {@code 403 Bad_OAuth_Token} / {@code Missing_OAuth_Token}. Only re-linking helps.
     */
    record SessionInvalid(int status, String errorCode) implements SalesforceFailure {
    }

    /**
     * 5xx, 429, or the data API's {@code 403 REQUEST_LIMIT_EXCEEDED}: Salesforce is down, in maintenance or out of
     * API calls for now. Worth trying again later.
     */
    record Unavailable(int status, String errorCode) implements SalesforceFailure {
    }

    /**
     * A 403 that is not about the token: the identity service refusing a token without the {@code id} scope, or the
     * data API refusing the user ({@code API_CURRENTLY_DISABLED}, {@code API_DISABLED_FOR_ORG}). Re-linking would not
     * help; an admin has to.
     */
    record Forbidden(Service service, int status, String errorCode) implements SalesforceFailure {
    }

    /** Another 4xx: Salesforce refused the request as made (a field not visible to the user, a bad query). */
    record Rejected(int status, String errorCode) implements SalesforceFailure {
    }

    /**
     * No whole answer (headers and body) in time. {@code budgetSpent} when the request's remaining time, not
     * {@code SALESFORCE_TIMEOUT_MS}, was the tighter bound.
     */
    record TimedOut(boolean budgetSpent) implements SalesforceFailure {
    }

    /** The connection failed (DNS, refused, TLS, reset). {@code cause} is an exception class name. */
    record Unreachable(String cause) implements SalesforceFailure {
    }

    /** A success status with a body the skill cannot read. {@code problem} is ours, never a value from the body. */
    record UnexpectedAnswer(int status, String problem) implements SalesforceFailure {
    }
}
