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
        TokenConfig config = TokenConfig.fromEnvironment(Map.of("SALESFORCE_LOGIN_URL", "https://unreachable.invalid"));
        SnapStartPriming priming = new SnapStartPriming(config);

        priming.beforeCheckpoint(null);

        // a granted exchange through the in-memory Salesforce, and a rejected request
        assertEquals(java.util.List.of(200, 400), priming.primedStatuses());
        assertDoesNotThrow(() -> priming.afterRestore(null));
    }

    @Test
    void registeringOutsideACracJvmIsHarmless() {
        assertDoesNotThrow(() -> SnapStartPriming.register(TokenConfig.fromEnvironment(Map.of())));
    }
}
