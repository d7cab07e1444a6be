package io.github.asflink.skill;

import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The skill's configuration, read once per execution environment from the function's environment variables. A bad
 * value fails at start with a message that names the variable, never its value.
 *
 * @param apiVersion       Salesforce REST API version without the {@code v}, e.g. {@code 67.0}
 * @param skillId          when present, requests for any other skill are rejected ({@code withSkillId})
 * @param salesforceTimeout bound on each Salesforce call, response body included
 * @param instanceUrls     the origins the skill sends a Salesforce token to
 */
record SkillConfig(String apiVersion, Optional<String> skillId, Duration salesforceTimeout,
                   InstanceUrlPolicy instanceUrls) {

    static final String SALESFORCE_API_VERSION = "SALESFORCE_API_VERSION";
    static final String SKILL_ID = "SKILL_ID";
    static final String SALESFORCE_TIMEOUT_MS = "SALESFORCE_TIMEOUT_MS";
    static final String INSTANCE_URL_ALLOWLIST = InstanceUrlPolicy.ENVIRONMENT_VARIABLE;

    static final String DEFAULT_API_VERSION = "67.0";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(3000);
    /** Two calls in a row must still fit in Alexa's answer budget of about 8 s. */
    static final Duration MAX_TIMEOUT = Duration.ofMillis(3500);

    private static final Pattern API_VERSION = Pattern.compile("[1-9][0-9]{1,2}\\.0");
    /** As the template's {@code AlexaSkillId} parameter allows; real ids end in a UUID. */
    private static final Pattern SKILL_ID_FORMAT = Pattern.compile("amzn1\\.ask\\.skill\\.[0-9a-fA-F-]{1,64}");

    SkillConfig {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(skillId, "skillId");
        Objects.requireNonNull(salesforceTimeout, "salesforceTimeout");
        Objects.requireNonNull(instanceUrls, "instanceUrls");
    }

    static SkillConfig fromEnvironment(Map<String, String> environment) {
        return new SkillConfig(
                apiVersion(value(environment, SALESFORCE_API_VERSION)),
                skillId(value(environment, SKILL_ID)),
                timeout(value(environment, SALESFORCE_TIMEOUT_MS)),
                InstanceUrlPolicy.fromEnvironment(environment));
    }

    /** The version segment of a REST path: {@code v67.0}. */
    String apiPathVersion() {
        return "v" + apiVersion;
    }

    SkillConfig withInstanceUrls(InstanceUrlPolicy policy) {
        return new SkillConfig(apiVersion, skillId, salesforceTimeout, policy);
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static String apiVersion(Optional<String> value) {
        String version = value.map(v -> v.startsWith("v") ? v.substring(1) : v).orElse(DEFAULT_API_VERSION);
        if (!API_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(SALESFORCE_API_VERSION + " must look like 67.0");
        }
        return version;
    }

    private static Optional<String> skillId(Optional<String> value) {
        if (value.isPresent() && !SKILL_ID_FORMAT.matcher(value.get()).matches()) {
            throw new IllegalArgumentException(SKILL_ID + " must look like amzn1.ask.skill.<uuid>");
        }
        return value;
    }

    private static Duration timeout(Optional<String> value) {
        if (value.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        long millis;
        try {
            millis = Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SALESFORCE_TIMEOUT_MS + " must be a whole number of milliseconds");
        }
        if (millis < 100 || millis > MAX_TIMEOUT.toMillis()) {
            throw new IllegalArgumentException(
                    SALESFORCE_TIMEOUT_MS + " must be between 100 and " + MAX_TIMEOUT.toMillis());
        }
        return Duration.ofMillis(millis);
    }
}
