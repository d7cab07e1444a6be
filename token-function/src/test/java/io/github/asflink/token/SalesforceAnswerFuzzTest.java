package io.github.asflink.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Fuzz target: what Salesforce's token endpoint answers (token responses, error bodies, the signature). Input: one
 * byte picking the HTTP status, then the body. The answer becomes a grant with a token and an instance URL (only for
 * a 200), Salesforce's OAuth error passed on with a 4xx and a scrubbed description, or an upstream failure (502, or
 * 503 for a 5xx, 408 or 429); never another exception. A signature in the body is checked without throwing, and a
 * grant that passes is one signed with the secret. Seeds: the stand-ins' grants and every error answer of
 * {@code SalesforceErrors}.
 */
class SalesforceAnswerFuzzTest {

    private static final int[] STATUSES = {200, 400, 401, 403, 404, 408, 429, 500, 503, 302, 201, 204, 599, 418};
    private static final String SECRET = "DEMO+SECRET/with=special&chars%";
    private static final String CODE = "aPrxdemoCode+/=&%25Example==";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final List<TokenRequest> REQUESTS = List.of(
            new TokenRequest(new TokenRequest.AuthorizationCode(CODE, "https://pitangui.amazon.com/api/skill/link/M",
                    VERIFIER), new ClientCredentials("alexa-client", SECRET, ClientCredentials.Scheme.HTTP_BASIC)),
            new TokenRequest(new TokenRequest.RefreshToken("5Aep861SFrefreshToken.original"),
                    new ClientCredentials("alexa-client", SECRET, ClientCredentials.Scheme.REQUEST_BODY)));

    @FuzzTest
    void everyAnswerIsAGrantOrATypedError(byte[] input) throws InterruptedException {
        if (input.length == 0) {
            return;
        }
        int status = STATUSES[(input[0] & 0x7f) % STATUSES.length];
        TokenRequest request = REQUESTS.get((input[0] & 0x80) >> 7);
        String body = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        SalesforceTokenClient client = new SalesforceTokenClient(java.net.URI.create("https://login.salesforce.com"
                + "/services/oauth2/token"), (endpoint, form, timeout) -> new SalesforceTransport.Reply(status,
                body));
        try {
            SalesforceGrant grant = client.exchange(request, Duration.ofSeconds(3), call -> { });
            assertEquals(200, status, "a grant from a " + status);
            assertNotNull(grant.accessToken());
            assertNotNull(grant.instanceUrl());
            assertEquals("SalesforceGrant[instanceUrl=" + grant.instanceUrl() + ", scope=" + grant.scope()
                    + ", refreshToken=" + (grant.refreshToken() == null ? "none" : "<redacted>") + "]",
                    grant.toString(), "toString shows more than the instance URL and scope");
            if (grant.signature() != null && grant.id() != null && grant.issuedAt() != null
                    && SignatureVerifier.matches(grant.id(), grant.issuedAt(), grant.signature(), SECRET)) {
                // Compared as bytes: Base64 has several spellings of one value (unused bits in the last character).
                assertArrayEquals(Base64.getDecoder().decode(SignatureVerifier.sign(grant.id(), grant.issuedAt(),
                        SECRET)), Base64.getDecoder().decode(grant.signature()),
                        "a signature passed that the secret did not make");
            }
        } catch (TokenError error) {
            switch (error.origin()) {
                case SALESFORCE -> {
                    assertTrue(status >= 400 && status < 500 && status != 408 && status != 429, "status " + status);
                    assertTrue(error.code().matches("[A-Za-z0-9_.-]{1,64}"), "code passed on as it came");
                    assertTrue(error.status() == status || error.status() == 401);
                    String description = error.description();
                    if (description != null) {
                        assertTrue(description.length() <= ErrorText.MAX_LENGTH);
                        assertTrue(description.matches("[A-Za-z_/.,:'() -]*"), "description passed unscrubbed");
                        for (String secret : List.of(SECRET, CODE, VERIFIER, "5Aep861SFrefreshToken.original")) {
                            assertFalse(description.contains(secret), "a request secret in the description");
                        }
                    }
                }
                case UPSTREAM -> {
                    if (status >= 500 || status == 429 || status == 408) {
                        assertEquals(503, error.status(), "an outage is a 503");
                    } else {
                        assertEquals(502, error.status(), "an unusable answer is a 502");
                    }
                }
                default -> fail("unexpected origin " + error.origin());
            }
        }
        signatureCheckNeverThrows(body);
    }

    /** Whatever the members hold, checking a signature answers true or false. */
    private static void signatureCheckNeverThrows(String body) {
        JsonElement json;
        try {
            json = JsonParser.parseString(body);
        } catch (RuntimeException notJson) {
            return;
        }
        if (!json.isJsonObject()) {
            return;
        }
        var object = json.getAsJsonObject();
        Optional<String> id = text(object.get("id"));
        Optional<String> issuedAt = text(object.get("issued_at"));
        Optional<String> signature = text(object.get("signature"));
        if (id.isPresent() && issuedAt.isPresent() && signature.isPresent()) {
            SignatureVerifier.matches(id.get(), issuedAt.get(), signature.get(), SECRET);
            assertTrue(SignatureVerifier.matches(id.get(), issuedAt.get(),
                    SignatureVerifier.sign(id.get(), issuedAt.get(), SECRET), SECRET), "sign then verify fails");
        }
    }

    private static Optional<String> text(JsonElement element) {
        return element != null && element.isJsonPrimitive() ? Optional.of(element.getAsString()) : Optional.empty();
    }
}
