package io.github.asflink.salesforceerrors;

/**
 * The identity service's errors ({@code /services/oauth2/userinfo} and the identity URL {@code /id/ORG/USER}): a
 * status and a plain-text code as the whole body, not JSON. Salesforce's own Mobile SDKs and jsforce handle a dead
 * access token here as a {@code 403}, where the data API says {@code 401}.
 */
public enum IdentityError {
    /** The access token expired or was revoked. */
    BAD_OAUTH_TOKEN(403, "Bad_OAuth_Token"),
    /** No access token was sent. */
    MISSING_OAUTH_TOKEN(403, "Missing_OAuth_Token"),
    /** The token belongs to another org than the identity URL names. */
    WRONG_ORG(403, "Wrong_Org"),
    /** The identity URL names no user. */
    BAD_ID(404, "Bad_Id"),
    /** The user or org is inactive. */
    INACTIVE(404, "Inactive"),
    /** The user may not see the requested identity. */
    NO_ACCESS(404, "No_Access");

    private final int status;
    private final String code;

    IdentityError(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The body Salesforce sends: the code alone. */
    public String code() {
        return code;
    }

    /** True for the two codes that mean "this access token is dead": only re-linking helps. */
    public boolean meansDeadToken() {
        return this == BAD_OAUTH_TOKEN || this == MISSING_OAUTH_TOKEN;
    }

    public SalesforceErrorAnswer answer() {
        return new SalesforceErrorAnswer(status, SalesforceErrors.TEXT, code);
    }
}
