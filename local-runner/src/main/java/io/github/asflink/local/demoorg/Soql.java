package io.github.asflink.local.demoorg;

import io.github.asflink.local.demoorg.SObjectType.Field;
import io.github.asflink.local.demoorg.SObjectType.FieldType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The SOQL subset the skill uses: {@code SELECT fields | COUNT() | COUNT(f) alias, SUM(f) alias FROM Obj
 * [USING SCOPE mine|everything] [WHERE ...] [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n]}, conditions
 * joined with AND / OR (parentheses and NOT too), operators {@code = != <> < <= > >=} and {@code IN (...)}, literals
 * 'strings' (with backslash escapes), numbers, true/false/null, ISO dates and TODAY. Text compares case-insensitively,
 * as in Salesforce; a picklist sorts in its value order (Case.Priority: High, Medium, Low). Aggregates without GROUP BY
 * answer one {@code AggregateResult} row over every match, whatever its size.
 */
final class Soql {
    /**
     * A query's answer: the selected records (each with its fields in SELECT order, or an aggregate's aliases), or
     * only a count. {@code recordType} is the object's name, or {@code AggregateResult}; {@code ids} are the
     * records' ids, selected or not (Salesforce names each record's URL with it), empty for aggregates.
     */
    record Result(int totalSize, List<Map<String, Object>> records, String recordType, List<String> ids) {
        static final String AGGREGATE = "AggregateResult";

        Result(int totalSize, List<Map<String, Object>> records, String recordType) {
            this(totalSize, records, recordType, List.of());
        }

        boolean aggregate() {
            return AGGREGATE.equals(recordType);
        }
    }

    /** One item of an aggregate SELECT list: {@code COUNT(field) alias} or {@code SUM(field) alias}. */
    private record Aggregate(String function, Field field, String alias) {
        Object over(List<Map<String, Object>> rows) {
            List<Object> values = rows.stream().map(r -> r.get(field.name())).filter(v -> v != null).toList();
            if (function.equals("COUNT")) {
                return values.size();
            }
            // SUM of no values is null, as in Salesforce (never 0).
            return values.isEmpty() ? null : values.stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
        }
    }

    private final DemoData data;
    private final Clock clock;

    Soql(DemoData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    /** Runs a query as {@code userId} (what {@code USING SCOPE mine} means); null runs it as nobody. */
    Result run(String soql, String userId) throws SoqlException {
        return new Parser(tokenize(soql), userId).query();
    }

    Result run(String soql) throws SoqlException {
        return run(soql, null);
    }

    // ---- tokens ------------------------------------------------------------------------------------------------

    private enum Kind { WORD, STRING, NUMBER, DATE, OPERATOR, COMMA, OPEN, CLOSE, END }

    private record Token(Kind kind, String text) {
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }
    }

