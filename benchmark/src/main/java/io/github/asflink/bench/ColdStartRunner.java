package io.github.asflink.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs one cold start: a fresh Runtime API emulator with the event already queued (as on Lambda, the request is waiting
 * before the JVM exists), then the JVM; the clock starts just before the process is created.
 */
final class ColdStartRunner {

    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern STDOUT_NOISE =
            Pattern.compile("(?i)(exception|^\\s+at |log4j|slf4j|could not find a logging)");

    private final JvmLauncher launcher;
    private final Path scratch;

    ColdStartRunner(JvmLauncher launcher, Path scratch) {
        this.launcher = launcher;
        this.scratch = scratch;
    }

    ColdStart run(Subject subject) throws IOException, InterruptedException {
        return launch(subject, List.of());
    }

    /** A separate launch with class-load logging (not timed for the table): the classes loaded until the answer. */
    ClassLoads classLoads(Subject subject) throws IOException, InterruptedException {
        Path log = Files.createTempFile(scratch, subject.key() + "-classes", ".log");
        try {
            ColdStart run = launch(subject, List.of("-Xlog:class+load=info:file=" + log));
            return ClassLoads.of(JvmLauncher.readLines(log), run.totalMs());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private ColdStart launch(Subject subject, List<String> extraFlags) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(scratch, subject.key(), ".out");
        Path stderr = Files.createTempFile(scratch, subject.key(), ".err");
        try (RuntimeApiEmulator api = RuntimeApiEmulator.start()) {
            CompletableFuture<RuntimeApiEmulator.Outcome> outcome =
                    subject.isFunction() ? api.queue(subject.event()) : null;
            ProcessBuilder builder = launcher.builder(subject, api.address(), extraFlags)
                    .redirectError(stderr.toFile());
            if (subject.isFunction()) {
                builder.redirectOutput(stdout.toFile());
            }
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                long end;
                double initMs = Double.NaN;
                if (subject.isFunction()) {
                    RuntimeApiEmulator.Outcome result = await(outcome, process, subject);
                    end = result.nanoTime();
                    initMs = millis(api.firstNext().getNow(end) - start);
                    if (result.kind() != RuntimeApiEmulator.Kind.RESPONSE || !subject.accepts().test(result.body())) {
                        throw new IllegalStateException(subject.key() + ": unexpected " + result.kind() + " answer: "
                                + abbreviate(result.body()) + tail(stderr) + tail(stdout));
                    }
                } else {
                    end = awaitLine(process, subject);
                }
                long rss = ProcFs.peakRssKib(process.pid());
                long cpu = ProcFs.cpuMillis(process.pid());
                stop(process);
                List<String> noise = noise(stdout, stderr);
                return new ColdStart(subject.key(), millis(end - start), initMs, rss, cpu, noise);
            } finally {
                stop(process);
            }
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static RuntimeApiEmulator.Outcome await(CompletableFuture<RuntimeApiEmulator.Outcome> outcome,
                                                    Process process, Subject subject)
            throws InterruptedException {
        try {
            CompletableFuture.anyOf(outcome, process.onExit()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(subject.key() + ": no answer within " + TIMEOUT_SECONDS + " s", e);
        }
        if (!outcome.isDone()) {
            throw new IllegalStateException(subject.key() + ": the JVM exited with " + process.exitValue()
                    + " before answering");
        }
        return outcome.join();
    }

    /** For a plain main: the moment its one line arrives on stdout. */
    private static long awaitLine(Process process, Subject subject) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            long end = System.nanoTime();
            if (line == null) {
                throw new IllegalStateException(subject.key() + ": printed nothing");
            }
            return end;
        }
    }

    /** SIGTERM first so class-load logs are flushed, then SIGKILL. Only ever the process this runner started. */
    private static void stop(Process process) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static List<String> noise(Path stdout, Path stderr) {
        List<String> noise = new ArrayList<>();
        for (String line : JvmLauncher.readLines(stderr)) {
            if (!line.isBlank() && !line.startsWith("Picked up JAVA_TOOL_OPTIONS")) {
                noise.add(line);
            }
        }
        for (String line : JvmLauncher.readLines(stdout)) {
            if (STDOUT_NOISE.matcher(line).find()) {
                noise.add(line);
            }
        }
        return List.copyOf(noise);
    }

    private static String tail(Path file) {
        List<String> lines = JvmLauncher.readLines(file);
        if (lines.isEmpty()) {
            return "";
        }
        return "\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "…";
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
