package io.github.asflink.local;

import io.github.asflink.local.demoorg.ConnectedApp;
import java.util.Map;

/**
 * The secure settings the functions refuse to start without, as {@code serve} and {@code invoke} supply them when the
 * user has set none: the token function's {@code ALLOWED_CLIENT_IDS} (which consumer keys it may forward) and the
 * skill function's {@code SKILL_ID} (which skill it answers). Against the embedded demo org the runner knows both
 * values; against a real org only the user knows the consumer key, so a run without one stops at start.
 */
final class SecureDefaults {
    static final String ALLOWED_CLIENT_IDS = "ALLOWED_CLIENT_IDS";
    static final String SKILL_ID = "SKILL_ID";

    private SecureDefaults() {
    }

    /** Against the embedded demo org: its connected app's consumer key and the demo skill id. */
    static Map<String, Map<String, String>> demoOrg() {
        return Map.of(LocalFunctions.TOKEN_FUNCTION, Map.of(ALLOWED_CLIENT_IDS, ConnectedApp.DEMO_CLIENT_ID),
                LocalFunctions.SKILL_FUNCTION, Map.of(SKILL_ID, AlexaRequests.DEMO_SKILL_ID));
    }

    /**
     * {@code serve} against a real org: the consumer key the browser pages link with ({@code SALESFORCE_CLIENT_ID}),
     * when given, and the skill id those pages send; only this runner's own pages reach its {@code /skill}.
     */
    static Map<String, Map<String, String>> serveRealOrg(String browserClientId) {
        Map<String, String> skill = Map.of(SKILL_ID, AlexaRequests.DEMO_SKILL_ID);
        if (browserClientId == null || browserClientId.isBlank()) {
            return Map.of(LocalFunctions.SKILL_FUNCTION, skill);
        }
        return Map.of(LocalFunctions.TOKEN_FUNCTION, Map.of(ALLOWED_CLIENT_IDS, browserClientId.trim()),
                LocalFunctions.SKILL_FUNCTION, skill);
    }

    /** Stops a run whose token function would refuse to start, with what to set and where. */
    static void requireAllowedClientIds(Map<String, String> tokenEnvironment) {
        if (blank(tokenEnvironment.get(ALLOWED_CLIENT_IDS))) {
            throw new IllegalArgumentException(ALLOWED_CLIENT_IDS + " is not set for " + LocalFunctions.TOKEN_FUNCTION
                    + ", and the token function refuses to start without it. Set it to your connected app's consumer"
                    + " key (several: comma-separated; * accepts any client and is unsafe), in the environment ("
                    + ALLOWED_CLIENT_IDS + "=<consumer key> ./asl serve) or in an env-vars file ({\""
                    + LocalFunctions.TOKEN_FUNCTION + "\": {\"" + ALLOWED_CLIENT_IDS + "\": \"<consumer key>\"}},"
                    + " then --env-vars FILE). For serve, SALESFORCE_CLIENT_ID sets it too; --demo-org runs against"
                    + " the embedded demo org instead.");
        }
    }

    /** Stops an {@code invoke} whose skill function would refuse to start. */
    static void requireSkillId(Map<String, String> skillEnvironment) {
        if (blank(skillEnvironment.get(SKILL_ID))) {
            throw new IllegalArgumentException(SKILL_ID + " is not set for " + LocalFunctions.SKILL_FUNCTION
                    + ", and the skill function refuses to start without it. Set it to the skill id your event"
                    + " carries (its applicationId, amzn1.ask.skill....), in the environment (" + SKILL_ID
                    + "=amzn1.ask.skill.<id> ./asl invoke ...) or in an env-vars file ({\""
                    + LocalFunctions.SKILL_FUNCTION + "\": {\"" + SKILL_ID + "\": \"amzn1.ask.skill.<id>\"}}, then"
                    + " --env-vars FILE).");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
