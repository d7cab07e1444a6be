package io.github.asflink.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OAuth {@code state}s the browser linking flow has handed out and not yet seen come back. Each works once and
 * only within {@link #LIFETIME}; at most {@link #MAX_PENDING} wait at a time (the oldest is dropped), so a page that
 * opens {@code /link} in a loop cannot grow the runner's memory.
 */
final class PendingStates {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int MAX_PENDING = 100;

    private final Clock clock;
    private final Map<String, Instant> issued = new LinkedHashMap<>(); // oldest first

    PendingStates(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(String state) {
        dropExpired();
        issued.put(state, clock.instant());
        while (issued.size() > MAX_PENDING) {
            Iterator<String> oldest = issued.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** True once for a state handed out less than {@link #LIFETIME} ago; it is used up either way. */
    synchronized boolean redeem(String state) {
        Instant at = state == null ? null : issued.remove(state);
        return at != null && !clock.instant().isAfter(at.plus(LIFETIME));
    }

    synchronized int size() {
        dropExpired();
        return issued.size();
    }

    private void dropExpired() {
        Instant oldestAllowed = clock.instant().minus(LIFETIME);
        issued.values().removeIf(at -> at.isBefore(oldestAllowed));
    }
}
