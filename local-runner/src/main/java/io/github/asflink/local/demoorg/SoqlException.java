package io.github.asflink.local.demoorg;

/** A query the demo org rejects, with Salesforce's error code (MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE). */
final class SoqlException extends Exception {
    private final String errorCode;

    SoqlException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    String errorCode() {
        return errorCode;
    }
}
