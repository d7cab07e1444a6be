package io.github.asflink.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingStatesTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final PendingStates<String> states = new PendingStates<>(clock);

    @Test
    void aStateWorksOnceAndOnlyForItsOwnValue() {
        states.add("abc");
        assertFalse(states.redeem("abd"));
        assertFalse(states.redeem(null));
        assertTrue(states.redeem("abc"));
        assertFalse(states.redeem("abc"), "reused");
    }

    @Test
    void aStateExpiresAfterTenMinutes() {
        states.add("early");
        clock.advance(Duration.ofMinutes(5));
        states.add("later");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertFalse(states.redeem("early"), "older than ten minutes");
        assertTrue(states.redeem("later"));
        assertEquals(0, states.size());
    }

    @Test
    void atMostAHundredWaitAndTheOldestIsDropped() {
        for (int i = 0; i < PendingStates.MAX_PENDING + 20; i++) {
            states.add("s" + i);
            clock.advance(Duration.ofMillis(10));
        }
        assertEquals(PendingStates.MAX_PENDING, states.size());
        assertFalse(states.redeem("s0"), "dropped first");
        assertFalse(states.redeem("s19"));
        assertTrue(states.redeem("s20"));
        assertTrue(states.redeem("s119"));
    }

    @Test
    void expiredStatesDoNotCountAgainstTheCap() {
        for (int i = 0; i < PendingStates.MAX_PENDING; i++) {
            states.add("old" + i);
        }
        clock.advance(PendingStates.LIFETIME.plusSeconds(1));
        states.add("fresh");
        assertEquals(1, states.size());
        assertTrue(states.redeem("fresh"));
    }

    @Test
    void aStateGivesBackWhatWasKeptWithItOnceAndOnlyInTime() {
        states.add("a", "verifier-a");
        states.add("b", "verifier-b");
        assertEquals(java.util.Optional.of("verifier-a"), states.claim("a"));
        assertEquals(java.util.Optional.empty(), states.claim("a"), "used up");
        clock.advance(PendingStates.LIFETIME.plusSeconds(1));
        assertEquals(java.util.Optional.empty(), states.claim("b"), "expired");
        assertEquals(java.util.Optional.empty(), states.claim(null));
    }
}
