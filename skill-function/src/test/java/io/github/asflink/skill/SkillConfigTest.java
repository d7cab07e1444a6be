package io.github.asflink.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillConfigTest {

    @Test
    void defaultsWhenNothingIsSet() {
        SkillConfig config = SkillConfig.fromEnvironment(Map.of());

        assertEquals("67.0", config.apiVersion());
        assertEquals("v67.0", config.apiPathVersion());
        assertEquals(Optional.empty(), config.skillId());
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
        assertEquals(Optional.of("amzn1.ask.skill.8f3b1c2e-5d4a-4e9b-9c7f-1a2b3c4d5e6f"), config.skillId());
        assertEquals(Duration.ofMillis(1500), config.salesforceTimeout());
        assertEquals(1, config.instanceUrls().exactOrigins().size());
    }

    @Test
    void blankSkillIdMeansNotChecked() {
        assertFalse(SkillConfig.fromEnvironment(Map.of("SKILL_ID", " ")).skillId().isPresent());
    }

    @ParameterizedTest
    @CsvSource({
            "SALESFORCE_API_VERSION, sixty-seven",
            "SALESFORCE_API_VERSION, 67.5",
            "SKILL_ID, amzn1.ask.skill.not-a-uuid-SECRETISH",
            "SALESFORCE_TIMEOUT_MS, 3s-SECRETISH",
            "SALESFORCE_TIMEOUT_MS, 99",
            "SALESFORCE_TIMEOUT_MS, 60000"})
    void badValueFailsNamingTheVariableNotTheValue(String name, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkillConfig.fromEnvironment(Map.of(name, value)));

        assertTrue(e.getMessage().startsWith(name), e.getMessage());
        assertFalse(e.getMessage().contains(value), e.getMessage());
    }

    @Test
    void badAllowListFailsAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SkillConfig.fromEnvironment(Map.of("INSTANCE_URL_ALLOWLIST", "http://evil.example.com")));

        assertTrue(e.getMessage().contains("INSTANCE_URL_ALLOWLIST"), e.getMessage());
    }

    @Test
    void handlerConstructorFailsFastOnBadConfiguration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SkillHandler(Map.of("SALESFORCE_TIMEOUT_MS", "soon")));

        assertTrue(e.getMessage().contains("SALESFORCE_TIMEOUT_MS"));
    }
}
