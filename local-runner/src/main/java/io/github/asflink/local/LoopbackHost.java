package io.github.asflink.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses requests whose {@code Host} header is not this loopback server's own name and port. A web page on another
 * site can point its own DNS name at 127.0.0.1 (DNS rebinding) and so reach a loopback server from the user's
 * browser; its requests then carry that other name in {@code Host}, never {@code 127.0.0.1:PORT}.
 */
public final class LoopbackHost {
    static final int MISDIRECTED = 421;

    private LoopbackHost() {
    }

    /** The {@code Host} values a loopback server on {@code port} answers to. */
    static Set<String> allowed(int port) {
        if (port == 80) {
            return Set.of("127.0.0.1:80", "localhost:80", "[::1]:80", "127.0.0.1", "localhost", "[::1]");
        }
        return Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    }

    static boolean allows(String host, int port) {
        return host != null && allowed(port).contains(host.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * Answers {@code 421} (plain text) and returns true when the request is not addressed to this server; the caller
     * then stops. The refused name is not echoed.
     */
    public static boolean refused(HttpExchange exchange) throws IOException {
        int port = exchange.getLocalAddress().getPort();
        if (allows(exchange.getRequestHeaders().getFirst("Host"), port)) {
            return false;
        }
        Http.send(exchange, MISDIRECTED, "text/plain;charset=UTF-8", ("Misdirected request: this local server only "
                + "answers requests addressed to 127.0.0.1:" + port + ", localhost:" + port + " or [::1]:" + port
                + " (the Host header names another server).\n").getBytes(StandardCharsets.UTF_8));
        return true;
    }
}
