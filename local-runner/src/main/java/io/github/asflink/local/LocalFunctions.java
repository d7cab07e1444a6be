package io.github.asflink.local;

import io.github.asflink.local.logmetrics.SessionMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * Loads the template's functions with their environments: what {@code serve}, {@code invoke} and {@code demo} share.
 */
final class LocalFunctions {
    static final String TOKEN_FUNCTION = "TokenFunction";
    static final String SKILL_FUNCTION = "SkillFunction";
    static final SamTemplate.Route DEFAULT_TOKEN_ROUTE = new SamTemplate.Route("POST", "/token");

    private final SamTemplate template;
    private final EnvVarsFile envVars;
    private final Map<String, String> process;
    private final Clock clock;
    private final PrintStream log;
    private final Map<String, Map<String, String>> defaults;
    private final SessionMetrics metrics;

    LocalFunctions(SamTemplate template, EnvVarsFile envVars, Map<String, String> process, Clock clock,
                   PrintStream log) {
        this(template, envVars, process, clock, log, Map.of(), SessionMetrics.from(template, clock));
    }

    private LocalFunctions(SamTemplate template, EnvVarsFile envVars, Map<String, String> process, Clock clock,
                           PrintStream log, Map<String, Map<String, String>> defaults, SessionMetrics metrics) {
        this.metrics = metrics;
        this.template = template;
        this.envVars = envVars;
        this.process = process;
        this.clock = clock;
        this.log = log;
        this.defaults = defaults;
    }

    /**
     * The same functions with the runner's defaults, by logical id: values a function gets only when the template,
     * the process environment and the env-vars file leave them unset or blank.
     */
    LocalFunctions withDefaults(Map<String, Map<String, String>> defaultsById) {
        return new LocalFunctions(template, envVars, process, clock, log, Map.copyOf(defaultsById), metrics);
    }

    /** What the template's metric filters make of every line these functions log (shared by all their loads). */
    SessionMetrics metrics() {
        return metrics;
    }

    static LocalFunctions from(Path templateFile, Path envVarsFile, Map<String, String> process, Clock clock,
                               PrintStream log) throws IOException {
        if (!Files.isRegularFile(templateFile)) {
            throw new IllegalArgumentException("no template at " + templateFile + " (use --template FILE)");
        }
        EnvVarsFile envVars = EnvVarsFile.EMPTY;
        if (envVarsFile != null) {
            if (!Files.isRegularFile(envVarsFile)) {
                throw new IllegalArgumentException("no env-vars file at " + envVarsFile);
            }
            envVars = EnvVarsFile.load(envVarsFile);
        }
        return new LocalFunctions(SamTemplate.load(templateFile), envVars, process, clock, log);
    }

    SamTemplate template() {
        return template;
    }

    boolean declares(String logicalId) {
        return template.function(logicalId).isPresent();
    }

    /** Loads one function; {@code runnerSettings} win over everything (the demo's login URL, say). */
    LocalFunction load(String logicalId, Map<String, String> runnerSettings) {
        SamTemplate.FunctionDefinition definition = template.function(logicalId).orElseThrow(() ->
                new IllegalArgumentException("template.yaml has no function '" + logicalId + "' (it has: "
                        + String.join(", ", template.functionIds()) + ")"));
        if (logicalId.equals(TOKEN_FUNCTION) && definition.routes().isEmpty()) {
            definition = new SamTemplate.FunctionDefinition(definition.logicalId(), definition.handler(),
                    definition.timeoutSeconds(), definition.memoryMb(), definition.environment(),
                    List.of(DEFAULT_TOKEN_ROUTE), definition.alexaSkill());
        }
        Map<String, String> env = FunctionEnvironment.compute(definition, process, envVars,
                defaults.getOrDefault(logicalId, Map.of()), runnerSettings,
                message -> log.println("local: " + message));
        String id = logicalId;
        return LocalFunction.load(definition, env, clock, log,
                (line, level, requestId) -> metrics.record(id, line, level, requestId));
    }

    /** The functions {@code serve} puts behind HTTP API routes (all but the skill). */
    List<String> httpFunctionIds() {
        List<String> ids = new ArrayList<>();
        for (String id : template.functionIds()) {
            SamTemplate.FunctionDefinition f = template.function(id).orElseThrow();
            if (!f.routes().isEmpty() || id.equals(TOKEN_FUNCTION)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The environment a function would get, for the browser link settings. */
    Map<String, String> environment(String logicalId, Map<String, String> runnerSettings) {
        return template.function(logicalId)
                .map(f -> FunctionEnvironment.compute(f, process, envVars, defaults.getOrDefault(logicalId, Map.of()),
                        runnerSettings, message -> { }))
                .orElse(Map.of());
    }
}
