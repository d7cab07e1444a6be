package io.github.asflink.local;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's browser sessions, found by the page's HttpOnly cookie; at most {@link #MAX_SESSIONS} (the least
 * recently used dropped), so a page that keeps opening sessions cannot grow the runner's memory.
 */
final class SimulatorSessions {
    static final int MAX_SESSIONS = 20;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SimulatorSession> byId = new LinkedHashMap<>(16, 0.75f, true);

    synchronized SimulatorSession create() {
        SimulatorSession session = new SimulatorSession(random(), random(), "asl-sim." + random() + random());
        byId.put(session.id, session);
        while (byId.size() > MAX_SESSIONS) {
            Iterator<String> oldest = byId.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return session;
    }

    synchronized Optional<SimulatorSession> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** The session whose Alexa apiAccessToken this is (compared in constant time). */
    synchronized Optional<SimulatorSession> byApiAccessToken(String token) {
        byte[] candidate = token.getBytes(StandardCharsets.UTF_8);
        for (SimulatorSession session : byId.values()) {
            if (MessageDigest.isEqual(session.apiAccessToken.getBytes(StandardCharsets.UTF_8), candidate)) {
                return Optional.of(session);
            }
        }
        return Optional.empty();
    }

    String random() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
