package io.github.asflink.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fuzz target: the request parameter parsing (form, JSON, base64 bodies, the Basic header). Input: one flags byte,
 * then text. First the text is parsed as a request as it came (flags pick the Content-Type, base64 and method; a
 * first line is the Authorization header when asked): the result is a {@link TokenRequest} or a {@link TokenError}
 * with an RFC 6749 code, a 4xx status and a description made of fixed words only. Then the text's NUL-separated parts
 * (client id, secret, code, redirect URI, code verifier) are encoded the way the flags say, as a client would, and
 * must parse back to exactly those values.
 */
class TokenRequestFuzzTest {

    private static final String[] CONTENT_TYPES = {null, "application/x-www-form-urlencoded;charset=UTF-8",
        "application/json", "text/plain"};
    private static final Set<Integer> REQUEST_STATUSES = Set.of(400, 405, 413);
    private static final Set<String> REQUEST_CODES = Set.of("invalid_request", "unsupported_grant_type");
    /** Fixed phrases and parameter names: no digit beyond the size limit, none of %+=&"\ and no long tokens. */
    private static final Pattern FIXED_WORDS = Pattern.compile("[A-Za-z0-9_ :,.()'/-]{1,120}");
    private static final TokenRequestParser PARSER = new TokenRequestParser(Optional.empty());

    @FuzzTest
    void parsesIntoTheSameValuesOrATypedError(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int flags = input[0] & 0xff;
        String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        parseAsSent(flags, text);
        encodeThenParse(flags, text.split("\u0000", -1));
    }

    private static void parseAsSent(int flags, String text) {
        String authorization = null;
        String body = text;
        if ((flags & 0x10) != 0 && text.indexOf('\n') >= 0) {
            authorization = text.substring(0, text.indexOf('\n'));
            body = text.substring(text.indexOf('\n') + 1);
        }
        boolean base64 = (flags & 0x01) != 0;
        if (base64) {
            body = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> headers = new HashMap<>();
        String contentType = CONTENT_TYPES[(flags >> 1) & 0x03];
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        String method = (flags & 0x20) != 0 ? "GET" : "POST";
        try {
            TokenRequest request = PARSER.parse(new HttpApiRequest(method, headers, body, base64, "fuzz"));
            assertTrue(request.client().clientId() != null && !request.client().clientId().isEmpty());
            String secret = request.client().clientSecret();
            if (secret != null && secret.length() >= 8 && !secret.matches("[A-Za-z_ <>]*")) {
                assertFalse(request.toString().replace(request.client().clientId(), "").contains(secret),
                        "toString shows the client secret");
            }
        } catch (TokenError error) {
            assertEquals(TokenError.Origin.REQUEST, error.origin());
            assertTrue(REQUEST_STATUSES.contains(error.status()), "status " + error.status());
            assertTrue(REQUEST_CODES.contains(error.code()), "code " + error.code());
            assertTrue(FIXED_WORDS.matcher(error.description()).matches(), "description: " + error.description());
        }
    }

    /** Parts: client id, secret, code, redirect URI, code verifier; flags: how a client encodes them. */
    private static void encodeThenParse(int flags, String[] parts) {
        String clientId = part(parts, 0);
        String secret = part(parts, 1);
        String code = part(parts, 2);
        String redirectUri = part(parts, 3);
        String verifier = part(parts, 4);
        if (clientId == null || code == null) {
            return;
        }
        boolean basic = (flags & 0x40) != 0;
        boolean json = (flags & 0x80) != 0;
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put("grant_type", "authorization_code");
        parameters.put("code", code);
        putIfPresent(parameters, "redirect_uri", redirectUri);
        putIfPresent(parameters, "code_verifier", verifier);
        Map<String, String> headers = new HashMap<>();
        if (basic) {
            String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                    + (secret == null ? "" : URLEncoder.encode(secret, StandardCharsets.UTF_8));
            headers.put("authorization", "Basic " + Base64.getEncoder().encodeToString(
                    pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            parameters.put("client_id", clientId);
            putIfPresent(parameters, "client_secret", secret);
        }
        String body;
        if (json) {
            JsonObject object = new JsonObject();
            parameters.forEach(object::addProperty);
            body = object.toString();
            headers.put("content-type", "application/json");
        } else {
            body = FormEncoder.encode(parameters);
            headers.put("content-type", "application/x-www-form-urlencoded");
        }
        boolean base64 = (flags & 0x01) != 0;
        if (base64) {
            body = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        }
        if (body.length() > RequestParameters.MAX_BODY_BYTES) {
            return;
        }
        TokenRequest request;
        try {
            request = PARSER.parse(new HttpApiRequest("POST", headers, body, base64, "fuzz"));
        } catch (TokenError error) {
            throw new AssertionError("a well-encoded request was refused: " + error.description());
        }
        assertEquals(clientId, request.client().clientId());
        assertEquals(secret, request.client().clientSecret());
        assertEquals(basic ? ClientCredentials.Scheme.HTTP_BASIC : ClientCredentials.Scheme.REQUEST_BODY,
                request.client().scheme());
        TokenRequest.AuthorizationCode grant = (TokenRequest.AuthorizationCode) request.grant();
        assertEquals(code, grant.code());
        assertEquals(redirectUri, grant.redirectUri());
        assertEquals(verifier, grant.codeVerifier());
        if (redirectUri == null) {
            assertNull(grant.redirectUri());
        }
    }

    /** An empty part is an omitted parameter (RFC 6749 §3.1). */
    private static String part(String[] parts, int index) {
        return index < parts.length && !parts[index].isEmpty() ? parts[index] : null;
    }

    private static void putIfPresent(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
