package io.github.asflink.token;

/**
 * An RFC 6749 §5.2 error answer. Built only from fixed descriptions or Salesforce's own error text (scrubbed), never
 * from a request value, so no secret can reach the body or the log.
 */
final class TokenError extends Exception {

    /** Who the error is about; it decides the log outcome and whether Alexa should keep the user's link. */
    enum Origin {
        /** The request to us was bad; Salesforce was not called. */
        REQUEST,
        /** Salesforce answered with an OAuth error; passed through as it came. */
        SALESFORCE,
        /** Salesforce could not be reached or answered something unusable: transient, a 5xx. */
        UPSTREAM,
        /** A fault of ours, not of the request or of Salesforce. */
        INTERNAL
    }

    private final Origin origin;
    private final int status;
    private final String code;
    private final String description;
    private final boolean basicChallenge;

    private TokenError(Origin origin, int status, String code, String description, boolean basicChallenge) {
        super(code + ": " + description, null, false, false);
        this.origin = origin;
        this.status = status;
        this.code = code;
        this.description = description;
        this.basicChallenge = basicChallenge;
    }

    static TokenError invalidRequest(String description) {
        return new TokenError(Origin.REQUEST, 400, "invalid_request", description, false);
    }

    static TokenError methodNotAllowed() {
        return new TokenError(Origin.REQUEST, 405, "invalid_request", "the token endpoint accepts POST only", false);
    }

    static TokenError tooLarge(int limit) {
        return new TokenError(Origin.REQUEST, 413, "invalid_request", "request body is larger than " + limit + " bytes",
                false);
    }

    static TokenError unsupportedGrantType() {
        return new TokenError(Origin.REQUEST, 400, "unsupported_grant_type",
                "grant_type must be authorization_code or refresh_token", false);
    }

    /** RFC 6749 §5.2: 401, with a Basic challenge when the client authenticated with Basic. */
    static TokenError invalidClient(boolean usedBasic) {
        return new TokenError(Origin.REQUEST, 401, "invalid_client", "client is not allowed to use this endpoint",
                usedBasic);
    }

    /**
     * Salesforce's OAuth error, passed on. Salesforce answers {@code invalid_client} with 400; RFC 6749 §5.2 wants a
     * 401 with a Basic challenge when the client authenticated with Basic, so that case is raised to 401.
     */
    static TokenError fromSalesforce(int status, String code, String description, boolean usedBasic) {
        boolean challenge = usedBasic && (status == 401 || "invalid_client".equals(code));
        return new TokenError(Origin.SALESFORCE, challenge ? 401 : status, code, description, challenge);
    }

    /** Salesforce answered 5xx, 429, or could not be reached: Alexa should try again later, keeping the link. */
    static TokenError temporarilyUnavailable(int status, String description) {
        return new TokenError(Origin.UPSTREAM, status, "temporarily_unavailable", description, false);
    }

    /** Salesforce answered something we cannot turn into a safe token. */
    static TokenError badGateway(String description) {
        return new TokenError(Origin.UPSTREAM, 502, "server_error", description, false);
    }

    /** A fault of ours; should never happen, and never carries the cause's message. */
    static TokenError internal() {
        return new TokenError(Origin.INTERNAL, 500, "server_error", "the token endpoint failed", false);
    }

    Origin origin() {
        return origin;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String description() {
        return description;
    }

    boolean basicChallenge() {
        return basicChallenge;
    }
}