    private static List<Token> tokenize(String s) throws SoqlException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == ',') {
                tokens.add(new Token(Kind.COMMA, ","));
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "("));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")"));
                i++;
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw malformed("unterminated string literal");
                    }
                    char d = s.charAt(i);
                    if (d == '\\') {
                        if (i + 1 >= s.length()) {
                            throw malformed("unterminated string literal");
                        }
                        char e = s.charAt(i + 1);
                        switch (e) {
                            case '\'', '\\', '"' -> value.append(e);
                            case 'n' -> value.append('\n');
                            case 'r' -> value.append('\r');
                            case 't' -> value.append('\t');
                            case 'b' -> value.append('\b');
                            case 'f' -> value.append('\f');
                            case '_', '%' -> value.append('\\').append(e);
                            default -> throw malformed("invalid escape sequence \\" + e);
                        }
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                tokens.add(new Token(Kind.STRING, value.toString()));
            } else if ("=!<>".indexOf(c) >= 0) {
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                if (two.equals("!=") || two.equals("<>") || two.equals("<=") || two.equals(">=")) {
                    tokens.add(new Token(Kind.OPERATOR, two.equals("<>") ? "!=" : two));
                    i += 2;
                } else if (c == '!') {
                    throw malformed("unexpected token: '!'");
                } else {
                    tokens.add(new Token(Kind.OPERATOR, String.valueOf(c)));
                    i++;
                }
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '-')) {
                    i++;
                }
                String text = s.substring(start, i);
                tokens.add(new Token(text.matches("\\d{4}-\\d{2}-\\d{2}") ? Kind.DATE : Kind.NUMBER, text));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, s.substring(start, i)));
            } else {
                throw malformed("unexpected token: '" + c + "'");
            }
        }
        tokens.add(new Token(Kind.END, ""));
        return tokens;
    }

    private static SoqlException malformed(String message) {
        return SoqlException.malformed(message);
    }

    // ---- parsing and evaluation -------------------------------------------------------------------------------

    private final class Parser {
        private final List<Token> tokens;
        private final String userId;
        private int pos;
        private SObjectType type;

        Parser(List<Token> tokens, String userId) {
            this.tokens = tokens;
            this.userId = userId;
        }

        /** {@code COUNT(f) alias}, {@code SUM(f) alias}: the function, field name and alias (null when none). */
        private record AggregateItem(String function, String field, String alias) {
        }

        Result query() throws SoqlException {
            expectKeyword("SELECT");
            boolean count = false;
            List<String> selected = new ArrayList<>();
            List<AggregateItem> aggregateItems = new ArrayList<>();
            if (peek().is("COUNT") && tokens.get(pos + 1).kind() == Kind.OPEN
                    && tokens.get(pos + 2).kind() == Kind.CLOSE) {
                pos += 3;
                count = true;
            } else {
                do {
                    if ((peek().is("COUNT") || peek().is("SUM")) && tokens.get(pos + 1).kind() == Kind.OPEN) {
                        String function = next().text().toUpperCase(Locale.ROOT);
                        expect(Kind.OPEN);
                        String field = word("a field name");
                        expect(Kind.CLOSE);
                        String alias = peek().kind() == Kind.WORD && !peek().is("FROM") ? next().text() : null;
                        aggregateItems.add(new AggregateItem(function, field, alias));
                    } else {
                        selected.add(word("a field name"));
                    }
                } while (accept(Kind.COMMA));
            }
            expectKeyword("FROM");
            String objectName = word("an object name");
            type = data.object(objectName).orElseThrow(() -> SoqlException.invalidType(objectName));
            List<Field> fields = new ArrayList<>();
            for (String name : selected) {
                fields.add(field(name));
            }
            List<Aggregate> aggregates = aggregates(aggregateItems);
            if (!aggregates.isEmpty() && !fields.isEmpty()) {
                throw malformed("Field must be grouped or aggregated: " + fields.get(0).name());
            }
            Predicate<Map<String, Object>> where = r -> true;
            if (acceptKeyword("USING")) {
                expectKeyword("SCOPE");
                where = scope(word("a scope"));
            }
            if (acceptKeyword("WHERE")) {
                where = where.and(orCondition());
            }
            Comparator<Map<String, Object>> order = null;
            if (acceptKeyword("ORDER")) {
                expectKeyword("BY");
                do {
                    Comparator<Map<String, Object>> next = orderItem();
                    order = order == null ? next : order.thenComparing(next);
                } while (accept(Kind.COMMA));
            }
            int limit = Integer.MAX_VALUE;
            if (acceptKeyword("LIMIT")) {
                Token n = next();
                if (n.kind() != Kind.NUMBER || !n.text().matches("\\d+")) {
                    throw malformed("LIMIT must be a non-negative integer");
                }
                limit = Integer.parseInt(n.text());
            }
            if (peek().kind() != Kind.END) {
                throw malformed("unexpected token: '" + peek().text() + "'");
            }

            List<Map<String, Object>> matched = new ArrayList<>(type.records().stream().filter(where).toList());
            if (!aggregates.isEmpty()) {
                // Without GROUP BY an aggregate query answers one row over every match: exact at any size.
                Map<String, Object> row = new LinkedHashMap<>();
                for (Aggregate aggregate : aggregates) {
                    row.put(aggregate.alias(), aggregate.over(matched));
                }
                List<Map<String, Object>> rows = limit == 0 ? List.of() : List.of(row);
                return new Result(rows.size(), rows, Result.AGGREGATE);
            }
            if (order != null) {
                matched.sort(order);
            }
            if (matched.size() > limit) {
                matched = matched.subList(0, limit);
            }
            if (count) {
                return new Result(matched.size(), List.of(), type.name());
            }
            List<Map<String, Object>> records = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Map<String, Object> row : matched) {
                Map<String, Object> record = new LinkedHashMap<>();
                for (Field f : fields) {
                    record.put(f.name(), row.get(f.name()));
                }
                records.add(record);
                ids.add(String.valueOf(row.get("Id")));
            }
            return new Result(records.size(), records, type.name(), ids);
        }

        /** The aggregates with their result names: the alias, or Salesforce's {@code expr0}, {@code expr1}, ... */
        private List<Aggregate> aggregates(List<AggregateItem> items) throws SoqlException {
            List<Aggregate> aggregates = new ArrayList<>();
            int unnamed = 0;
            for (AggregateItem item : items) {
                Field f = field(item.field());
                if (item.function().equals("SUM") && f.type() != FieldType.CURRENCY) {
                    throw malformed("field " + f.name() + " does not support aggregate operator SUM");
                }
                aggregates.add(new Aggregate(item.function(), f,
                        item.alias() != null ? item.alias() : "expr" + unnamed++));
            }
            return aggregates;
        }

        /** {@code USING SCOPE mine}: the records the running user owns; {@code everything}: no filter. */
        private Predicate<Map<String, Object>> scope(String scope) throws SoqlException {
            if (scope.equalsIgnoreCase("everything")) {
                return r -> true;
            }
            if (!scope.equalsIgnoreCase("mine")) {
                throw malformed("unsupported scope: " + scope);
            }
            Field owner = type.field("OwnerId").orElseThrow(() ->
                    malformed("USING SCOPE mine is not supported for " + type.name()));
            return r -> userId != null && compare(owner, r.get(owner.name()), userId) == 0;
        }

        private Predicate<Map<String, Object>> orCondition() throws SoqlException {
            Predicate<Map<String, Object>> left = andCondition();
            while (acceptKeyword("OR")) {
                left = left.or(andCondition());
            }
            return left;
        }

        private Predicate<Map<String, Object>> andCondition() throws SoqlException {
            Predicate<Map<String, Object>> left = simpleCondition();
            while (acceptKeyword("AND")) {
                left = left.and(simpleCondition());
            }
            return left;
        }

        private Predicate<Map<String, Object>> simpleCondition() throws SoqlException {
            if (accept(Kind.OPEN)) {
                Predicate<Map<String, Object>> inner = orCondition();
                expect(Kind.CLOSE);
                return inner;
            }
            if (acceptKeyword("NOT")) {
                return simpleCondition().negate();
            }
            Field f = field(word("a field name"));
            if (acceptKeyword("IN")) {
                expect(Kind.OPEN);
                List<Object> values = new ArrayList<>();
                do {
                    values.add(literal(f));
                } while (accept(Kind.COMMA));
                expect(Kind.CLOSE);
                return r -> values.stream().anyMatch(v -> compare(f, r.get(f.name()), v) == 0);
            }
            Token op = next();
            if (op.kind() != Kind.OPERATOR) {
                throw malformed("expecting an operator, found '" + op.text() + "'");
            }
            Object value = literal(f);
            return switch (op.text()) {
                case "=" -> r -> compare(f, r.get(f.name()), value) == 0;
                case "!=" -> r -> compare(f, r.get(f.name()), value) != 0;
                default -> {
                    if (value == null) {
                        throw malformed("null can only be compared with = or !=");
                    }
                    String o = op.text();
                    yield r -> {
                        Object actual = r.get(f.name());
                        if (actual == null) {
                            return false;
                        }
                        int c = compare(f, actual, value);
                        return switch (o) {
                            case "<" -> c < 0;
                            case "<=" -> c <= 0;
                            case ">" -> c > 0;
                            default -> c >= 0;
                        };
                    };
                }
            };
        }

        /** A literal, checked against the field's type as Salesforce does ("must be of type date ..."). */
        private Object literal(Field f) throws SoqlException {
            Token t = next();
            if (t.is("null")) {
                return null;
            }
            try {
                return switch (f.type()) {
                    case BOOLEAN -> {
                        if (t.is("true") || t.is("false")) {
                            yield Boolean.parseBoolean(t.text().toLowerCase(Locale.ROOT));
                        }
                        throw typeMismatch(f, "boolean");
                    }
                    case CURRENCY -> {
                        if (t.kind() != Kind.NUMBER) {
                            throw typeMismatch(f, "double");
                        }
                        yield Double.parseDouble(t.text());
                    }
                    case DATE -> {
                        if (t.is("TODAY")) {
                            yield LocalDate.now(clock);
                        }
                        if (t.kind() != Kind.DATE) {
                            throw SoqlException.invalidFilter("value of filter criterion for field '" + f.name()
                                    + "' must be of type date and should not be enclosed in quotes");
                        }
                        yield LocalDate.parse(t.text());
                    }
                    default -> {
                        if (t.kind() != Kind.STRING) {
                            throw typeMismatch(f, "string");
                        }
                        yield t.text();
                    }
                };
            } catch (NumberFormatException | DateTimeParseException e) {
                throw malformed("invalid literal for field '" + f.name() + "'");
            }
        }

        private SoqlException typeMismatch(Field f, String expected) {
            return SoqlException.invalidFilter(
                    "value of filter criterion for field '" + f.name() + "' must be of type " + expected);
        }

        private Comparator<Map<String, Object>> orderItem() throws SoqlException {
            Field f = field(word("a field name"));
            boolean descending = false;
            if (acceptKeyword("DESC")) {
                descending = true;
            } else {
                acceptKeyword("ASC");
            }
            boolean nullsFirst = !descending; // Salesforce's default: nulls first ascending, last descending
            if (acceptKeyword("NULLS")) {
                if (acceptKeyword("LAST")) {
                    nullsFirst = false;
                } else {
                    expectKeyword("FIRST");
                    nullsFirst = true;
                }
            }
            Comparator<Object> values = (a, b) -> compare(f, a, b);
            if (descending) {
                values = values.reversed();
            }
            Comparator<Object> withNulls = nullsFirst ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
            return (a, b) -> withNulls.compare(a.get(f.name()), b.get(f.name()));
        }

        private Field field(String name) throws SoqlException {
            return type.field(name).orElseThrow(() -> SoqlException.noSuchField(name, type.name()));
        }

        private String word(String what) throws SoqlException {
            Token t = next();
            if (t.kind() != Kind.WORD) {
                throw malformed("expecting " + what + ", found '" + t.text() + "'");
            }
            return t.text();
        }

        private Token peek() {
            return tokens.get(pos);
        }

        private Token next() {
            Token t = tokens.get(pos);
            if (t.kind() != Kind.END) {
                pos++;
            }
            return t;
        }

        private boolean accept(Kind kind) {
            if (peek().kind() == kind) {
                pos++;
                return true;
            }
            return false;
        }

        private boolean acceptKeyword(String keyword) {
            if (peek().is(keyword)) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(Kind kind) throws SoqlException {
            if (!accept(kind)) {
                throw malformed("unexpected token: '" + peek().text() + "'");
            }
        }

        private void expectKeyword(String keyword) throws SoqlException {
            if (!acceptKeyword(keyword)) {
                throw malformed("expecting " + keyword + ", found '" + peek().text() + "'");
            }
        }
    }

    /** Compares two values of a field; null equals only null. Text and ids ignore case, picklists use value order. */
    @SuppressWarnings("unchecked")
    private static int compare(Field f, Object a, Object b) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? -1 : 1);
        }
        if (f.type() == FieldType.PICKLIST && !f.picklistOrder().isEmpty()) {
            int ia = indexIgnoreCase(f.picklistOrder(), a.toString());
            int ib = indexIgnoreCase(f.picklistOrder(), b.toString());
            if (ia >= 0 && ib >= 0) {
                return Integer.compare(ia, ib);
            }
        }
        if (f.type() == FieldType.ID) {
            String x = a.toString();
            String y = b.toString();
            if (x.length() == 15 && y.length() == 18) {
                y = y.substring(0, 15);
            } else if (x.length() == 18 && y.length() == 15) {
                x = x.substring(0, 15);
            }
            return x.compareToIgnoreCase(y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareToIgnoreCase(y);
        }
        return ((Comparable<Object>) a).compareTo(b);
    }

    private static int indexIgnoreCase(List<String> values, String value) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equalsIgnoreCase(value)) {
                return i;
            }
        }
        return -1;
    }
}
