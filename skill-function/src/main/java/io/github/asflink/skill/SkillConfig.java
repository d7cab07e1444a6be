package io.github.asflink.skill;

import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import io.github.asflink.skill.salesforce.SalesforceSettings;
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
 * @param skillId          requests for any other skill are rejected ({@code withSkillId}); required, so a function
 *                         deployed without it refuses to start instead of answering every skill
 * @param salesforceTimeout bound on each Salesforce call, response body included (the request's remaining budget
 *                         may bound a call more tightly)
 * @param instanceUrls     the origins the skill sends a Salesforce token to
 */
record SkillConfig(String apiVersion, String skillId, Duration salesforceTimeout,
                   InstanceUrlPolicy instanceUrls) {

    static final String SALESFORCE_API_VERSION = "SALESFORCE_API_VERSION";
    static final String SKILL_ID = "SKILL_ID";
    static final String SALESFORCE_TIMEOUT_MS = "SALESFORCE_TIMEOUT_MS";
    static final String INSTANCE_URL_ALLOWLIST = InstanceUrlPolicy.ENVIRONMENT_VARIABLE;

    static final String DEFAULT_API_VERSION = "67.0";
    static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(3000);
    /**
     * No request makes more than two Salesforce round trips in series (userinfo, then the Task; or the next-to-close
     * query again in its single-currency form). 2 x 3000 ms plus about 1 s of restore, SDK and answering time fits
     * the function's 7 s timeout, which is under the roughly 8 s Alexa waits for an answer.
     */
    static final Duration MAX_TIMEOUT = Duration.ofMillis(3000);
    static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

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

    /** What the Salesforce calls need of it. */
    SalesforceSettings salesforceSettings() {
        return new SalesforceSettings(apiPathVersion(), salesforceTimeout, instanceUrls);
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

    private static String skillId(Optional<String> value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(SKILL_ID + " is not set; it must be the skill's id, "
                    + "amzn1.ask.skill.<uuid>, so no other skill can invoke this function");
        }
        if (!SKILL_ID_FORMAT.matcher(value.get()).matches()) {
            throw new IllegalArgumentException(SKILL_ID + " must look like amzn1.ask.skill.<uuid>");
        }
        return value.get();
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
        if (millis < MIN_TIMEOUT.toMillis() || millis > MAX_TIMEOUT.toMillis()) {
            throw new IllegalArgumentException(SALESFORCE_TIMEOUT_MS + " must be between "
                    + MIN_TIMEOUT.toMillis() + " and " + MAX_TIMEOUT.toMillis());
        }
        return Duration.ofMillis(millis);
    }
}
