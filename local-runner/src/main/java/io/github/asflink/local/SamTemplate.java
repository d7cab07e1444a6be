package io.github.asflink.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the local runner needs from {@code template.yaml}: each {@code AWS::Serverless::Function}'s handler, timeout,
 * memory, HTTP API routes and environment variables ({@code Globals.Function} merged with the function's own), with
 * intrinsics resolved the way {@code sam local} does: {@code !Ref Param} to the parameter's {@code Default}, pseudo
 * parameters to local values, {@code !Sub}, {@code !If} / {@code !Equals} / {@code !Not} / {@code !And} / {@code !Or}
 * and {@code !Join} evaluated; anything else (say {@code !GetAtt}) becomes an empty string.
 */
public final class SamTemplate {
    /** Lambda's own defaults, used when neither the function nor {@code Globals.Function} sets a value. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 3;
    public static final int DEFAULT_MEMORY_MB = 128;
    private static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "AWS::Region", "us-east-1", "AWS::AccountId", "123456789012", "AWS::StackName", "local",
            "AWS::Partition", "aws", "AWS::URLSuffix", "amazonaws.com");
    private static final Object NO_VALUE = new Object();

    /** An HTTP API route such as {@code POST /token}; method {@code ANY} matches every method. */
    public record Route(String method, String path) {
        boolean matches(String requestMethod, String requestPath) {
            return path.equals(requestPath) && (method.equals("ANY") || method.equalsIgnoreCase(requestMethod));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One function as the template declares it; {@code environment} holds the template's resolved values. */
    public record FunctionDefinition(String logicalId, String handler, int timeoutSeconds, int memoryMb,
                                     Map<String, String> environment, List<Route> routes, boolean alexaSkill) {
        /** The class part of {@code package.Class::method}. */
        public String handlerClass() {
            int sep = handler.indexOf("::");
            return sep < 0 ? handler : handler.substring(0, sep);
        }
    }

    private final Map<String, Object> root;

    private SamTemplate(Map<String, Object> root) {
        this.root = root;
    }

    public static SamTemplate load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static SamTemplate parse(String yaml) {
        return new SamTemplate(CloudFormationYaml.parse(yaml));
    }

    /** The logical ids of the template's functions, in template order. */
    public List<String> functionIds() {
        List<String> ids = new ArrayList<>();
        map(root.get("Resources")).forEach((id, resource) -> {
            if ("AWS::Serverless::Function".equals(map(resource).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    public Optional<FunctionDefinition> function(String logicalId) {
        Map<String, Object> resource = map(map(root.get("Resources")).get(logicalId));
        if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
            return Optional.empty();
        }
        Map<String, Object> properties = map(resource.get("Properties"));
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));

        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : List.of(globals, properties)) {
            map(map(source.get("Environment")).get("Variables")).forEach((name, value) -> {
                Object resolved = resolve(value);
                if (resolved == NO_VALUE) {
                    environment.remove(name);
                } else {
                    environment.put(name, text(resolved));
                }
            });
        }
        String handler = text(resolve(first(properties.get("Handler"), globals.get("Handler"), "")));
        int timeout = number(first(properties.get("Timeout"), globals.get("Timeout"), DEFAULT_TIMEOUT_SECONDS));
        int memory = number(first(properties.get("MemorySize"), globals.get("MemorySize"), DEFAULT_MEMORY_MB));

        List<Route> routes = new ArrayList<>();
        boolean alexaSkill = false;
        for (Object event : map(properties.get("Events")).values()) {
            Map<String, Object> e = map(event);
            Map<String, Object> eventProperties = map(e.get("Properties"));
            if ("HttpApi".equals(e.get("Type")) && eventProperties.get("Path") != null) {
                String method = text(resolve(first(eventProperties.get("Method"), null, "ANY")));
                routes.add(new Route(method.equalsIgnoreCase("ANY") || method.equals("x-amazon-apigateway-any-method")
                        ? "ANY" : method.toUpperCase(), text(resolve(eventProperties.get("Path")))));
            } else if ("AlexaSkill".equals(e.get("Type"))) {
                alexaSkill = true;
            }
        }
        return Optional.of(
                new FunctionDefinition(logicalId, handler, timeout, memory, environment, routes, alexaSkill));
    }

    /** Each resource of {@code type} by logical id, in template order: its Properties, intrinsics as written. */
    public Map<String, Map<String, Object>> resourceProperties(String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        map(root.get("Resources")).forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                out.put(id, map(map(resource).get("Properties")));
            }
        });
        return out;
    }

    /** A property value resolved as environment variables are (a resource's own name or ARN becomes empty). */
    public String resolvedText(Object value) {
        return text(resolve(value));
    }

    /** The logical id a {@code !Ref} names, or the resource a {@code !Sub "...${Id}..."} names; null otherwise. */
    public static String referencedResource(Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Object argument = m.values().iterator().next();
            if (m.containsKey("Ref")) {
                return text(argument);
            }
            if (m.containsKey("Fn::Sub")) {
                Matcher sub = Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(text(argument));
                return sub.find() ? sub.group(1) : null;
            }
        }
        return null;
    }

    // ---- intrinsics -------------------------------------------------------------------------------------------

    private Object resolve(Object value) {
        if (!(value instanceof Map<?, ?> m) || m.size() != 1) {
            return value;
        }
        String function = m.keySet().iterator().next().toString();
        Object argument = m.values().iterator().next();
        return switch (function) {
            case "Ref" -> ref(text(argument));
            case "Fn::Sub" -> sub(argument);
            case "Fn::If" -> {
                List<Object> args = list(argument);
                if (args.size() != 3) {
                    yield "";
                }
                yield resolve(condition(text(args.get(0))) ? args.get(1) : args.get(2));
            }
            case "Fn::Join" -> {
                List<Object> args = list(argument);
                if (args.size() != 2) {
                    yield "";
                }
                List<String> parts = new ArrayList<>();
                for (Object part : list(resolve(args.get(1)))) {
                    parts.add(text(resolve(part)));
                }
                yield String.join(text(args.get(0)), parts);
            }
            case "Fn::Select" -> {
                List<Object> args = list(argument);
                if (args.size() != 2) {
                    yield "";
                }
                List<Object> items = list(resolve(args.get(1)));
                int index = number(resolve(args.get(0)));
                yield index >= 0 && index < items.size() ? resolve(items.get(index)) : "";
            }
            case "Fn::Split" -> {
                List<Object> args = list(argument);
                if (args.size() != 2) {
                    yield List.of();
                }
                yield List.<Object>of(text(resolve(args.get(1))).split(Pattern.quote(text(args.get(0))), -1));
            }
            case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition" -> String.valueOf(evaluate(value));
            default -> "";
        };
    }

    private Object ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (PSEUDO_PARAMETERS.containsKey(name)) {
            return PSEUDO_PARAMETERS.get(name);
        }
        Object parameter = map(root.get("Parameters")).get(name);
        if (parameter != null) {
            Object def = map(parameter).get("Default");
            return def == null ? "" : text(def);
        }
        return ""; // a resource: has no local value
    }

    private String sub(Object argument) {
        String template;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> args && !args.isEmpty()) {
            template = text(args.get(0));
            variables = args.size() > 1 ? map(args.get(1)) : Map.of();
        } else {
            template = text(argument);
        }
        Matcher m = Pattern.compile("\\$\\{(!?)([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + "}";
            } else if (variables.containsKey(m.group(2))) {
                replacement = text(resolve(variables.get(m.group(2))));
            } else if (m.group(2).contains(".") && !m.group(2).startsWith("AWS::")) {
                replacement = ""; // ${Resource.Attribute}
            } else {
                Object r = ref(m.group(2));
                replacement = r == NO_VALUE ? "" : text(r);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private boolean condition(String name) {
        Object definition = map(root.get("Conditions")).get(name);
        return definition != null && evaluate(definition);
    }

    private boolean evaluate(Object condition) {
        if (!(condition instanceof Map<?, ?> m) || m.size() != 1) {
            return Boolean.parseBoolean(text(resolve(condition)));
        }
        String function = m.keySet().iterator().next().toString();
        Object argument = m.values().iterator().next();
        List<Object> args = argument instanceof List<?> ? list(argument) : List.of(argument);
        return switch (function) {
            case "Fn::Equals" -> args.size() == 2 && text(resolve(args.get(0))).equals(text(resolve(args.get(1))));
            case "Fn::Not" -> !args.isEmpty() && !evaluate(args.get(0));
            case "Fn::And" -> args.stream().allMatch(this::evaluate);
            case "Fn::Or" -> args.stream().anyMatch(this::evaluate);
            case "Condition" -> condition(text(argument));
            default -> Boolean.parseBoolean(text(resolve(condition)));
        };
    }

    // ---- plain YAML values ------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static Object first(Object a, Object b, Object fallback) {
        return a != null ? a : b != null ? b : fallback;
    }

    private int number(Object value) {
        Object resolved = resolve(value);
        try {
            return resolved instanceof Number n ? n.intValue() : Integer.parseInt(text(resolved).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number in the template, found '" + text(resolved) + "'");
        }
    }

    /** A scalar as an environment variable carries it ({@code 5400}, {@code true}); null becomes empty. */
    private static String text(Object value) {
        if (value == null || value == NO_VALUE) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }
}
