package io.github.asflink.local.demoorg;

import com.sun.net.httpserver.HttpExchange;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.IOException;
import java.time.Duration;

/**
 * Trouble on the demo org's API side, switched on from the simulator page: slow (every data API, identity and token
 * answer waits), down ({@code 503 SERVER_UNAVAILABLE}, as Salesforce answers during an incident) or stalled (the
 * status line and headers, then silence until the outage ends or {@link #MAX_STALL} passes, which is what a client
 * whose timeout stops at the headers never notices). The login page keeps working, as Salesforce's often does.
 */
public final class Outage {
    public enum Mode { NORMAL, SLOW, DOWN, STALL }

    static final Duration MAX_STALL = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private volatile Mode mode = Mode.NORMAL;
    private volatile Duration delay = Duration.ZERO;

    public Mode mode() {
        return mode;
    }

    public Duration delay() {
        return delay;
    }

    /** Switches the outage; {@code delay} counts for {@link Mode#SLOW} only and is capped at {@link #MAX_DELAY}. */
    public synchronized void set(Mode newMode, Duration newDelay) {
        this.delay = newMode == Mode.SLOW ? min(newDelay, MAX_DELAY) : Duration.ZERO;
        this.mode = newMode;
        notifyAll();
    }

    /** True when the outage answered (or stalled) the request itself; the caller then stops. */
    boolean interrupts(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean api = path.startsWith("/services/data") || path.equals("/services/oauth2/userinfo")
                || path.equals("/services/oauth2/token");
        Mode now = mode;
        if (!api || now == Mode.NORMAL) {
            return false;
        }
        switch (now) {
            case SLOW -> {
                // The token endpoint has its own delay (tokenDelay), set together with this one.
                if (!path.equals("/services/oauth2/token")) {
                    pause(delay.toMillis());
                }
                return false;
            }
            case DOWN -> {
                FailureAnswers.send(exchange, SalesforceErrors.serverUnavailable());
                return true;
            }
            case STALL -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().flush();
                waitWhileStalled();
                exchange.close();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private synchronized void waitWhileStalled() {
        long end = System.nanoTime() + MAX_STALL.toNanos();
        long left;
        while (mode == Mode.STALL && (left = end - System.nanoTime()) > 0) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
