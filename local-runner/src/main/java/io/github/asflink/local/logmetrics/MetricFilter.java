package io.github.asflink.local.logmetrics;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.asflink.local.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code AWS::Logs::MetricFilter} of the template: which log group it reads (by logical id), whether it reads the
 * transformed events, its pattern, and the metric it publishes when the pattern selects an event.
 *
 * @param value       a number ({@code "1"}) or a selector ({@code $.line.upstreamLatencyMs})
 * @param dimensions  dimension name to selector, in template order
 */
public record MetricFilter(String logicalId, String logGroup, boolean transformed, FilterPattern pattern,
                           String namespace, String metricName, String value, String unit,
                           Map<String, String> dimensions) {

    /** One data point: what CloudWatch would publish for one selected event. */
    public record Datapoint(String metricName, Map<String, String> dimensions, double value, String unit) {
    }

    /** Every metric filter in the template, in template order. */
    public static List<MetricFilter> from(SamTemplate template) {
        List<MetricFilter> filters = new ArrayList<>();
        template.resourceProperties("AWS::Logs::MetricFilter").forEach((id, p) -> {
            List<?> transformations = p.get("MetricTransformations") instanceof List<?> l ? l : List.of();
            if (transformations.size() != 1 || !(transformations.get(0) instanceof Map<?, ?> t)) {
                throw new IllegalArgumentException(id + ": expected exactly one metric transformation");
            }
            Map<String, String> dimensions = new LinkedHashMap<>();
            if (t.get("Dimensions") instanceof List<?> dims) {
                for (Object d : dims) {
                    Map<?, ?> dimension = (Map<?, ?>) d;
                    dimensions.put(template.resolvedText(dimension.get("Key")),
                            template.resolvedText(dimension.get("Value")));
                }
            }
            filters.add(new MetricFilter(id, SamTemplate.referencedResource(p.get("LogGroupName")),
                    Boolean.parseBoolean(template.resolvedText(p.get("ApplyOnTransformedLogs"))),
                    FilterPattern.parse(template.resolvedText(p.get("FilterPattern"))),
                    template.resolvedText(t.get("MetricNamespace")), template.resolvedText(t.get("MetricName")),
                    template.resolvedText(t.get("MetricValue")), template.resolvedText(t.get("Unit")),
                    java.util.Collections.unmodifiableMap(dimensions)));
        });
        return filters;
    }

    /**
     * The data point for one event, or empty when the pattern does not select it, or when the value or a dimension
     * does not resolve (CloudWatch publishes nothing then: a non-numeric value, a missing dimension field).
     */
    public Optional<Datapoint> apply(JsonObject event) {
        if (!pattern.matches(event)) {
            return Optional.empty();
        }
        Double number;
        if (value.startsWith("$.")) {
            JsonElement field = FilterPattern.select(event, value);
            number = field != null && field.isJsonPrimitive() && field.getAsJsonPrimitive().isNumber()
                    ? field.getAsDouble() : null;
        } else {
            number = Double.valueOf(value);
        }
        if (number == null) {
            return Optional.empty();
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
            JsonElement field = FilterPattern.select(event, dimension.getValue());
            if (field == null || !field.isJsonPrimitive()) {
                return Optional.empty();
            }
            resolved.put(dimension.getKey(), field.getAsString());
        }
        return Optional.of(new Datapoint(metricName, resolved, number, unit));
    }
}
