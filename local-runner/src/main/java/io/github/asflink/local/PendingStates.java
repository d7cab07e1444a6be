package io.github.asflink.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth {@code state}s the browser linking flow has handed out and not yet seen come back, each with what the
 * flow needs to finish (the browser session it belongs to, the PKCE verifier). Each works once and only within
 * {@link #LIFETIME}; at most {@link #MAX_PENDING} wait at a time (the oldest is dropped), so a page that opens
 * {@code /link} in a loop cannot grow the runner's memory.
 *
 * @param <T> what is kept with each state
 */
final class PendingStates<T> {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int MAX_PENDING = 100;

    private record Issued<T>(Instant at, T attached) {
    }

    private final Clock clock;
    private final Map<String, Issued<T>> issued = new LinkedHashMap<>(); // oldest first

    PendingStates(Clock clock) {
        this.clock = clock;
    }

    void add(String state) {
        add(state, null);
    }

    synchronized void add(String state, T attached) {
        dropExpired();
        issued.put(state, new Issued<>(clock.instant(), attached));
        while (issued.size() > MAX_PENDING) {
            Iterator<String> oldest = issued.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** True once for a state handed out less than {@link #LIFETIME} ago; it is used up either way. */
    synchronized boolean redeem(String state) {
        return take(state) != null;
    }

    /** What was kept with a state handed out less than {@link #LIFETIME} ago; it is used up either way. */
    synchronized Optional<T> claim(String state) {
        Issued<T> valid = take(state);
        return valid == null ? Optional.empty() : Optional.ofNullable(valid.attached());
    }

    private Issued<T> take(String state) {
        Issued<T> at = state == null ? null : issued.remove(state);
        return at == null || clock.instant().isAfter(at.at().plus(LIFETIME)) ? null : at;
    }

    synchronized int size() {
        dropExpired();
        return issued.size();
    }

    private void dropExpired() {
        Instant oldestAllowed = clock.instant().minus(LIFETIME);
        issued.values().removeIf(i -> i.at().isBefore(oldestAllowed));
    }
}
