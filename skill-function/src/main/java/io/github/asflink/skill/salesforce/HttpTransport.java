package io.github.asflink.skill.salesforce;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The real transport: one {@link HttpClient} per execution environment, built on the first outbound call. Building it
 * loads the JDK's TLS context and CA certificates, the biggest single cold-start cost, so a request that never calls
 * Salesforce (an unlinked launch, help, stop) never pays for it.
 */
final class HttpTransport implements SalesforceTransport {

    /** Initialised by the JVM on first use of {@link #CLIENT}, once, thread-safely (initialization-on-demand). */
    private static final class Holder {
        // HTTP/1.1: Salesforce speaks it everywhere, and it avoids the h2c upgrade dance against plain-http stand-ins.
        // Each call is bounded end to end by SalesforceClient (connect, headers and body).
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static HttpClient client() {
        return Holder.CLIENT;
    }

    /**
     * The reply completes when the whole body is in. When the caller gives up on it first (its bound ran out), the
     * exchange is cancelled with {@code cancel(true)}, which makes the HttpClient close the connection: otherwise it
     * would stay open, reading a body nobody waits for, into the next request of this execution environment.
     */
    @Override
    public CompletableFuture<Reply> send(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> exchange =
                client().sendAsync(request, HttpResponse.BodyHandlers.ofString());
        CompletableFuture<Reply> reply =
                exchange.thenApply(response -> new Reply(response.statusCode(), response.body()));
        reply.whenComplete((answer, error) -> {
            if (error != null) {
                exchange.cancel(true);
            }
        });
        return reply;
    }
}
