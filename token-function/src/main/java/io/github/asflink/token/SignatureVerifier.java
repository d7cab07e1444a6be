package io.github.asflink.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Salesforce signs {@code id + issued_at} with the client secret (Base64 HMAC-SHA256), so a valid signature proves the
 * answer, and the identity URL in it, came from the org that holds our secret.
 */
final class SignatureVerifier {

    private SignatureVerifier() {
    }

    static boolean matches(String id, String issuedAt, String signature, String clientSecret) {
        byte[] expected;
        byte[] actual;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            expected = mac.doFinal((id + issuedAt).getBytes(StandardCharsets.UTF_8));
            actual = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, actual); // constant time
    }

    /** What Salesforce sends; used by tests and stand-ins. */
    static String sign(String id, String issuedAt, String clientSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((id + issuedAt).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
