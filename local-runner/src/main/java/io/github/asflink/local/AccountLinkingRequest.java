package io.github.asflink.local;

import com.google.gson.GsonBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of SMAPI's {@code PUT /v1/skills/{skillId}/stages/{stage}/accountLinkingClient}, which
 * {@code ask smapi update-account-linking-info --account-linking-request file:…} sends: the skill's account-linking
 * settings as configuration, so nobody copies them into the console by hand.
 *
 * @param clientSecret the connected app's consumer secret; the output file holds it, so it is read from the
 *                     environment, never from the command line (where shell history and {@code ps} would keep it)
 */
record AccountLinkingRequest(URI accessTokenUri, URI salesforceLoginUrl, String clientId, String clientSecret,
        Scheme scheme) {

    /** Alexa's "Client Authentication Scheme"; the token function accepts both. */
    enum Scheme { HTTP_BASIC, REQUEST_BODY_CREDENTIALS }

    /** {@code api} for the REST API, {@code refresh_token} so Alexa can refresh, {@code id} for userinfo. */
    static final List<String> SCOPES = List.of("api", "refresh_token", "id");

    static AccountLinkingRequest of(String accessTokenUri, String salesforceLoginUrl, String clientId,
            String clientSecret, String scheme) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("--client-id is required (the connected app's consumer key)");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("set SALESFORCE_CLIENT_SECRET to the connected app's consumer secret");
        }
        Scheme parsedScheme;
        try {
            parsedScheme = Scheme.valueOf(scheme);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--scheme must be HTTP_BASIC or REQUEST_BODY_CREDENTIALS");
        }
        return new AccountLinkingRequest(httpsUrl("--token-uri", accessTokenUri),
                httpsUrl("--login-url", salesforceLoginUrl), clientId.trim(), clientSecret, parsedScheme);
    }

    String toJson() {
        String login = salesforceLoginUrl.toString().replaceAll("/+$", "");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", "AUTH_CODE");
        request.put("authorizationUrl", login + "/services/oauth2/authorize");
        request.put("accessTokenUrl", accessTokenUri.toString());
        request.put("clientId", clientId);
        request.put("clientSecret", clientSecret);
        request.put("accessTokenScheme", scheme.name());
        request.put("scopes", SCOPES);
        request.put("domains", List.of());
        request.put("skipOnEnablement", false);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(Map.of("accountLinkingRequest", request));
    }

    private static URI httpsUrl(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is required");
        }
        try {
            URI uri = new URI(value.trim());
            if ("https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be an https URL");
    }

    @Override
    public String toString() {
        return "AccountLinkingRequest[accessTokenUri=" + accessTokenUri + ", clientId=" + clientId + ", scheme="
                + scheme + "]";
    }
}
