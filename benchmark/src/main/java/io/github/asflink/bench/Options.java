package io.github.asflink.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Command-line options. */
record Options(int runs, Set<String> only, Path root, Path samBuild, Path out, List<String> jvmFlags,
               boolean warm, boolean concurrency, boolean help) {

    static final String USAGE = """
            usage: ./asl bench [options]

            Cold starts of the token and skill functions under AWS's Lambda runtime interface client (each in a fresh
            JVM, the event queued before it starts, a Salesforce stand-in on loopback), against a trivial handler and a
            bare main launched the same way; warm per-invocation cost; local-runner concurrency. Measures what
            `sam build` produced: run ./asl build first. Prints a markdown table and writes bench-results/latest.md.

              --runs N           cold starts of each subject and baseline (default 10), interleaved
              --quick            3 runs, for a smoke test (figures are not budget-grade)
              --only WHAT        token | skill | baselines (baselines always run: the ratios need them)
              --no-warm          skip the warm per-invocation measurement
              --no-concurrency   skip the local-runner concurrency check
              --root DIR         the project folder (default: the current folder)
              --sam-build DIR    the sam build output (default: ROOT/.aws-sam/build)
              --out FILE         where the markdown goes (default: ROOT/bench-results/latest.md)
              --jvm-flag FLAG    one more flag for every measured JVM (repeatable), e.g. -XX:+UseSerialGC
              -h, --help         this text
            """;

    static Options parse(String... args) {
        int runs = 10;
        Set<String> only = Set.of("token", "skill", "baselines");
        Path root = Path.of("").toAbsolutePath();
        Path samBuild = null;
        Path out = null;
        List<String> flags = new ArrayList<>();
        boolean warm = true;
        boolean concurrency = true;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--runs" -> runs = positive(value(args, ++i, arg), arg);
                case "--quick" -> runs = 3;
                case "--only" -> {
                    String what = value(args, ++i, arg);
                    if (!Set.of("token", "skill", "baselines").contains(what)) {
                        throw new IllegalArgumentException("--only takes token, skill or baselines, not " + what);
                    }
                    only = Set.copyOf(java.util.List.of(what, "baselines").stream().distinct().toList());
                }
                case "--no-warm" -> warm = false;
                case "--no-concurrency" -> concurrency = false;
                case "--root" -> root = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--sam-build" -> samBuild = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--out" -> out = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--jvm-flag" -> flags.add(value(args, ++i, arg));
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new Options(runs, only, root,
                samBuild != null ? samBuild : root.resolve(".aws-sam").resolve("build"),
                out != null ? out : root.resolve("bench-results").resolve("latest.md"),
                List.copyOf(flags), warm, concurrency, help);
    }

    boolean includes(String what) {
        return only.contains(what);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(option + " takes a positive whole number, not " + value);
    }
}
