package io.github.asflink.bench;

import io.github.asflink.local.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./asl bench}: cold starts, warm cost and local-runner concurrency against its budgets; see
 * {@link Options#USAGE}. A benchmark, not a test: it prints figures and budgets and fails only when it cannot measure.
 */
public final class Benchmark {

    private static final double MB = 1_000_000.0;

    private final Options options;
    private final PrintStream log;

    private Benchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            System.err.println("bench: Linux only: the Lambda runtime interface client ships its native library for "
                    + "Linux (as Lambda runs), and peak memory is read from /proc.");
            System.exit(2);
            return;
        }
        boolean needsFunctions = options.includes("token") || options.includes("skill");
        if (needsFunctions && !Files.isDirectory(options.samBuild())) {
            System.err.println("bench: no sam build output at " + options.samBuild()
                    + ".\nThe benchmark measures what Lambda would get: run ./asl build first, then ./asl bench."
                    + "\n(./asl bench --only baselines runs without it.)");
            System.exit(2);
            return;
        }
        System.exit(new Benchmark(options, System.err).run());
    }

    private int run() throws Exception {
        Results results = new Results();
        describeEnvironment(results);
        String loadBefore = loadAverage();
        Path scratch = Files.createTempDirectory("asl-bench");
        SalesforceStandIn tlsStandIn = null;
        try (SalesforceStandIn standIn = SalesforceStandIn.start(Duration.ZERO)) {
            SamTemplate template = SamTemplate.load(options.root().resolve("template.yaml"));
            Functions functions = new Functions(options.samBuild(), template, standIn.baseUrl());
            TlsMaterial tls = TlsMaterial.create(scratch.resolve("tls"));
            tlsStandIn = SalesforceStandIn.startTls(tls.serverContext());
            List<Subject> subjects = subjects(functions, scratch, results, tls, tlsStandIn.baseUrl());
            subjects.forEach(s -> results.subjects.put(s.key(), s));
            cold(subjects, scratch, results);
            classLoads(subjects, scratch, results);
            if (options.warm()) {
                warm(functions, results);
            }
            if (options.concurrency() && options.includes("token")) {
                concurrency(results);
            }
            budgets(results);
            if (options.runs() < 10) {
                results.notes.add("Fewer than 10 cold starts per subject: a smoke test, not budget-grade figures.");
            }
            results.environment.put("load average (1 min) before / after", loadBefore + " / " + loadAverage());
        } finally {
            if (tlsStandIn != null) {
                tlsStandIn.close();
            }
            deleteTree(scratch);
        }
        String markdown = Report.markdown(results);
        System.out.print(markdown);
        Files.createDirectories(options.out().getParent());
        Files.writeString(options.out(), markdown, StandardCharsets.UTF_8);
        log.println("bench: written to " + options.out());
        return 0;
    }

    private List<Subject> subjects(Functions functions, Path scratch, Results results,
                                   TlsMaterial tls, String tlsBase) throws IOException {
        List<Subject> subjects = new ArrayList<>();
        // The baselines get the token function's memory setting; it only sets AWS_LAMBDA_FUNCTION_MEMORY_SIZE.
        subjects.add(Baselines.trivialHandler(scratch, functions.memoryMb(Functions.TOKEN_ID)));
        subjects.add(Baselines.bareMain(scratch));
        if (options.includes("token")) {
            addFunction(subjects, results, functions, Functions.TOKEN_ID, "token-function", List.of(functions.token(),
                    functions.tokenOverTls(tlsBase, tls.clientFlags())));
        }
        if (options.includes("skill")) {
            addFunction(subjects, results, functions, Functions.SKILL_ID, "skill-function",
                    List.of(functions.skillUnlinked(), functions.skillLinked(),
                            functions.skillLinkedOverTls(tlsBase, tls.clientFlags())));
        }
        return subjects;
    }

    private void addFunction(List<Subject> subjects, Results results, Functions functions, String logicalId,
                             String folder, List<Subject> candidates) {
        if (!functions.built(logicalId)) {
            results.notes.add(logicalId + " not measured: " + functions.buildDir(logicalId)
                    + " does not exist (run ./asl build).");
            return;
        }
        String stale = Functions.staleness(options.root(), folder, functions.buildDir(logicalId));
        if (stale != null) {
            results.notes.add(stale);
            log.println("bench: warning: " + stale);
        }
        results.deployments.put(logicalId, functions.deployment(logicalId));
        subjects.addAll(candidates);
    }

    /** One discarded round (page cache, emulator warm-up), then N rounds, each visiting every subject in turn. */
    private void cold(List<Subject> subjects, Path scratch, Results results) throws Exception {
        ColdStartRunner runner = new ColdStartRunner(JvmLauncher.forCurrentJdk(options.jvmFlags()), scratch);
        log.printf("bench: %d cold starts of %d subjects, interleaved%n", options.runs(), subjects.size());
        for (Subject s : subjects) {
            runner.run(s);
        }
        for (int round = 0; round < options.runs(); round++) {
            // Rotate the order so no subject always runs right after the same neighbour.
            for (int i = 0; i < subjects.size(); i++) {
                Subject s = subjects.get((i + round) % subjects.size());
                ColdStart cold = runner.run(s);
                results.add(cold);
                if (!cold.noise().isEmpty() && results.cold.get(s.key()).size() == 1) {
                    results.notes.add("`" + s.key() + "` printed on a normal cold start, e.g.: "
                            + abbreviate(cold.noise().get(0)));
                }
            }
            log.printf("bench: round %d/%d done%n", round + 1, options.runs());
        }
        // Show rows in the subjects' order, not the order the last round happened to end in.
        var ordered = new java.util.LinkedHashMap<String, List<ColdStart>>();
        subjects.forEach(s -> ordered.put(s.key(), results.cold.get(s.key())));
        results.cold.clear();
        results.cold.putAll(ordered);
    }

    private void classLoads(List<Subject> subjects, Path scratch, Results results) throws Exception {
        ColdStartRunner runner = new ColdStartRunner(JvmLauncher.forCurrentJdk(options.jvmFlags()), scratch);
        for (Subject s : subjects) {
            results.classLoads.put(s.key(), runner.classLoads(s));
        }
    }

    private void warm(Functions functions, Results results) throws Exception {
        WarmBench warm = new WarmBench(JvmLauncher.forCurrentJdk(options.jvmFlags()), log, options.runs() < 10);
        if (options.includes("token") && functions.built(Functions.TOKEN_ID)) {
            results.warm.addAll(warm.run(WarmRunner.TOKEN, functions.buildDir(Functions.TOKEN_ID)));
        }
        if (options.includes("skill") && functions.built(Functions.SKILL_ID)) {
            results.warm.addAll(warm.run(WarmRunner.SKILL, functions.buildDir(Functions.SKILL_ID)));
        }
    }

    private void concurrency(Results results) throws Exception {
        ConcurrencyBench bench = new ConcurrencyBench(options.root(), log);
        String skipped = bench.unavailable();
        if (skipped != null) {
            results.notes.add("Local-runner concurrency not measured: " + skipped);
            log.println("bench: " + skipped);
            return;
        }
        results.concurrency = bench.run(32, Duration.ofMillis(200));
    }

    private void budgets(Results r) {
        r.budgets.add(new Budget("token cold start vs trivial handler", 4.5,
                r.ratio(Functions.TOKEN, Baselines.TRIVIAL), "×"));
        r.budgets.add(new Budget("skill cold start, unlinked launch, vs trivial handler", 5.5,
                r.ratio(Functions.SKILL_UNLINKED, Baselines.TRIVIAL), "×"));
        r.budgets.add(new Budget("skill cold start, linked launch, vs trivial handler", 7.5,
                r.ratio(Functions.SKILL_LINKED, Baselines.TRIVIAL), "×"));
        r.budgets.add(new Budget("warm overhead per token exchange", 0.5, warmMillis(r, WarmRunner.TOKEN), " ms"));
        r.budgets.add(new Budget("warm overhead per skill intent", 2.0, warmMillis(r, WarmRunner.SKILL), " ms"));
        r.budgets.add(new Budget("token function deployment (sam build output)", 1.0,
                size(r, Functions.TOKEN_ID), " MB"));
        // 4.5 MB until Jackson was pinned to a current release (the ASK SDK's 2.13 has no nesting-depth limit):
        // Jackson 2.23's core and databind alone add 0.41 MB, and every other runtime jar is used. 5.0 MB until the
        // agenda, deal, stage-move and call intents, progressive responses and the APL list added 0.23 MB of the
        // skill's own classes; the cold-start budgets above measure what that costs (docs/performance.md).
        r.budgets.add(new Budget("skill function deployment (sam build output)", 5.5,
                size(r, Functions.SKILL_ID), " MB"));
        Results.Concurrency c = r.concurrency;
        r.budgets.add(new Budget("local runner: 32 concurrent token requests, 200 ms upstream (in upstream delays)",
                2.0, c == null ? Double.NaN : c.failed() > 0 ? Double.POSITIVE_INFINITY
                        : c.wallMs().median() / c.upstreamDelayMs(), "×"));
        for (String key : List.of(Functions.TOKEN, Functions.SKILL_UNLINKED, Functions.SKILL_LINKED)) {
            List<ColdStart> runs = r.cold.get(key);
            r.budgets.add(new Budget("`" + key + "`: cold starts with output on stderr or a stack trace", 0,
                    runs == null ? Double.NaN : runs.stream().filter(c2 -> !c2.noise().isEmpty()).count(), ""));
        }
    }

    /** The project's own warm overhead for a scenario: the primary figure WarmBench reports first for it. */
    private static double warmMillis(Results r, String scenario) {
        return r.warm.stream().filter(w -> w.what().startsWith(scenario + ":"))
                .findFirst().map(w -> w.microsPerOp().median() / 1000).orElse(Double.NaN);
    }

    private static double size(Results r, String logicalId) {
        Results.Deployment d = r.deployments.get(logicalId);
        return d == null ? Double.NaN : d.bytes() / MB;
    }

    private void describeEnvironment(Results r) {
        r.environment.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        r.environment.put("machine", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        r.environment.put("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + " (Lambda runs Java 21; all rows use this same JVM)");
        r.environment.put("runtime interface client", ricVersion());
        r.environment.put("JVM flags", String.join(" ", JvmLauncher.forCurrentJdk(options.jvmFlags()).jvmFlags())
                + " (+ the template's JAVA_TOOL_OPTIONS, if any, in the environment)");
        r.environment.put("command", "./asl bench" + (options.runs() == 10 ? "" : " --runs " + options.runs()));
    }

    private static String ricVersion() {
        String cp = JvmLauncher.ricClasspath();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("aws-lambda-java-runtime-interface-client-")) {
                return "com.amazonaws:aws-lambda-java-runtime-interface-client "
                        + name.substring("aws-lambda-java-runtime-interface-client-".length(), name.length() - 4);
            }
        }
        return "unknown";
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    /** Other work on the machine skews every row alike; the report says how busy it was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace('|', '/').strip();
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "…";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
