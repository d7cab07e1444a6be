package io.github.asflink.token;

import java.util.regex.Pattern;

/**
 * Decides whether Salesforce's error_description may be passed on. Salesforce's descriptions are short fixed phrases
 * ("expired access/refresh token", "authentication failure"); anything that could carry a token or code (digits,
 * base64 characters, long words) is replaced by a fixed text, and the request's own secrets are never repeated.
 */
final class ErrorText {

    static final int MAX_LENGTH = 200;
    static final String WITHHELD = "Salesforce rejected the request";

    /** Plain words and light punctuation, no word longer than 24 characters. */
    private static final Pattern PLAIN_PHRASE = Pattern.compile("[A-Za-z_/.,:'() -]*");
    private static final Pattern LONG_WORD = Pattern.compile("[^ /]{25,}");

    private ErrorText() {
    }

    static String scrub(String description, TokenRequest request) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.length() > MAX_LENGTH || !PLAIN_PHRASE.matcher(description).matches()
                || LONG_WORD.matcher(description).find() || containsSecretOf(description, request)) {
            return WITHHELD;
        }
        return description;
    }

    private static boolean containsSecretOf(String text, TokenRequest request) {
        if (contains(text, request.client().clientSecret())) {
            return true;
        }
        return switch (request.grant()) {
            case TokenRequest.AuthorizationCode code ->
                    contains(text, code.code()) || contains(text, code.codeVerifier());
            case TokenRequest.RefreshToken refresh -> contains(text, refresh.refreshToken());
        };
    }

    private static boolean contains(String text, String secret) {
        return secret != null && secret.length() >= 4 && text.contains(secret);
    }
}
