package io.github.asflink.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An env-vars file in {@code sam local}'s format: {@code {"TokenFunction": {"VAR": "v"}, "Parameters": {"VAR": "v"}}}.
 * {@code Parameters} applies to every function, a function's own section wins over it.
 */
public final class EnvVarsFile {
    public static final EnvVarsFile EMPTY = new EnvVarsFile(Map.of());

    private final Map<String, Map<String, String>> sections;

    private EnvVarsFile(Map<String, Map<String, String>> sections) {
        this.sections = sections;
    }

    public static EnvVarsFile load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static EnvVarsFile parse(String json) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the env-vars file is not valid JSON");
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("the env-vars file must be a JSON object of sections");
        }
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> section : root.getAsJsonObject().entrySet()) {
            if (!section.getValue().isJsonObject()) {
                throw new IllegalArgumentException("env-vars section '" + section.getKey() + "' must be a JSON object");
            }
            Map<String, String> values = new LinkedHashMap<>();
            JsonObject variables = section.getValue().getAsJsonObject();
            for (Map.Entry<String, JsonElement> variable : variables.entrySet()) {
                JsonElement value = variable.getValue();
                if (!value.isJsonPrimitive()) {
                    throw new IllegalArgumentException("env-vars value of '" + section.getKey() + "."
                            + variable.getKey() + "' must be a string, number or boolean");
                }
                values.put(variable.getKey(), value.getAsString());
            }
            sections.put(section.getKey(), values);
        }
        return new EnvVarsFile(sections);
    }

    /** The overrides for one function: {@code Parameters}, then the function's own section on top. */
    public Map<String, String> forFunction(String logicalId) {
        Map<String, String> values = new LinkedHashMap<>(sections.getOrDefault("Parameters", Map.of()));
        values.putAll(sections.getOrDefault(logicalId, Map.of()));
        return values;
    }
}
