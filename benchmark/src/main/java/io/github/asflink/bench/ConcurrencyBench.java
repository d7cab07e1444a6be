package io.github.asflink.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The local runner under concurrent load: {@code LocalRunner serve} as a subprocess (its own build: classes and
 * {@code target/classpath.txt}), the token function's Salesforce pointed at a stand-in that waits before every answer,
 * then N token requests at once. Concurrent handling finishes in about one upstream delay; serial handling in N.
 */
final class ConcurrencyBench {

    static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 5;
    private static final String MAIN = "io.github.asflink.local.LocalRunner";

    private final Path root;
    private final PrintStream log;

    ConcurrencyBench(Path root, PrintStream log) {
        this.root = root;
        this.log = log;
    }

    private Path classes() {
        return root.resolve("local-runner").resolve("target").resolve("classes");
    }

    private Path classpathFile() {
        return root.resolve("local-runner").resolve("target").resolve("classpath.txt");
    }

    /** Why the measurement cannot run, or null when it can. */
    String unavailable() {
        if (!Files.exists(classes().resolve(MAIN.replace('.', '/') + ".class"))) {
            return "local-runner is not built (no " + classes() + "/…/LocalRunner.class; ./asl build builds it)";
        }
        if (!Files.exists(classpathFile())) {
            return "local-runner is not packaged (no " + classpathFile() + "; ./asl build writes it)";
        }
        return null;
    }

    Results.Concurrency run(int requests, Duration delay) throws IOException, InterruptedException {
        try (SalesforceStandIn slow = SalesforceStandIn.start(delay, "https://benchmark.my.salesforce.com")) {
            int port = freePort();
            Process serve = start(port, slow.baseUrl());
            try {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                URI token = URI.create("http://127.0.0.1:" + port + "/token");
                for (int i = 0; i < 3; i++) {
                    send(client, token).join(); // warm-up: class loading and first-call costs are not concurrency
                }
                List<Double> walls = new ArrayList<>();
                int failed = 0;
                double first = 0;
                // Round 0 also opens the connections (ours to the runner, the function's to Salesforce) and, with the
                // next rounds, gets the runner's JIT going: reported apart; the budget is on the rounds after them.
                for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
                    long start = System.nanoTime();
                    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
                    for (int i = 0; i < requests; i++) {
                        inFlight.add(send(client, token));
                    }
                    for (CompletableFuture<HttpResponse<String>> f : inFlight) {
                        HttpResponse<String> response = f.join();
                        if (response.statusCode() != 200 || !response.body().contains("access_token")) {
                            failed++;
                        }
                    }
                    double wall = (System.nanoTime() - start) / 1_000_000.0;
                    if (round == 0) {
                        first = wall;
                    } else if (round >= WARM_UP_ROUNDS) {
                        walls.add(wall);
                    }
                }
                if (failed > 0) {
                    log.println("bench: " + failed + " of " + requests * (WARM_UP_ROUNDS + ROUNDS)
                            + " concurrent token requests failed");
                }
                return new Results.Concurrency(requests, delay.toMillis(), Stats.of(walls), first, failed);
            } finally {
                serve.destroy();
                if (!serve.waitFor(5, TimeUnit.SECONDS)) {
                    serve.destroyForcibly();
                }
            }
        }
    }

    private Process start(int port, String salesforce) throws IOException {
        String classpath = classes() + File.pathSeparator + Files.readString(classpathFile()).trim();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, MAIN, "serve", "--port", Integer.toString(port),
                "--template", root.resolve("template.yaml").toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SALESFORCE_LOGIN_URL", salesforce);
        // Against a real org serve needs the consumer keys the token function may serve; here the stand-in's.
        builder.environment().put("ALLOWED_CLIENT_IDS", SalesforceStandIn.CLIENT_ID);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("Serving on")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        throw new IllegalStateException("LocalRunner serve exited before serving (exit " + exitValue(process) + ")");
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient client, URI token) {
        String form = "grant_type=authorization_code&code=concurrency-check&redirect_uri="
                + java.net.URLEncoder.encode(Events.REDIRECT_URI, StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString((SalesforceStandIn.CLIENT_ID + ":"
                + SalesforceStandIn.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(token).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String exitValue(Process process) {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
