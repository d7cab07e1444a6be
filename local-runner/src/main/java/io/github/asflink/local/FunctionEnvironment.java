package io.github.asflink.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A function's environment as {@code sam local} computes it, lowest to highest precedence: the template's values,
 * the process environment, the env-vars file ({@code Parameters}, then the function's section). Like {@code sam
 * local}, only variables the template declares can be overridden; others are ignored with a warning. The local
 * runner's defaults fill what is still unset or blank (the demo connected app's consumer key, say); the runner's own
 * settings (the demo's login URL) come last, and Lambda's reserved variables are added.
 */
public final class FunctionEnvironment {
    private FunctionEnvironment() {
    }

    public static Map<String, String> compute(SamTemplate.FunctionDefinition function, Map<String, String> process,
                                              EnvVarsFile file, Map<String, String> runnerSettings,
                                              Consumer<String> warn) {
        return compute(function, process, file, Map.of(), runnerSettings, warn);
    }

    public static Map<String, String> compute(SamTemplate.FunctionDefinition function, Map<String, String> process,
                                              EnvVarsFile file, Map<String, String> defaults,
                                              Map<String, String> runnerSettings, Consumer<String> warn) {
        Map<String, String> env = new LinkedHashMap<>(function.environment());
        for (String name : function.environment().keySet()) {
            if (process.containsKey(name)) {
                env.put(name, process.get(name));
            }
        }
        TreeSet<String> ignored = new TreeSet<>();
        file.forFunction(function.logicalId()).forEach((name, value) -> {
            if (function.environment().containsKey(name)) {
                env.put(name, value);
            } else {
                ignored.add(name);
            }
        });
        if (!ignored.isEmpty()) {
            warn.accept("env-vars: " + function.logicalId() + " does not declare " + String.join(", ", ignored)
                    + " in template.yaml; ignored (as sam local does)");
        }
        defaults.forEach((name, value) -> {
            if (env.getOrDefault(name, "").isBlank()) {
                env.put(name, value);
            }
        });
        env.putAll(runnerSettings);
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.putIfAbsent("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.putIfAbsent("AWS_REGION", "us-east-1");
        env.putIfAbsent("AWS_DEFAULT_REGION", "us-east-1");
        return Map.copyOf(env);
    }
}
