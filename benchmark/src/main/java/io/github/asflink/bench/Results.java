package io.github.asflink.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured, in the order the report shows it. */
final class Results {

    /** A function's deployment: the {@code sam build} folder's total and its largest jars. */
    record Deployment(long bytes, Map<String, Long> largestJars) {
    }

    /** A warm per-invocation figure. */
    record Warm(String what, Stats microsPerOp, String method) {
    }

    /**
     * The local runner under concurrent token requests.
     *
     * @param wallMs      all requests sent at once until the last answer, over the rounds after the first
     * @param firstWallMs the first round, which also opens every connection
     */
    record Concurrency(int requests, long upstreamDelayMs, Stats wallMs, double firstWallMs, int failed) {
    }

    final Map<String, Subject> subjects = new LinkedHashMap<>();
    final Map<String, List<ColdStart>> cold = new LinkedHashMap<>();
    final Map<String, ClassLoads> classLoads = new LinkedHashMap<>();
    final Map<String, Deployment> deployments = new LinkedHashMap<>();
    final List<Warm> warm = new ArrayList<>();
    Concurrency concurrency;
    final List<Budget> budgets = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, String> environment = new LinkedHashMap<>();

    void add(ColdStart run) {
        cold.computeIfAbsent(run.subject(), k -> new ArrayList<>()).add(run);
    }

    Stats coldStats(String key) {
        return Stats.of(cold.getOrDefault(key, List.of()).stream().map(ColdStart::totalMs).toList());
    }

    /** Median cold start of {@code key} over the median of {@code baseline}; NaN when either is missing. */
    double ratio(String key, String baseline) {
        return coldStats(key).median() / coldStats(baseline).median();
    }
}
