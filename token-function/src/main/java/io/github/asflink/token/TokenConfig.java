package io.github.asflink.token;

import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The token function's settings, read once from the environment at start. A bad value fails the start with a message
 * that names the variable and never repeats its value (an operator may paste a secret into the wrong variable).
 */
record TokenConfig(
        URI salesforceLoginUrl,
        int tokenExpiresInSeconds,
        Set<String> allowedClientIds,
        Duration upstreamTimeout,
        Optional<String> defaultRedirectUri,
        InstanceUrlPolicy instanceUrlPolicy) {

    static final String SALESFORCE_LOGIN_URL = "SALESFORCE_LOGIN_URL";
    static final String TOKEN_EXPIRES_IN = "TOKEN_EXPIRES_IN";
    static final String ALLOWED_CLIENT_IDS = "ALLOWED_CLIENT_IDS";
    static final String UPSTREAM_TIMEOUT_MS = "UPSTREAM_TIMEOUT_MS";
    static final String DEFAULT_REDIRECT_URI = "DEFAULT_REDIRECT_URI";

    static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";
    /** 90 minutes: below Salesforce's default two-hour session timeout, so Alexa refreshes before the token dies. */
    static final int DEFAULT_EXPIRES_IN = 5400;
    /** Leaves room for a cold start inside Alexa's 4.5 s. */
    static final int DEFAULT_UPSTREAM_TIMEOUT_MS = 3000;

    TokenConfig {
        allowedClientIds = Set.copyOf(allowedClientIds);
    }

    static TokenConfig fromEnvironment(Map<String, String> env) {
        return new TokenConfig(
                loginUrl(env),
                intIn(env, TOKEN_EXPIRES_IN, DEFAULT_EXPIRES_IN, 60, 86_400),
                clientIds(env),
                Duration.ofMillis(intIn(env, UPSTREAM_TIMEOUT_MS, DEFAULT_UPSTREAM_TIMEOUT_MS, 100, 30_000)),
                redirectUri(env),
                instanceUrlPolicy(env));
    }

    /** Where the Salesforce token request goes. */
    URI salesforceTokenEndpoint() {
        String base = salesforceLoginUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/services/oauth2/token");
    }

    boolean allowsClient(String clientId) {
        return allowedClientIds.isEmpty() || allowedClientIds.contains(clientId);
    }

    private static URI loginUrl(Map<String, String> env) {
        String value = valueOf(env, SALESFORCE_LOGIN_URL);
        if (value == null) {
            return URI.create(DEFAULT_LOGIN_URL);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(SALESFORCE_LOGIN_URL, "is not a URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid(SALESFORCE_LOGIN_URL, "must be an origin like https://login.salesforce.com");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw invalid(SALESFORCE_LOGIN_URL, "must not have a path; /services/oauth2/token is added");
        }
        boolean loopback = InstanceUrlPolicy.isLoopback(uri.getHost());
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !("http".equalsIgnoreCase(uri.getScheme()) && loopback)) {
            throw invalid(SALESFORCE_LOGIN_URL, "must use https (http only for a loopback stand-in)");
        }
        return uri;
    }

    private static Set<String> clientIds(Map<String, String> env) {
        String value = valueOf(env, ALLOWED_CLIENT_IDS);
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Optional<String> redirectUri(Map<String, String> env) {
        String value = valueOf(env, DEFAULT_REDIRECT_URI);
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw invalid(DEFAULT_REDIRECT_URI, "must be an absolute URL");
            }
        } catch (URISyntaxException e) {
            throw invalid(DEFAULT_REDIRECT_URI, "is not a URL");
        }
        return Optional.of(value);
    }

    private static InstanceUrlPolicy instanceUrlPolicy(Map<String, String> env) {
        try {
            return InstanceUrlPolicy.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(e.getMessage());
        }
    }

    private static int intIn(Map<String, String> env, String name, int fallback, int min, int max) {
        String value = valueOf(env, name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, without the value
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max);
    }

    private static String valueOf(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static InvalidConfigurationException invalid(String name, String problem) {
        return new InvalidConfigurationException(name + " " + problem);
    }

    /** Thrown at start; Lambda reports it as an init error, so the function never serves with a bad setting. */
    static final class InvalidConfigurationException extends IllegalStateException {
        InvalidConfigurationException(String message) {
            super(message);
        }
    }
}
