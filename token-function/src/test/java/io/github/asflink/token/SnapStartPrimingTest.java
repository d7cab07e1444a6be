package io.github.asflink.token;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SnapStart hooks, called directly as the runtime would around a snapshot. */
class SnapStartPrimingTest {

    @Test
    void beforeCheckpointRunsTheRequestPathWithoutNetworkAndBuildsTheClient() throws Exception {
        // A login URL nobody listens on: priming must not try to reach it.
        TokenConfig config = TokenConfig.fromEnvironment(Map.of("SALESFORCE_LOGIN_URL", "https://unreachable.invalid",
                "ALLOWED_CLIENT_IDS", "3MVG9real.consumer.key"));
        SnapStartPriming priming = new SnapStartPriming(config);

        priming.beforeCheckpoint(null);

        // code grant (body credentials), refresh (Basic), a rejected request
        assertEquals(java.util.List.of(200, 200, 400), priming.primedStatuses());
        assertDoesNotThrow(() -> priming.afterRestore(null));
    }

    @Test
    void primesTheGrantPathWhenAnyClientIsAccepted() throws Exception {
        TokenConfig config = TokenConfig.fromEnvironment(Map.of("SALESFORCE_LOGIN_URL", "https://unreachable.invalid",
                "ALLOWED_CLIENT_IDS", "*"));
        SnapStartPriming priming = new SnapStartPriming(config);

        priming.beforeCheckpoint(null);

        assertEquals(java.util.List.of(200, 200, 400), priming.primedStatuses());
    }

    @Test
    void primesTheGrantPathWhenOnlySomeClientsAreAllowed() throws Exception {
        TokenConfig config = TokenConfig.fromEnvironment(Map.of("SALESFORCE_LOGIN_URL", "https://unreachable.invalid",
                "ALLOWED_CLIENT_IDS", "zz-second.key,3MVG9real.consumer.key"));
        SnapStartPriming priming = new SnapStartPriming(config);

        priming.beforeCheckpoint(null);

        assertEquals(java.util.List.of(200, 200, 400), priming.primedStatuses());
    }

    @Test
    void primesTheGrantPathWithAnAllowListWithoutTheDefaults() throws Exception {
        for (String allowList : new String[] {".sf.example.org", "https://sf.example.org"}) {
            TokenConfig config = TokenConfig.fromEnvironment(Map.of("SALESFORCE_LOGIN_URL",
                    "https://unreachable.invalid", "INSTANCE_URL_ALLOWLIST", allowList, "ALLOWED_CLIENT_IDS", "*"));
            SnapStartPriming priming = new SnapStartPriming(config);
            priming.beforeCheckpoint(null);
            assertEquals(java.util.List.of(200, 200, 400), priming.primedStatuses(), allowList);
        }
    }

    @Test
    void registeringOutsideACracJvmIsHarmless() {
        assertDoesNotThrow(() -> SnapStartPriming.register(TokenConfig.fromEnvironment(
                Map.of("ALLOWED_CLIENT_IDS", "3MVG9real.consumer.key"))));
    }
}
