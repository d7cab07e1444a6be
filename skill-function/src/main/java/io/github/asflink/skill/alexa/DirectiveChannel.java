package io.github.asflink.skill.alexa;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/** Sends one request to Alexa's directive service; the future holds the status, or fails for a connection problem. */
@FunctionalInterface
interface DirectiveChannel {

    /**
     * Returns at once. Completing the returned future exceptionally (a timeout, a cancel) gives the exchange up and
     * closes its connection.
     */
    CompletableFuture<Integer> post(HttpRequest request);
}
