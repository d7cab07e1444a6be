package io.github.asflink.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Configuration read once, defaults, and failures that name the variable but never the value. */
class TokenConfigTest {

    /** The one setting without a default. */
    static final Map<String, String> MINIMAL = Map.of("ALLOWED_CLIENT_IDS", "3MVG9alexa.skill");

    private static Map<String, String> minimalWith(String name, String value) {
        Map<String, String> env = new HashMap<>(MINIMAL);
        env.put(name, value);
        return env;
    }

    @Test
    void defaultsWhenOnlyTheClientIdsAreSet() {
        TokenConfig config = TokenConfig.fromEnvironment(MINIMAL);
        assertEquals(URI.create("https://login.salesforce.com"), config.salesforceLoginUrl());
        assertEquals(URI.create("https://login.salesforce.com/services/oauth2/token"),
                config.salesforceTokenEndpoint());
        assertEquals(5400, config.tokenExpiresInSeconds());
        assertEquals(new AllowedClients(false, Set.of("3MVG9alexa.skill")), config.allowedClients());
        assertEquals(Duration.ofMillis(3000), config.salesforceTimeout());
        assertEquals(Optional.empty(), config.defaultRedirectUri());
        assertEquals(InstanceUrlPolicy.defaults(), config.instanceUrls());
        assertTrue(config.allowsClient("3MVG9alexa.skill"));
        assertFalse(config.allowsClient("anything"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", " , ,"})
    void missingOrBlankClientIdsRefuseToStartAndSayHowToOptOut(String value) {
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("ALLOWED_CLIENT_IDS", value))) {
            IllegalStateException e = assertThrows(TokenConfig.InvalidConfigurationException.class,
                    () -> TokenConfig.fromEnvironment(env));
            assertTrue(e.getMessage().startsWith("ALLOWED_CLIENT_IDS is required"), e.getMessage());
            assertTrue(e.getMessage().contains("or set * to accept any client id"), e.getMessage());
        }
    }

    @Test
    void starAcceptsAnyClientId() {
        TokenConfig config = TokenConfig.fromEnvironment(Map.of("ALLOWED_CLIENT_IDS", " * "));
        assertTrue(config.allowedClients().any());
        assertTrue(config.allowsClient("whoever"));
        assertEquals(Set.of(), config.allowedClients().ids());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*,3MVG9SECRETVALUE", "3MVG9SECRETVALUE, *", "*,*,SECRETVALUE"})
    void starMixedWithIdsIsRefused(String value) {
        IllegalStateException e = assertThrows(TokenConfig.InvalidConfigurationException.class,
                () -> TokenConfig.fromEnvironment(Map.of("ALLOWED_CLIENT_IDS", value)));
        assertTrue(e.getMessage().startsWith("ALLOWED_CLIENT_IDS mixes *"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRETVALUE"), e.getMessage());
    }

    @Test
    void upstreamTimeoutRangeFitsAlexasWait() {
        assertEquals(3500, TokenConfig.MAX_SALESFORCE_TIMEOUT_MS);
        assertEquals(Duration.ofMillis(3500),
                TokenConfig.fromEnvironment(minimalWith("SALESFORCE_TIMEOUT_MS", "3500")).salesforceTimeout());
        assertEquals(Duration.ofMillis(100),
                TokenConfig.fromEnvironment(minimalWith("SALESFORCE_TIMEOUT_MS", "100")).salesforceTimeout());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TokenConfig.fromEnvironment(minimalWith("SALESFORCE_TIMEOUT_MS", "3501")));
        assertEquals("SALESFORCE_TIMEOUT_MS must be a whole number from 100 to 3500", e.getMessage());
    }

    @Test
    void upstreamBudgetIsTheTimeoutOrWhatLambdaLeavesMinusTheMargin() {
        TokenConfig config = TokenConfig.fromEnvironment(minimalWith("SALESFORCE_TIMEOUT_MS", "3000"));
        assertEquals(Duration.ofMillis(3000), config.salesforceBudget(5000));
        assertEquals(Duration.ofMillis(3000), config.salesforceBudget(3000 + TokenConfig.ANSWER_MARGIN_MS));
        assertEquals(Duration.ofMillis(800), config.salesforceBudget(800 + TokenConfig.ANSWER_MARGIN_MS));
        assertEquals(Duration.ZERO, config.salesforceBudget(TokenConfig.ANSWER_MARGIN_MS));
        assertEquals(Duration.ZERO, config.salesforceBudget(0));
    }

    @Test
    void everyVariableIsRead() {
        TokenConfig config = TokenConfig.fromEnvironment(Map.of(
                "SALESFORCE_LOGIN_URL", "https://test.salesforce.com/",
                "TOKEN_EXPIRES_IN", "1800",
                "ALLOWED_CLIENT_IDS", " a , b,,",
                "SALESFORCE_TIMEOUT_MS", "2500",
                "DEFAULT_REDIRECT_URI", "https://pitangui.amazon.com/api/skill/link/X",
                "INSTANCE_URL_ALLOWLIST", ".my.salesforce.com"));
        assertEquals(URI.create("https://test.salesforce.com/services/oauth2/token"), config.salesforceTokenEndpoint());
        assertEquals(1800, config.tokenExpiresInSeconds());
        assertEquals(Set.of("a", "b"), config.allowedClients().ids());
        assertFalse(config.allowsClient("c"));
        assertEquals(Duration.ofMillis(2500), config.salesforceTimeout());
        assertEquals(Optional.of("https://pitangui.amazon.com/api/skill/link/X"), config.defaultRedirectUri());
        assertEquals(java.util.List.of(".my.salesforce.com"), config.instanceUrls().hostSuffixes());
    }

    @Test
    void blankValuesMeanDefaults() {
        TokenConfig config = TokenConfig.fromEnvironment(Map.of("ALLOWED_CLIENT_IDS", "a", "DEFAULT_REDIRECT_URI", "",
                "TOKEN_EXPIRES_IN", " "));
        assertEquals(5400, config.tokenExpiresInSeconds());
        assertEquals(Optional.empty(), config.defaultRedirectUri());
    }

    @Test
    void loopbackHttpIsAllowedForAStandIn() {
        assertEquals(URI.create("http://127.0.0.1:8089/services/oauth2/token"), TokenConfig.fromEnvironment(
                minimalWith("SALESFORCE_LOGIN_URL", "http://127.0.0.1:8089")).salesforceTokenEndpoint());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SALESFORCE_LOGIN_URL|http://login.salesforce.com",
        "SALESFORCE_LOGIN_URL|https://login.salesforce.com/services/oauth2/token",
        "SALESFORCE_LOGIN_URL|https://user:SECRETVALUE@login.salesforce.com",
        "SALESFORCE_LOGIN_URL|SECRETVALUE not a url",
        "TOKEN_EXPIRES_IN|SECRETVALUE",
        "TOKEN_EXPIRES_IN|59",
        "TOKEN_EXPIRES_IN|86401",
        "SALESFORCE_TIMEOUT_MS|99",
        "SALESFORCE_TIMEOUT_MS|3501",
        "SALESFORCE_TIMEOUT_MS|30000",
        "SALESFORCE_TIMEOUT_MS|SECRETVALUE",
        "DEFAULT_REDIRECT_URI|SECRETVALUE",
        "INSTANCE_URL_ALLOWLIST|http://evil.example",
    })
    void badValueFailsTheStartNamingTheVariableNotTheValue(String name, String value) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TokenConfig.fromEnvironment(minimalWith(name, value)));
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
        assertFalse(e.getMessage().contains("SECRETVALUE"), e.getMessage());
    }

    @Test
    void publicConstructorFailsFastOnABadEnvironment() {
        assertThrows(IllegalStateException.class, () -> new TokenHandler(minimalWith("TOKEN_EXPIRES_IN", "forever")));
        assertThrows(IllegalStateException.class, () -> new TokenHandler(Map.of()), "no ALLOWED_CLIENT_IDS");
    }
}
