package io.github.asflink.token;

import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The token function's settings, read once from the environment at start. A bad value fails the start with a message
 * that names the variable and never repeats its value (an operator may paste a secret into the wrong variable).
 */
record TokenConfig(
        URI salesforceLoginUrl,
        int tokenExpiresInSeconds,
        AllowedClients allowedClients,
        Duration salesforceTimeout,
        Optional<String> defaultRedirectUri,
        InstanceUrlPolicy instanceUrls) {

    static final String SALESFORCE_LOGIN_URL = "SALESFORCE_LOGIN_URL";
    static final String TOKEN_EXPIRES_IN = "TOKEN_EXPIRES_IN";
    static final String ALLOWED_CLIENT_IDS = "ALLOWED_CLIENT_IDS";
    static final String SALESFORCE_TIMEOUT_MS = "SALESFORCE_TIMEOUT_MS";
    static final String DEFAULT_REDIRECT_URI = "DEFAULT_REDIRECT_URI";

    static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";
    /** 90 minutes: below Salesforce's default two-hour session timeout, so Alexa refreshes before the token dies. */
    static final int DEFAULT_EXPIRES_IN = 5400;
    /** Leaves room for a cold start inside Alexa's 4.5 s. */
    static final int DEFAULT_SALESFORCE_TIMEOUT_MS = 3000;
    static final int MIN_SALESFORCE_TIMEOUT_MS = 100;
    /** Alexa waits 4.5 s: 3.5 s for Salesforce leaves 1 s for the cold start or SnapStart restore and API Gateway. */
    static final int MAX_SALESFORCE_TIMEOUT_MS = 3500;
    /** Kept back from Lambda's remaining time to write the answer and the log line before the function times out. */
    static final int ANSWER_MARGIN_MS = 200;

    static TokenConfig fromEnvironment(Map<String, String> env) {
        return new TokenConfig(
                loginUrl(env),
                intIn(env, TOKEN_EXPIRES_IN, DEFAULT_EXPIRES_IN, 60, 86_400),
                clientIds(env),
                Duration.ofMillis(intIn(env, SALESFORCE_TIMEOUT_MS, DEFAULT_SALESFORCE_TIMEOUT_MS,
                        MIN_SALESFORCE_TIMEOUT_MS, MAX_SALESFORCE_TIMEOUT_MS)),
                redirectUri(env),
                allowedInstanceUrls(env));
    }

    /** Where the Salesforce token request goes. */
    URI salesforceTokenEndpoint() {
        String base = salesforceLoginUrl.toString();
        String origin = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(origin + "/services/oauth2/token");
    }

    boolean allowsClient(String clientId) {
        return allowedClients.allows(clientId);
    }

    /**
     * How long the Salesforce call may take, connection to last body byte: {@code SALESFORCE_TIMEOUT_MS}, or less
     * when Lambda would end the invocation sooner, so the caller always gets an answer and the log its line.
     *
     * @param remainingMillis what Lambda reports as left of this invocation
     * @return zero or positive; zero means there is no time to call Salesforce at all
     */
    Duration salesforceBudget(long remainingMillis) {
        long cap = Math.max(0, remainingMillis - ANSWER_MARGIN_MS);
        return salesforceTimeout.toMillis() <= cap ? salesforceTimeout : Duration.ofMillis(cap);
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

    private static AllowedClients clientIds(Map<String, String> env) {
        try {
            return AllowedClients.parse(valueOf(env, ALLOWED_CLIENT_IDS));
        } catch (IllegalArgumentException e) {
            throw invalid(ALLOWED_CLIENT_IDS, e.getMessage()); // the message never quotes the value
        }
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

    private static InstanceUrlPolicy allowedInstanceUrls(Map<String, String> env) {
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
