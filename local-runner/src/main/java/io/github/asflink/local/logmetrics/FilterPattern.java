package io.github.asflink.local.logmetrics;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A CloudWatch Logs JSON filter pattern, the subset the template uses: {@code { $.a.b = "text" }}, {@code !=},
 * numeric {@code > < >= <=}, {@code &&}, {@code ||}, parentheses, and {@code *} as a wildcard in string values.
 * Anything else ({@code IS NULL}, {@code EXISTS}, arrays, regular expressions) is refused when parsed, so a template
 * that starts using it fails the proof instead of being matched wrongly. A comparison on a field the event lacks, or
 * whose value has the other type (a number against a string), is false: a renamed field selects nothing.
 */
public final class FilterPattern {

    private final Condition condition;
    private final String text;

    private FilterPattern(Condition condition, String text) {
        this.condition = condition;
        this.text = text;
    }

    /** Parses {@code { ... }}; throws {@link IllegalArgumentException} naming what is outside the subset. */
    public static FilterPattern parse(String text) {
        Parser parser = new Parser(text);
        Condition condition = parser.pattern();
        return new FilterPattern(condition, text);
    }

    /** Whether the (JSON) log event is selected. */
    public boolean matches(JsonObject event) {
        return condition.test(event);
    }

    /** The selectors the pattern reads ({@code $.line.outcome}), in order. */
    public List<String> selectors() {
        List<String> out = new ArrayList<>();
        condition.collect(out);
        return out;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The value at {@code $.a.b} in the event, or null when a step is missing or not an object. */
    static JsonElement select(JsonObject event, String selector) {
        JsonElement current = event;
        for (String step : selector.substring(2).split("\\.")) {
            if (current == null || !current.isJsonObject()) {
                return null;
            }
            current = current.getAsJsonObject().get(step);
        }
        return current == null || current.isJsonNull() ? null : current;
    }

    private sealed interface Condition {
        boolean test(JsonObject event);

        void collect(List<String> selectors);
    }

    private record Or(List<Condition> parts) implements Condition {
        public boolean test(JsonObject event) {
            return parts.stream().anyMatch(p -> p.test(event));
        }

        public void collect(List<String> selectors) {
            parts.forEach(p -> p.collect(selectors));
        }
    }

    private record And(List<Condition> parts) implements Condition {
        public boolean test(JsonObject event) {
            return parts.stream().allMatch(p -> p.test(event));
        }

        public void collect(List<String> selectors) {
            parts.forEach(p -> p.collect(selectors));
        }
    }

    private record Comparison(String selector, String operator, String value, boolean quoted) implements Condition {
        public boolean test(JsonObject event) {
            JsonElement field = select(event, selector);
            if (field == null || !field.isJsonPrimitive()) {
                return false;
            }
            JsonPrimitive primitive = field.getAsJsonPrimitive();
            Double number = quoted ? null : number(value);
            if (number != null) {
                if (!primitive.isNumber()) {
                    return false;
                }
                int order = Double.compare(primitive.getAsDouble(), number);
                return switch (operator) {
                    case "=" -> order == 0;
                    case "!=" -> order != 0;
                    case ">" -> order > 0;
                    case "<" -> order < 0;
                    case ">=" -> order >= 0;
                    default -> order <= 0;
                };
            }
            if (!primitive.isString()) {
                return false;
            }
            boolean equal = glob(value).matcher(primitive.getAsString()).matches();
            return operator.equals("=") == equal;
        }

        public void collect(List<String> selectors) {
            selectors.add(selector);
        }

        private static Pattern glob(String value) {
            return Pattern.compile(Arrays.stream(value.split("\\*", -1)).map(Pattern::quote)
                    .collect(Collectors.joining(".*")), Pattern.DOTALL);
        }
    }

    private static Double number(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Recursive descent over the pattern text. */
    private static final class Parser {
        private static final Pattern SELECTOR = Pattern.compile("\\$(\\.[A-Za-z0-9_]+)+");
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Condition pattern() {
            expect("{");
            Condition condition = or();
            expect("}");
            skipSpace();
            if (at != text.length()) {
                throw refuse("text after the closing brace");
            }
            return condition;
        }

        private Condition or() {
            List<Condition> parts = new ArrayList<>(List.of(and()));
            while (take("||")) {
                parts.add(and());
            }
            return parts.size() == 1 ? parts.get(0) : new Or(List.copyOf(parts));
        }

        private Condition and() {
            List<Condition> parts = new ArrayList<>(List.of(unary()));
            while (take("&&")) {
                parts.add(unary());
            }
            return parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
        }

        private Condition unary() {
            if (take("(")) {
                Condition inner = or();
                expect(")");
                return inner;
            }
            skipSpace();
            var selector = SELECTOR.matcher(text).region(at, text.length());
            if (!selector.lookingAt()) {
                throw refuse("expected a selector such as $.field");
            }
            at = selector.end();
            String operator = operator();
            skipSpace();
            if (at < text.length() && text.charAt(at) == '"') {
                int end = text.indexOf('"', at + 1);
                if (end < 0) {
                    throw refuse("unterminated string");
                }
                String value = text.substring(at + 1, end);
                if (value.contains("\\")) {
                    throw refuse("escapes in strings");
                }
                at = end + 1;
                requireEquality(operator);
                return new Comparison(selector.group(), operator, value, true);
            }
            int start = at;
            while (at < text.length() && " \t\r\n()&|}\"".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String value = text.substring(start, at);
            if (value.isEmpty() || value.equals("IS") || value.equals("NOT") || value.equals("EXISTS")) {
                throw refuse("expected a value");
            }
            if (value.startsWith("%")) {
                throw refuse("regular expressions");
            }
            if (number(value) == null) {
                requireEquality(operator);
            }
            return new Comparison(selector.group(), operator, value, false);
        }

        private String operator() {
            skipSpace();
            for (String op : List.of("!=", ">=", "<=", "=", ">", "<")) {
                if (text.startsWith(op, at)) {
                    at += op.length();
                    return op;
                }
            }
            throw refuse("expected one of = != > < >= <= (IS, EXISTS and the like are not supported)");
        }

        private void requireEquality(String operator) {
            if (!operator.equals("=") && !operator.equals("!=")) {
                throw refuse("a string compared with " + operator);
            }
        }

        private boolean take(String token) {
            skipSpace();
            if (text.startsWith(token, at)) {
                at += token.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!take(token)) {
                throw refuse("expected '" + token + "'");
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException refuse(String what) {
            return new IllegalArgumentException("filter pattern outside the supported subset at " + at + ": " + what
                    + " in " + text);
        }
    }
}
