package io.github.asflink.token;

/** Keeps Salesforce's error_description safe to pass on: short, printable, and free of the request's secrets. */
final class ErrorText {

    static final int MAX_LENGTH = 200;

    private ErrorText() {
    }

    static String scrub(String description, TokenRequest request) {
        if (description == null) {
            return null;
        }
        String text = description.replaceAll("\\p{Cntrl}", " ");
        text = redact(text, request.client().clientSecret());
        if (request.grant() instanceof TokenRequest.AuthorizationCode code) {
            text = redact(text, code.code());
            text = redact(text, code.codeVerifier());
        } else if (request.grant() instanceof TokenRequest.RefreshToken refresh) {
            text = redact(text, refresh.refreshToken());
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }

    private static String redact(String text, String secret) {
        return secret == null || secret.length() < 4 ? text : text.replace(secret, "<redacted>");
    }
}
