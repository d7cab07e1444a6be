package io.github.asflink.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * The OAuth client's id and secret, from an {@code Authorization: Basic} header or from the body: Alexa's "Client
 * Authentication Scheme" setting picks one, and both must work.
 *
 * @param clientSecret null when the client sent none (a connected app may not require it)
 */
record ClientCredentials(String clientId, String clientSecret, Scheme scheme) {

    enum Scheme { HTTP_BASIC, REQUEST_BODY }

    ClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scheme, "scheme");
    }

    static ClientCredentials of(String authorization, RequestParameters body) throws TokenError {
        ClientCredentials basic = fromBasic(authorization);
        String bodyId = body.get("client_id");
        String bodySecret = body.get("client_secret");
        if (basic != null) {
            // RFC 6749 §2.3: one method per request; tolerate a body that repeats the same values.
            if ((bodyId != null && !bodyId.equals(basic.clientId()))
                    || (bodySecret != null && !bodySecret.equals(basic.clientSecret()))) {
                throw TokenError.invalidRequest("client credentials in the Authorization header and the body differ");
            }
            return basic;
        }
        if (bodyId == null) {
            throw TokenError.invalidRequest("client_id is required, in the body or an Authorization: Basic header");
        }
        return new ClientCredentials(bodyId, bodySecret, Scheme.REQUEST_BODY);
    }

    /** RFC 6749 §2.3.1: base64 of form-urlencoded id ':' form-urlencoded secret. */
    private static ClientCredentials fromBasic(String authorization) throws TokenError {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw TokenError.invalidRequest("Authorization header must use the Basic scheme");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TokenError.invalidRequest("Authorization: Basic value is not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw TokenError.invalidRequest("Authorization: Basic value must be client_id:client_secret");
        }
        String secret = formDecoded(decoded.substring(colon + 1));
        return new ClientCredentials(formDecoded(decoded.substring(0, colon)), secret.isEmpty() ? null : secret,
                Scheme.HTTP_BASIC);
    }

    private static String formDecoded(String value) throws TokenError {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TokenError.invalidRequest("Authorization: Basic value has a malformed percent-encoding");
        }
    }

    boolean usedBasic() {
        return scheme == Scheme.HTTP_BASIC;
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", scheme=" + scheme + ", secret="
                + (clientSecret == null ? "none" : "<redacted>") + "]";
    }
}
