package io.github.asflink.local.demoorg;

/** An OAuth error answer as Salesforce gives it: status, {@code error}, {@code error_description}. */
final class OAuthFailure extends Exception {
    private final int status;
    private final String error;

    OAuthFailure(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
