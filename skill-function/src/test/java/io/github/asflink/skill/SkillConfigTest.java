package io.github.asflink.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import io.github.asflink.skill.salesforce.RequestBudget;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SkillConfigTest {

    private static final String SKILL_ID = "amzn1.ask.skill.8f3b1c2e-5d4a-4e9b-9c7f-1a2b3c4d5e6f";

    @Test
    void defaultsWhenOnlyTheSkillIdIsSet() {
        SkillConfig config = SkillConfig.fromEnvironment(Map.of("SKILL_ID", SKILL_ID));

        assertEquals("67.0", config.apiVersion());
        assertEquals("v67.0", config.apiPathVersion());
        assertEquals(SKILL_ID, config.skillId());
        assertEquals(Duration.ofMillis(3000), config.salesforceTimeout());
        assertEquals(InstanceUrlPolicy.defaults(), config.instanceUrls());
    }

    @Test
    void readsEveryVariable() {
        SkillConfig config = SkillConfig.fromEnvironment(Map.of(
                "SALESFORCE_API_VERSION", "v68.0",
                "SKILL_ID", "amzn1.ask.skill.8f3b1c2e-5d4a-4e9b-9c7f-1a2b3c4d5e6f",
                "SALESFORCE_TIMEOUT_MS", "1500",
                "INSTANCE_URL_ALLOWLIST", "default,http://127.0.0.1:8089"));

        assertEquals("68.0", config.apiVersion());
        assertEquals(SKILL_ID, config.skillId());
        assertEquals(Duration.ofMillis(1500), config.salesforceTimeout());
        assertEquals(1, config.instanceUrls().exactOrigins().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void aMissingOrBlankSkillIdRefusesToStart(String value) {
        Map<String, String> environment = new HashMap<>();
        if (!value.isEmpty()) {
            environment.put("SKILL_ID", value);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkillConfig.fromEnvironment(environment));

        assertTrue(e.getMessage().startsWith("SKILL_ID is not set"), e.getMessage());
    }

    @Test
    void bothHandlerConstructorsRefuseToStartWithoutASkillId() {
        // The Map constructor is the local runner's; the no-arg one is Lambda's, reading this JVM's environment,
        // which has no SKILL_ID under the test runner.
        assumeTrue(System.getenv("SKILL_ID") == null, "the build's environment sets SKILL_ID");
        IllegalArgumentException fromMap = assertThrows(IllegalArgumentException.class,
                () -> new SkillHandler(Map.of(SkillConfig.INSTANCE_URL_ALLOWLIST, "default")));
        IllegalArgumentException fromEnvironment = assertThrows(IllegalArgumentException.class, SkillHandler::new);

        assertTrue(fromMap.getMessage().contains("SKILL_ID"), fromMap.getMessage());
        assertTrue(fromEnvironment.getMessage().contains("SKILL_ID"), fromEnvironment.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", "3000"})
    void timeoutLimitsAreInclusive(String millis) {
        SkillConfig config = SkillConfig.fromEnvironment(Map.of("SKILL_ID", SKILL_ID, "SALESFORCE_TIMEOUT_MS", millis));

        assertEquals(Duration.ofMillis(Long.parseLong(millis)), config.salesforceTimeout());
    }

    @Test
    void twoCallsAtTheLongestTimeoutFitTheFunctionTimeoutWithRoomToAnswer() {
        Duration functionTimeout = Duration.ofSeconds(7);
        Duration twoCalls = SkillConfig.MAX_TIMEOUT.multipliedBy(2);

        assertTrue(twoCalls.plus(RequestBudget.ANSWER_MARGIN).compareTo(functionTimeout) < 0);
    }

    @ParameterizedTest
    @CsvSource({
            "SALESFORCE_API_VERSION, sixty-seven",
            "SALESFORCE_API_VERSION, 67.5",
            "SKILL_ID, amzn1.ask.skill.not-a-uuid-SECRETISH",
            "SALESFORCE_TIMEOUT_MS, 3s-SECRETISH",
            "SALESFORCE_TIMEOUT_MS, 99",
            "SALESFORCE_TIMEOUT_MS, 3001",
            "SALESFORCE_TIMEOUT_MS, 3500",
            "SALESFORCE_TIMEOUT_MS, 60000"})
    void badValueFailsNamingTheVariableNotTheValue(String name, String value) {
        Map<String, String> environment = new HashMap<>(Map.of("SKILL_ID", SKILL_ID));
        environment.put(name, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkillConfig.fromEnvironment(environment));

        assertTrue(e.getMessage().startsWith(name), e.getMessage());
        assertFalse(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void badAllowListFailsAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkillConfig.fromEnvironment(Map.of("SKILL_ID", SKILL_ID,
                        "INSTANCE_URL_ALLOWLIST", "http://evil.example.com")));

        assertTrue(e.getMessage().contains("INSTANCE_URL_ALLOWLIST"), e.getMessage());
    }

    @Test
    void handlerConstructorFailsFastOnBadConfiguration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SkillHandler(Map.of("SKILL_ID", SKILL_ID, "SALESFORCE_TIMEOUT_MS", "soon")));

        assertTrue(e.getMessage().contains("SALESFORCE_TIMEOUT_MS"));
    }
}
