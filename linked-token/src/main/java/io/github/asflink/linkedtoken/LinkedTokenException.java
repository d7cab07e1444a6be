package io.github.asflink.linkedtoken;

/**
 * A linked token or instance URL that cannot be used. The message names the reason only: the rejected value may be a
 * bearer credential and must never reach a log line.
 */
public final class LinkedTokenException extends Exception {

    /** Why a value was rejected. */
    public enum Reason {
        MISSING("no linked token"),
        MALFORMED("linked token is not '<access token> <instance url>'"),
        TOO_LONG("linked token is longer than " + LinkedToken.MAX_LENGTH + " characters"),
        DISALLOWED_INSTANCE_URL("instance URL is not an allowed Salesforce origin");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;

    public LinkedTokenException(Reason reason) {
        super(reason.description(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
