package io.github.asflink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The emulator speaks the Runtime API the way the runtime interface client expects it. */
class RuntimeApiEmulatorTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void handsOutTheQueuedEventWithLambdaHeadersAndRecordsTheResponse() throws Exception {
        try (RuntimeApiEmulator api = RuntimeApiEmulator.start()) {
            CompletableFuture<RuntimeApiEmulator.Outcome> outcome = api.queue("{\"hello\":1}".getBytes());
            String base = "http://" + api.address() + "/2018-06-01/runtime/";

            HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(base + "invocation/next")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, next.statusCode());
            assertEquals("{\"hello\":1}", next.body());
            String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            long deadline = Long.parseLong(next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
            assertTrue(deadline > System.currentTimeMillis());
            assertTrue(next.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow()
                    .startsWith("arn:aws:lambda:"));
            assertTrue(next.headers().firstValue("Lambda-Runtime-Trace-Id").isPresent());
            assertTrue(api.firstNext().isDone());
            assertFalse(outcome.isDone());

            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "invocation/" + id
                    + "/response")).POST(HttpRequest.BodyPublishers.ofString("{\"ok\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, posted.statusCode());
            RuntimeApiEmulator.Outcome result = outcome.get(5, TimeUnit.SECONDS);
            assertEquals(RuntimeApiEmulator.Kind.RESPONSE, result.kind());
            assertEquals("{\"ok\":true}", result.body());
            assertTrue(result.nanoTime() >= api.firstNext().get());
        }
    }

    @Test
    void nextBlocksUntilAnEventIsQueued() throws Exception {
        try (RuntimeApiEmulator api = RuntimeApiEmulator.start()) {
            CompletableFuture<HttpResponse<String>> next = http.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://" + api.address() + "/2018-06-01/runtime/invocation/next")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            assertFalse(next.isDone());
            api.queue("{}".getBytes(StandardCharsets.UTF_8));
            assertEquals("{}", next.get(5, TimeUnit.SECONDS).body());
        }
    }

    @Test
    void errorsAndInitErrorsCompleteTheInvocation() throws Exception {
        try (RuntimeApiEmulator api = RuntimeApiEmulator.start()) {
            CompletableFuture<RuntimeApiEmulator.Outcome> outcome = api.queue("{}".getBytes());
            http.send(HttpRequest.newBuilder(URI.create("http://" + api.address() + "/2018-06-01/runtime/init/error"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"errorMessage\":\"boom\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            RuntimeApiEmulator.Outcome result = outcome.get(5, TimeUnit.SECONDS);
            assertEquals(RuntimeApiEmulator.Kind.INIT_ERROR, result.kind());
            assertTrue(result.body().contains("boom"));
        }
    }
}
