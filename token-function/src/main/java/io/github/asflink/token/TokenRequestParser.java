package io.github.asflink.token;

import java.util.Optional;

/** Turns the HTTP request Alexa sent into a {@link TokenRequest}, or the RFC 6749 error that answers it. */
final class TokenRequestParser {

    private final Optional<String> defaultRedirectUri;

    TokenRequestParser(Optional<String> defaultRedirectUri) {
        this.defaultRedirectUri = defaultRedirectUri;
    }

    TokenRequest parse(HttpApiRequest request) throws TokenError {
        if (!"POST".equalsIgnoreCase(request.method())) {
            throw TokenError.methodNotAllowed();
        }
        RequestParameters parameters = RequestParameters.of(request);
        ClientCredentials client = ClientCredentials.of(request.header("authorization"), parameters);
        String grantType = parameters.get("grant_type");
        if (grantType == null) {
            throw TokenError.invalidRequest("grant_type is required");
        }
        TokenRequest.Grant grant = switch (grantType) {
            case "authorization_code" -> new TokenRequest.AuthorizationCode(
                    required(parameters, "code"),
                    Optional.ofNullable(parameters.get("redirect_uri")).or(() -> defaultRedirectUri).orElse(null),
                    parameters.get("code_verifier"));
            case "refresh_token" -> new TokenRequest.RefreshToken(required(parameters, "refresh_token"));
            default -> throw TokenError.unsupportedGrantType();
        };
        return new TokenRequest(grant, client);
    }

    private static String required(RequestParameters parameters, String name) throws TokenError {
        String value = parameters.get(name);
        if (value == null) {
            throw TokenError.invalidRequest(name + " is required");
        }
        return value;
    }
}
