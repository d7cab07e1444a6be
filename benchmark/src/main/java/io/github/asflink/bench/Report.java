package io.github.asflink.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders {@link Results} as the markdown docs/performance.md holds. */
final class Report {

    private Report() {
    }

    static String markdown(Results r) {
        StringBuilder md = new StringBuilder();
        md.append("## Benchmark results\n\n");
        r.environment.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append('\n');
        coldTable(md, r);
        budgets(md, r);
        lambdaModel(md, r);
        warm(md, r);
        concurrency(md, r);
        classes(md, r);
        deployments(md, r);
        if (!r.notes.isEmpty()) {
            md.append("### Notes\n\n");
            r.notes.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static void coldTable(StringBuilder md, Results r) {
        md.append("### Cold starts (JVM launch → first complete response; medians of ")
                .append(runs(r)).append(" interleaved runs, min–max)\n\n");
        md.append("| subject | cold start ms | × trivial handler | × bare main | init ms | peak RSS MiB | CPU ms "
                + "| classes loaded | stderr noise |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<ColdStart>> e : r.cold.entrySet()) {
            String key = e.getKey();
            List<ColdStart> runs = e.getValue();
            Stats total = r.coldStats(key);
            Stats init = Stats.of(runs.stream().map(ColdStart::initMs).toList());
            Stats rss = Stats.of(runs.stream().map(c -> c.peakRssKib() / 1024.0).toList());
            Stats cpu = Stats.of(runs.stream().map(c -> (double) c.cpuMs()).toList());
            long noisy = runs.stream().filter(c -> !c.noise().isEmpty()).count();
            ClassLoads classes = r.classLoads.get(key);
            md.append("| ").append(r.subjects.get(key).description()).append(" (`").append(key).append("`)")
                    .append(" | ").append(number(total.median())).append(" (").append(number(total.min()))
                    .append("–").append(number(total.max())).append(")")
                    .append(" | ").append(times(r.ratio(key, Baselines.TRIVIAL)))
                    .append(" | ").append(times(r.ratio(key, Baselines.BARE_MAIN)))
                    .append(" | ").append(init.n() == 0 ? "–" : number(init.median()))
                    .append(" | ").append(number(rss.median()))
                    .append(" | ").append(number(cpu.median()))
                    .append(" | ").append(classes == null ? "–" : Integer.toString(classes.total()))
                    .append(" | ").append(noisy == 0 ? "none" : noisy + " of " + runs.size() + " runs")
                    .append(" |\n");
        }
        md.append('\n');
        if (r.cold.containsKey(Functions.TOKEN_TLS) || r.cold.containsKey(Functions.SKILL_LINKED_TLS)) {
            md.append("The `-tls` rows are not budgeted: the same request against the stand-in over HTTPS (a 2048-bit "
                    + "RSA certificate trusted directly, the JDK's CA list loaded as usual), i.e. what the first TLS "
                    + "connection to Salesforce adds to a cold start. Every other row talks plain HTTP on loopback."
                    + "\n\n");
        }
    }

    private static void budgets(StringBuilder md, Results r) {
        md.append("### Budgets\n\n| budget | limit | measured | result |\n|---|---|---|---|\n");
        for (Budget b : r.budgets) {
            md.append("| ").append(b.what()).append(" | ").append(b.limitText()).append(" | ")
                    .append(b.measuredText()).append(" | ").append(b.result()).append(" |\n");
        }
        md.append('\n');
    }

    /** Memory sizes the model is shown for; 1,769 MB is where Lambda gives one full vCPU. */
    static final int[] MODEL_MEMORY_MB = {512, 1024, 1769};
    static final double ONE_VCPU_MB = 1769;

    /**
     * Lambda gives a function CPU in proportion to its memory, one vCPU at 1,769 MB. A cold start is CPU-bound, so at
     * M MB it takes at least its CPU time × 1769 / M, and never less than it took here.
     */
    static double modelMs(ColdStart run, int memoryMb) {
        return Math.max(run.totalMs(), run.cpuMs() * ONE_VCPU_MB / memoryMb);
    }

    private static void lambdaModel(StringBuilder md, Results r) {
        List<String> functions = r.subjects.values().stream().filter(Subject::isFunction).map(Subject::key)
                .filter(k -> !k.equals(Baselines.TRIVIAL)).toList();
        if (functions.isEmpty()) {
            return;
        }
        md.append("### Cold start at Lambda memory sizes (a model, not a measurement)\n\n")
                .append("CPU ms × 1769 / memory MB, at least the time measured here: Lambda's CPU share grows with "
                        + "memory up to one vCPU at 1,769 MB, and a cold start is CPU-bound. Lambda's cores are not "
                        + "this machine's, and TLS to Salesforce plus Salesforce's own time come on top.\n\n")
                .append("| subject |");
        for (int mb : MODEL_MEMORY_MB) {
            md.append(' ').append(mb).append(" MB |");
        }
        md.append("\n|---|").append("---|".repeat(MODEL_MEMORY_MB.length)).append('\n');
        for (String key : functions) {
            md.append("| `").append(key).append("` |");
            for (int mb : MODEL_MEMORY_MB) {
                md.append(' ').append(number(Stats.of(r.cold.getOrDefault(key, List.of()).stream()
                        .map(c -> modelMs(c, mb)).toList()).median())).append(" ms |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void warm(StringBuilder md, Results r) {
        if (r.warm.isEmpty()) {
            return;
        }
        md.append("### Warm (per invocation, after warm-up; median of measurement rounds, min–max)\n\n");
        md.append("| what | µs per invocation | how |\n|---|---|---|\n");
        for (Results.Warm w : r.warm) {
            md.append("| ").append(w.what()).append(" | ").append(number(w.microsPerOp().median())).append(" (")
                    .append(number(w.microsPerOp().min())).append("–").append(number(w.microsPerOp().max()))
                    .append(") | ").append(w.method()).append(" |\n");
        }
        md.append('\n');
    }

    private static void concurrency(StringBuilder md, Results r) {
        Results.Concurrency c = r.concurrency;
        if (c == null) {
            return;
        }
        md.append("### Local runner concurrency\n\n")
                .append(String.format(Locale.ROOT, "`LocalRunner serve`, %d token requests sent at once, the "
                                + "Salesforce stand-in waiting %d ms before each answer: the last answer after %s ms "
                                + "(median of %d rounds after %d warm-up rounds, %s–%s; %.1f× one upstream delay, "
                                + "serial would be %d×). The first round, which also opens every connection, took "
                                + "%s ms. %d of the requests failed.%n%n",
                        c.requests(), c.upstreamDelayMs(), number(c.wallMs().median()), c.wallMs().n(),
                        ConcurrencyBench.WARM_UP_ROUNDS,
                        number(c.wallMs().min()), number(c.wallMs().max()),
                        c.wallMs().median() / c.upstreamDelayMs(), c.requests(), number(c.firstWallMs()),
                        c.failed()));
    }

    private static void classes(StringBuilder md, Results r) {
        ClassLoads trivial = r.classLoads.get(Baselines.TRIVIAL);
        if (trivial == null) {
            return;
        }
        md.append("### Where the classes come from (one extra run each with `-Xlog:class+load`)\n\n");
        md.append("| subject | total | JDK | generated | function classes | by jar (largest) | packages added over "
                + "the trivial handler (largest) |\n|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, ClassLoads> e : r.classLoads.entrySet()) {
            ClassLoads c = e.getValue();
            Map<String, Integer> jars = c.byOrigin().entrySet().stream()
                    .filter(o -> o.getKey().endsWith(".jar"))
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                            java.util.LinkedHashMap::new));
            md.append("| `").append(e.getKey()).append("` | ").append(c.total())
                    .append(" | ").append(c.byOrigin().getOrDefault(ClassLoads.JDK, 0))
                    .append(" | ").append(c.byOrigin().getOrDefault(ClassLoads.GENERATED, 0))
                    .append(" | ").append(c.byOrigin().getOrDefault(ClassLoads.OWN_CLASSES, 0))
                    .append(" | ").append(counts(jars))
                    .append(" | ").append(counts(ClassLoads.topAdded(c.byPackage(), trivial.byPackage(), 8)))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void deployments(StringBuilder md, Results r) {
        if (r.deployments.isEmpty()) {
            return;
        }
        md.append("### Deployment size (`.aws-sam/build/<LogicalId>`)\n\n| function | bytes | largest jars |\n"
                + "|---|---|---|\n");
        r.deployments.forEach((id, d) -> md.append("| ").append(id).append(" | ")
                .append(String.format(Locale.ROOT, "%,d", d.bytes())).append(" | ")
                .append(d.largestJars().entrySet().stream()
                        .map(j -> j.getKey() + " " + String.format(Locale.ROOT, "%,d", j.getValue()))
                        .collect(Collectors.joining(", ")))
                .append(" |\n"));
        md.append('\n');
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.isEmpty() ? "–" : counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static int runs(Results r) {
        return r.cold.values().stream().mapToInt(List::size).max().orElse(0);
    }

    static String times(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "–" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
