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
import java.util.function.Supplier;

/**
 * {@link SalesforceTransport} over {@code java.net.http}. There is one per execution environment, {@link #SHARED}:
 * its {@code HttpClient} (and so its connection pool and TLS context) serves every handler in the JVM, which is why the
 * type has no public way to make another and holds no per-handler setting.
 *
 * <p>The whole exchange (connect, headers and body) is bounded by one deadline. {@code HttpRequest.timeout} alone is
 * not enough: on Java 21 and 25 it stops counting when the headers arrive, so a body that stalls would block until
 * Lambda kills the function. The request is sent asynchronously, waited for with the deadline, and cancelled after it
 * (cancelling aborts the exchange and closes its connection).
 */
final class JdkHttpTransport implements SalesforceTransport {

    /** A constant because one client serves every call; each call's own deadline bounds its connect anyway. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(TokenConfig.MAX_SALESFORCE_TIMEOUT_MS);

    /** The transport every handler in this JVM uses. */
    static final JdkHttpTransport SHARED = new JdkHttpTransport(Client::get);

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

    private final Supplier<HttpClient> client;

    /** For tests that need a client failing in ways a network cannot; production uses {@link #SHARED}. */
    JdkHttpTransport(Supplier<HttpClient> client) {
        this.client = client;
    }

    /** Builds the client without connecting anywhere; SnapStart priming calls it so the snapshot holds it. */
    static void warmUp() {
        Client.get();
    }

    /** The form POST exactly as it goes to Salesforce (also what an offline handler's stand-in is shown). */
    static HttpRequest request(URI endpoint, String formBody, Duration timeout) {
        return HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody))
                .build();
    }

    @Override
    public Reply postForm(URI endpoint, String formBody, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos(); // building the client on a cold start counts too
        HttpRequest request = request(endpoint, formBody, timeout);
        AtomicInteger statusSeen = new AtomicInteger();
        HttpResponse.BodyHandler<String> body = info -> {
            statusSeen.set(info.statusCode());
            return HttpResponse.BodyHandlers.ofString().apply(info);
        };
        HttpClient http = client.get();
        if (deadline - System.nanoTime() <= 0) {
            throw new Incomplete(true, 0, null); // building the client took all the time: do not spend the code
        }
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, body);
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
            if (!(cause instanceof IOException)) {
                // Not the network: a fault inside this JVM must not pass for Salesforce being down (a 503 that
                // tells Alexa to try again, logged as upstream_failure). The handler answers it as internal_error.
                throw new InternalFault(cause);
            }
            throw new Incomplete(cause instanceof HttpTimeoutException, statusSeen.get(), cause);
        }
        return new Reply(response.statusCode(), response.body());
    }

    /** The exchange failed with something other than an I/O error: a bug, ours or the JDK's, never Salesforce. */
    static final class InternalFault extends IllegalStateException {
        InternalFault(Throwable cause) {
            super("the HTTP exchange failed inside the function", cause);
        }
    }
}
