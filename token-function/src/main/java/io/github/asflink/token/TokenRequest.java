package io.github.asflink.token;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A valid token request from Alexa: one grant, and the client that asks. */
record TokenRequest(Grant grant, ClientCredentials client) {

    TokenRequest {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(client, "client");
    }

    /** The two grants Alexa uses. Fields are secrets; records' toString is overridden to keep them out of logs. */
    sealed interface Grant permits AuthorizationCode, RefreshToken {
        String type();

        /** The grant's own parameters for Salesforce's token endpoint, in a stable order. */
        Map<String, String> salesforceParameters();
    }

    record AuthorizationCode(String code, String redirectUri, String codeVerifier) implements Grant {
        public AuthorizationCode {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String type() {
            return "authorization_code";
        }

        @Override
        public Map<String, String> salesforceParameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("grant_type", type());
            parameters.put("code", code);
            putIfPresent(parameters, "redirect_uri", redirectUri);
            putIfPresent(parameters, "code_verifier", codeVerifier);
            return parameters;
        }

        @Override
        public String toString() {
            return "AuthorizationCode[code=<redacted>, redirectUri=" + redirectUri + ", codeVerifier="
                    + (codeVerifier == null ? "none" : "<redacted>") + "]";
        }
    }

    record RefreshToken(String refreshToken) implements Grant {
        public RefreshToken {
            Objects.requireNonNull(refreshToken, "refreshToken");
        }

        @Override
        public String type() {
            return "refresh_token";
        }

        @Override
        public Map<String, String> salesforceParameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("grant_type", type());
            parameters.put("refresh_token", refreshToken);
            return parameters;
        }

        @Override
        public String toString() {
            return "RefreshToken[refreshToken=<redacted>]";
        }
    }

    private static void putIfPresent(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isEmpty()) {
            parameters.put(name, value);
        }
    }
}
