package io.github.asflink.local.logmetrics;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A log group's {@code AWS::Logs::Transformer}, the {@code ParseJSON} steps the template uses: the first parses the
 * whole event; each further one parses the JSON text in its {@code Source} field into {@code Destination} (the root
 * when none). A step whose source is missing or not JSON leaves the event as it was.
 */
public record LogTransformer(List<Step> steps) {

    /** One ParseJSON step; {@code source} null means the whole event. */
    public record Step(String source, String destination) {
    }

    /** Each log group's transformer, by the log group's logical id. */
    public static Map<String, LogTransformer> from(SamTemplate template) {
        Map<String, LogTransformer> out = new LinkedHashMap<>();
        template.resourceProperties("AWS::Logs::Transformer").forEach((id, p) -> {
            List<Step> steps = new ArrayList<>();
            for (Object processor : p.get("TransformerConfig") instanceof List<?> l ? l : List.of()) {
                Map<?, ?> step = (Map<?, ?>) processor;
                if (step.size() != 1 || !(step.get("ParseJSON") instanceof Map<?, ?> parse)) {
                    throw new IllegalArgumentException(id + ": only ParseJSON processors are supported, found "
                            + step.keySet());
                }
                steps.add(new Step(blankToNull(template.resolvedText(parse.get("Source"))),
                        blankToNull(template.resolvedText(parse.get("Destination")))));
            }
            out.put(SamTemplate.referencedResource(p.get("LogGroupIdentifier")),
                    new LogTransformer(List.copyOf(steps)));
        });
        return out;
    }

    /** The event as the metric filters with {@code ApplyOnTransformedLogs} see it; null when it is not JSON. */
    public JsonObject apply(String event) {
        JsonObject root = null;
        for (Step step : steps) {
            if (step.source() == null) {
                root = parseObject(event);
                continue;
            }
            if (root == null) {
                return null;
            }
            JsonElement source = FilterPattern.select(root, "$." + step.source());
            JsonObject parsed = source != null && source.isJsonPrimitive() ? parseObject(source.getAsString()) : null;
            if (parsed == null) {
                continue;
            }
            if (step.destination() == null) {
                for (Map.Entry<String, JsonElement> field : parsed.entrySet()) {
                    root.add(field.getKey(), field.getValue());
                }
            } else {
                root.add(step.destination(), parsed);
            }
        }
        return root;
    }

    static JsonObject parseObject(String text) {
        try {
            JsonElement element = JsonParser.parseString(text);
            return element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
