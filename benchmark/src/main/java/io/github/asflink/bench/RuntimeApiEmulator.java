package io.github.asflink.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The part of the Lambda Runtime API that the runtime interface client uses, on loopback: {@code GET
 * /2018-06-01/runtime/invocation/next} hands out queued events (blocking until one is queued), {@code POST
 * …/{id}/response}, {@code …/{id}/error} and {@code …/init/error} complete them. Times are
 * {@link System#nanoTime()} taken when the request reached this server.
 */
public final class RuntimeApiEmulator implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:bench";

    /** How an invocation ended. */
    public enum Kind { RESPONSE, ERROR, INIT_ERROR }

    /** What the runtime posted back, and when it arrived. */
    public record Outcome(Kind kind, long nanoTime, String body) {
    }

    private record Invocation(String requestId, byte[] event) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
    private volatile boolean closed;

    private RuntimeApiEmulator(HttpServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1 with a free port. */
    public static RuntimeApiEmulator start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        RuntimeApiEmulator emulator = new RuntimeApiEmulator(server);
        server.createContext(PREFIX, emulator::handle);
        server.setExecutor(emulator.executor);
        server.start();
        return emulator;
    }

    /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues one event; the future completes when the runtime answers it, reports an error, or fails to init. */
    public CompletableFuture<Outcome> queue(byte[] event) {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        outcomes.put(requestId, outcome);
        queued.add(new Invocation(requestId, event));
        return outcome;
    }

    /** Completes with the time of the first {@code /next}: the runtime client has loaded and built the handler. */
    public CompletableFuture<Long> firstNext() {
        return firstNext;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long now = System.nanoTime();
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                firstNext.complete(now);
                next(exchange);
            } else if (method.equals("POST") && path.equals("init/error")) {
                String body = read(exchange.getRequestBody());
                outcomes.values().forEach(f -> f.complete(new Outcome(Kind.INIT_ERROR, now, body)));
                accepted(exchange);
            } else if (method.equals("POST") && path.startsWith("invocation/")) {
                posted(exchange, path.substring("invocation/".length()), now);
            } else {
                send(exchange, 404, "{\"errorMessage\":\"unknown path\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = queued.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            send(exchange, 500, "{\"errorMessage\":\"emulator closed\"}");
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
        headers.set("Lambda-Runtime-Trace-Id",
                "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
        exchange.sendResponseHeaders(200, invocation.event().length);
        exchange.getResponseBody().write(invocation.event());
    }

    private void posted(HttpExchange exchange, String rest, long now) throws IOException {
        int slash = rest.indexOf('/');
        String requestId = slash < 0 ? rest : rest.substring(0, slash);
        String verb = slash < 0 ? "" : rest.substring(slash + 1);
        String body = read(exchange.getRequestBody());
        CompletableFuture<Outcome> outcome = outcomes.get(requestId);
        if (outcome == null || !(verb.equals("response") || verb.equals("error"))) {
            send(exchange, 404, "{\"errorMessage\":\"unknown invocation\"}");
            return;
        }
        // Acknowledge first: the runtime blocks on this answer before it asks for the next event.
        accepted(exchange);
        outcome.complete(new Outcome(verb.equals("response") ? Kind.RESPONSE : Kind.ERROR, now, body));
    }

    private static void accepted(HttpExchange exchange) throws IOException {
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
