package io.github.asflink.skill.salesforce;

import java.util.Optional;

/**
 * The identity service's error codes ({@code /services/oauth2/userinfo}). Salesforce sends one of these as the whole
 * plain-text body, not JSON, and answers a dead access token with {@code 403 Bad_OAuth_Token}, where the data API says
 * {@code 401 INVALID_SESSION_ID}. Only these codes are ever logged from an identity answer.
 */
enum IdentityCode {
    BAD_OAUTH_TOKEN("Bad_OAuth_Token"),
    MISSING_OAUTH_TOKEN("Missing_OAuth_Token"),
    WRONG_ORG("Wrong_Org"),
    BAD_ID("Bad_Id"),
    INACTIVE("Inactive"),
    NO_ACCESS("No_Access");

    /** Longer bodies are not a code: not worth scanning. */
    private static final int MAX_BODY = 64;

    private final String code;

    IdentityCode(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The token is expired, revoked or absent: only linking again helps. */
    boolean meansDeadToken() {
        return this == BAD_OAUTH_TOKEN || this == MISSING_OAUTH_TOKEN;
    }

    /**
     * The code an identity error body carries, read defensively: whatever the content type (or none), with or without
     * a trailing newline. Anything else is no code.
     */
    static Optional<IdentityCode> of(String body) {
        if (body == null || body.length() > MAX_BODY) {
            return Optional.empty();
        }
        String text = body.strip();
        for (IdentityCode candidate : values()) {
            if (candidate.code.equals(text)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
