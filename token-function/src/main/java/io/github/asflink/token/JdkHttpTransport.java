package io.github.asflink.token;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link SalesforceTransport} over {@code java.net.http}, with one client per execution environment.
 *
 * <p>The whole exchange (connect, headers and body) is bounded by one deadline. {@code HttpRequest.timeout} alone is
 * not enough: on Java 21 and 25 it stops counting when the headers arrive, so a body that stalls would block until
 * Lambda kills the function. The request is sent asynchronously, waited for with the deadline, and cancelled after it
 * (cancelling aborts the exchange and closes its connection).
 */
final class JdkHttpTransport implements SalesforceTransport {

    /** A constant because one client serves every call; each call's own deadline bounds its connect anyway. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(TokenConfig.MAX_UPSTREAM_TIMEOUT_MS);

    /**
     * Built on the first call out, not at init: creating the client loads the TLS context (about a third of a second),
     * which requests that fail validation never need.
     */
    private static final class Client {
        private static volatile HttpClient instance;

        static HttpClient get() {
            HttpClient client = instance;
            if (client == null) {
                synchronized (Client.class) {
                    client = instance;
                    if (client == null) {
                        client = HttpClient.newBuilder()
                                .connectTimeout(CONNECT_TIMEOUT)
                                .followRedirects(HttpClient.Redirect.NEVER)
                                .build();
                        instance = client;
                    }
                }
            }
            return client;
        }
    }

    /** Builds the client without connecting anywhere; SnapStart priming calls it so the snapshot holds it. */
    static void warmUp() {
        Client.get();
    }

    @Override
    public Reply postForm(URI endpoint, String formBody, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos(); // building the client on a cold start counts too
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody))
                .build();
        AtomicInteger statusSeen = new AtomicInteger();
        HttpResponse.BodyHandler<String> body = info -> {
            statusSeen.set(info.statusCode());
            return HttpResponse.BodyHandlers.ofString().apply(info);
        };
        HttpClient client = Client.get();
        if (deadline - System.nanoTime() <= 0) {
            throw new Incomplete(true, 0, null); // building the client took all the time: do not spend the code
        }
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request, body);
        HttpResponse<String> response;
        try {
            response = exchange.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new Incomplete(true, statusSeen.get(), e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new Incomplete(cause instanceof HttpTimeoutException, statusSeen.get(), cause);
        }
        return new Reply(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                response.body());
    }
}
