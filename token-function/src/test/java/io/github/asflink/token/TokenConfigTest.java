package io.github.asflink.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour 10: configuration read once, defaults, and failures that name the variable but never the value. */
class TokenConfigTest {

    @Test
    void defaultsWhenNothingIsSet() {
        TokenConfig config = TokenConfig.fromEnvironment(Map.of());
        assertEquals(URI.create("https://login.salesforce.com"), config.salesforceLoginUrl());
        assertEquals(URI.create("https://login.salesforce.com/services/oauth2/token"),
                config.salesforceTokenEndpoint());
        assertEquals(5400, config.tokenExpiresInSeconds());
        assertEquals(Set.of(), config.allowedClientIds());
        assertEquals(Duration.ofMillis(3000), config.upstreamTimeout());
        assertEquals(Optional.empty(), config.defaultRedirectUri());
        assertEquals(InstanceUrlPolicy.defaults(), config.instanceUrlPolicy());
        assertTrue(config.allowsClient("anything"));
    }

    @Test
    void everyVariableIsRead() {
        TokenConfig config = TokenConfig.fromEnvironment(Map.of(
                "SALESFORCE_LOGIN_URL", "https://test.salesforce.com/",
                "TOKEN_EXPIRES_IN", "1800",
                "ALLOWED_CLIENT_IDS", " a , b,,",
                "UPSTREAM_TIMEOUT_MS", "2500",
                "DEFAULT_REDIRECT_URI", "https://pitangui.amazon.com/api/skill/link/X",
                "INSTANCE_URL_ALLOWLIST", ".my.salesforce.com"));
        assertEquals(URI.create("https://test.salesforce.com/services/oauth2/token"), config.salesforceTokenEndpoint());
        assertEquals(1800, config.tokenExpiresInSeconds());
        assertEquals(Set.of("a", "b"), config.allowedClientIds());
        assertFalse(config.allowsClient("c"));
        assertEquals(Duration.ofMillis(2500), config.upstreamTimeout());
        assertEquals(Optional.of("https://pitangui.amazon.com/api/skill/link/X"), config.defaultRedirectUri());
        assertEquals(java.util.List.of(".my.salesforce.com"), config.instanceUrlPolicy().hostSuffixes());
    }

    @Test
    void blankValuesMeanDefaults() {
        TokenConfig config = TokenConfig.fromEnvironment(Map.of("ALLOWED_CLIENT_IDS", "", "DEFAULT_REDIRECT_URI", "",
                "TOKEN_EXPIRES_IN", " "));
        assertEquals(5400, config.tokenExpiresInSeconds());
        assertEquals(Optional.empty(), config.defaultRedirectUri());
    }

    @Test
    void loopbackHttpIsAllowedForAStandIn() {
        assertEquals(URI.create("http://127.0.0.1:8089/services/oauth2/token"), TokenConfig.fromEnvironment(
                Map.of("SALESFORCE_LOGIN_URL", "http://127.0.0.1:8089")).salesforceTokenEndpoint());
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
        "UPSTREAM_TIMEOUT_MS|99",
        "UPSTREAM_TIMEOUT_MS|SECRETVALUE",
        "DEFAULT_REDIRECT_URI|SECRETVALUE",
        "INSTANCE_URL_ALLOWLIST|http://evil.example",
    })
    void badValueFailsTheStartNamingTheVariableNotTheValue(String name, String value) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TokenConfig.fromEnvironment(Map.of(name, value)));
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
        assertFalse(e.getMessage().contains("SECRETVALUE"), e.getMessage());
    }

    @Test
    void publicConstructorFailsFastOnABadEnvironment() {
        assertThrows(IllegalStateException.class, () -> new TokenHandler(Map.of("TOKEN_EXPIRES_IN", "forever")));
    }
}
