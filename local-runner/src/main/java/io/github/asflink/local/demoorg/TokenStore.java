package io.github.asflink.local.demoorg;

import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo org's grants, in memory: authorization codes (single use, ten minutes), refresh tokens and access tokens.
 * An access token dies when revoked, when expired on purpose ({@link #expireAccessTokens()}), or after two hours
 * without use (Salesforce's default session timeout); its refresh token still gets a new one.
 * Token shapes follow Salesforce's: {@code 00D…!AQ…} access tokens, {@code 5Aep861…} refresh tokens, base64
 * codes.
 */
final class TokenStore {
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    /** Salesforce's default session timeout: idle time, reset by every call. */
    static final Duration SESSION_TIMEOUT = Duration.ofHours(2);
    private static final String TOKEN_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";

    /** What an authorization code stands for until it is redeemed. */
    record PendingCode(String userId, String clientId, String redirectUri, String scope, String codeChallenge,
                       String codeChallengeMethod, Instant expiresAt) {
    }

    /** A refresh token's grant (user, client, scope). */
    record Grant(String userId, String clientId, String scope) {
    }

    /**
     * An access token's session: whose it is, the refresh token it came from (null for none), its scopes, and when it
     * was last used.
     */
    record Session(String userId, String refreshToken, String scope, Instant lastUsed) {
        Session usedAt(Instant now) {
            return new Session(userId, refreshToken, scope, now);
        }

        /** userinfo and the identity URL need one of these, as in Salesforce; {@code api} alone is not enough. */
        boolean allowsIdentity() {
            return (" " + scope + " ").matches(".* (id|profile|email|address|phone|openid|full) .*");
        }
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> redeemedCodes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    TokenStore(Clock clock) {
        this.clock = clock;
    }

    String issueCode(String userId, String clientId, String redirectUri, String scope, String codeChallenge,
                     String codeChallengeMethod) {
        byte[] bytes = new byte[60];
        random.nextBytes(bytes);
        String code = "aPrx" + Base64.getEncoder().encodeToString(bytes); // standard base64: + / = on purpose
        codes.put(code, new PendingCode(userId, clientId, redirectUri, scope, codeChallenge, codeChallengeMethod,
                clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** Takes a code out of the store: a code works once, and not after ten minutes. */
    PendingCode redeem(String code) throws OAuthFailure {
        PendingCode pending = codes.remove(code);
        if (pending == null) {
            if (redeemedCodes.containsKey(code)) {
                throw new OAuthFailure(SalesforceErrors.expiredCode());
            }
            throw new OAuthFailure(SalesforceErrors.oauth(400, "invalid_grant", "invalid authorization code"));
        }
        redeemedCodes.put(code, Boolean.TRUE);
        if (clock.instant().isAfter(pending.expiresAt())) {
            throw new OAuthFailure(SalesforceErrors.expiredCode());
        }
        return pending;
    }

    String issueRefreshToken(Grant grant) {
        String token = "5Aep861" + randomToken(80);
        refreshTokens.put(token, grant);
        return token;
    }

    Optional<Grant> grant(String refreshToken) {
        return Optional.ofNullable(refreshTokens.get(refreshToken));
    }

    String issueAccessToken(String userId, String refreshToken, String scope) {
        String token = DemoData.ORG_ID.substring(0, 15) + "!AQ" + randomToken(94);
        sessions.put(token, new Session(userId, refreshToken, scope == null ? "" : scope, clock.instant()));
        return token;
    }

    /** The live session of an access token; using it resets its idle timer, as a Salesforce API call does. */
    Optional<Session> session(String accessToken) {
        Instant now = clock.instant();
        return Optional.ofNullable(sessions.computeIfPresent(accessToken, (token, s) ->
                now.isAfter(s.lastUsed().plus(SESSION_TIMEOUT)) ? null : s.usedAt(now)));
    }

    /** Ends every access token's session now (refresh tokens stay valid), as a session timeout does. */
    int expireAccessTokens() {
        int expired = sessions.size();
        sessions.clear();
        return expired;
    }

    /** Ends one access token's session now; false when it was not live. */
    boolean expire(String accessToken) {
        return sessions.remove(accessToken) != null;
    }

    /** Revokes an access token, or a refresh token together with every access token issued from it. */
    boolean revoke(String token) {
        if (sessions.remove(token) != null) {
            return true;
        }
        if (refreshTokens.remove(token) != null) {
            sessions.values().removeIf(s -> token.equals(s.refreshToken()));
            return true;
        }
        return false;
    }

    private String randomToken(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return out.toString();
    }
}
