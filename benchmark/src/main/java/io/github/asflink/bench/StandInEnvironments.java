package io.github.asflink.bench;

import java.util.Map;

/**
 * The functions' environments for a run against the Salesforce stand-in. Apart from {@link Functions} so the warm
 * harness, whose JVM has no template parser on its class path, can use them too.
 */
final class StandInEnvironments {

    private StandInEnvironments() {
    }

    /**
     * The token function's: Salesforce and the instance URL it returns both point at the stand-in, and it serves only
     * the stand-in's consumer key (the function refuses to start without an allow-list).
     */
    static Map<String, String> token(String standIn) {
        return Map.of("SALESFORCE_LOGIN_URL", standIn, "INSTANCE_URL_ALLOWLIST", "default," + standIn,
                "TOKEN_EXPIRES_IN", "5400", "SALESFORCE_TIMEOUT_MS", "3000",
                "ALLOWED_CLIENT_IDS", SalesforceStandIn.CLIENT_ID,
                "DEFAULT_REDIRECT_URI", "");
    }

    /** The skill function's: the stand-in allowed, and the skill id the events carry. */
    static Map<String, String> skill(String standIn) {
        return Map.of("SALESFORCE_API_VERSION", "67.0", "SKILL_ID", Events.SKILL_ID,
                "SALESFORCE_TIMEOUT_MS", "3000", "INSTANCE_URL_ALLOWLIST", "default," + standIn);
    }
}
