package io.github.asflink.local.logmetrics;

import com.google.gson.JsonObject;
import io.github.asflink.local.SamTemplate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures the deployed stack's metric filters would publish for this session's log lines: each line is wrapped
 * as Lambda's JSON log format stores it, run through the template's transformer for its log group, and through every
 * metric filter on that group, with the patterns read from the template.
 */
public final class SessionMetrics {
    private final List<MetricFilter> filters;
    private final Map<String, LogTransformer> transformers;
    private final Map<String, String> logGroupByFunction;
    private final Clock clock;
    private final Map<String, List<Double>> values = new TreeMap<>();
    private final Map<String, String> units = new TreeMap<>();

    private SessionMetrics(List<MetricFilter> filters, Map<String, LogTransformer> transformers,
                           Map<String, String> logGroupByFunction, Clock clock) {
        this.filters = filters;
        this.transformers = transformers;
        this.logGroupByFunction = logGroupByFunction;
        this.clock = clock;
    }

    public static SessionMetrics from(SamTemplate template, Clock clock) {
        Map<String, String> groups = new TreeMap<>();
        template.resourceProperties("AWS::Logs::LogGroup").forEach((id, p) -> {
            String function = SamTemplate.referencedResource(p.get("LogGroupName"));
            if (function != null) {
                groups.put(function, id);
            }
        });
        return new SessionMetrics(MetricFilter.from(template), LogTransformer.from(template), groups, clock);
    }

    /** The log group (logical id) a function writes to, per the template; null when it declares none. */
    public String logGroupOf(String functionId) {
        return logGroupByFunction.get(functionId);
    }

    /** The data points one line from a function would publish. */
    public List<MetricFilter.Datapoint> datapoints(String functionId, String line, String level, String requestId) {
        String group = logGroupOf(functionId);
        String record = LambdaLogRecord.of(line, level, requestId, clock.instant());
        LogTransformer transformer = transformers.get(group);
        JsonObject transformed = transformer == null ? null : transformer.apply(record);
        JsonObject original = LogTransformer.parseObject(record);
        List<MetricFilter.Datapoint> points = new ArrayList<>();
        for (MetricFilter filter : filters) {
            JsonObject event = filter.transformed() ? transformed : original;
            if (group != null && group.equals(filter.logGroup()) && event != null) {
                filter.apply(event).ifPresent(points::add);
            }
        }
        return points;
    }

    /** Counts one line a function wrote. */
    public synchronized void record(String functionId, String line, String level, String requestId) {
        for (MetricFilter.Datapoint point : datapoints(functionId, line, level, requestId)) {
            String key = point.metricName() + (point.dimensions().isEmpty() ? "" : " " + point.dimensions());
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(point.value());
            units.put(key, point.unit());
        }
    }

    /** One line per metric and dimension values: a count, or for timings n, p50, p90 and max. */
    public synchronized String render() {
        if (values.isEmpty()) {
            return "no metric data yet (the metric filters select the functions' request lines)\n";
        }
        StringBuilder out = new StringBuilder();
        values.forEach((key, list) -> {
            String unit = units.get(key);
            out.append(String.format("%-72s ", key));
            if ("Milliseconds".equals(unit)) {
                List<Double> sorted = list.stream().sorted().toList();
                out.append(String.format("n=%d p50=%.0f p90=%.0f max=%.0f ms", sorted.size(), rank(sorted, 0.5),
                        rank(sorted, 0.9), sorted.get(sorted.size() - 1)));
            } else {
                out.append(String.format("%.0f", list.stream().mapToDouble(Double::doubleValue).sum()));
            }
            out.append('\n');
        });
        return out.toString();
    }

    private static double rank(List<Double> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
    }
}
