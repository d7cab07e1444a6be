package io.github.asflink.local.demoorg;

import io.github.asflink.local.demoorg.SObjectType.Field;
import io.github.asflink.local.demoorg.SObjectType.FieldType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the SOQL the skill sends, and refuses the rest with {@code 400 MALFORMED_QUERY} rather than guess:
 * <pre>
 * SELECT fields | COUNT() | COUNT(f) [alias], SUM(f) [alias], ...
 * FROM Object [USING SCOPE mine]
 * [WHERE condition AND condition ...]       condition: field (= | != | &lt; | &lt;= | &gt; | &gt;=) literal
 *                                                       | field LIKE 'pattern'
 * [ORDER BY field [ASC|DESC] [NULLS FIRST|LAST], ...]
 * [LIMIT n]
 * </pre>
 * Literals: 'strings' (escapes {@code \' \" \\}, and {@code \% \_} in LIKE patterns), numbers, true/false,
 * dates {@code 2026-12-02}, datetimes {@code 2026-12-02T08:00:00Z} (or {@code +hh:mm}). No OR, NOT, IN,
 * parentheses, subqueries, GROUP BY, relationship fields, date literals such as TODAY, or other functions. Text
 * compares (and LIKE matches) case-insensitively, as in Salesforce; a picklist sorts in its value order. Aggregates
 * without GROUP BY answer one {@code AggregateResult} row over every match, whatever its size.
 */
final class SoqlInterpreter {
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

    /** Words SOQL reserves: never a field name or alias, so a query using one is refused as a query, not a field. */
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "IN", "INCLUDES", "EXCLUDES", "LIKE",
            "SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "LIMIT", "OFFSET", "USING", "SCOPE", "NULLS",
            "FIRST", "LAST", "ASC", "DESC", "WITH", "FOR", "TYPEOF", "NULL", "TRUE", "FALSE", "ROLLUP", "CUBE");
    private static final Pattern DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private final DemoData data;

    SoqlInterpreter(DemoData data) {
        this.data = data;
    }

    /** Runs a query as {@code userId} (what {@code USING SCOPE mine} means); null runs it as nobody. */
    Result run(String soql, String userId) throws SoqlException {
        return new Parser(tokenize(soql), userId).query();
    }

    // ---- tokens ------------------------------------------------------------------------------------------------

    private enum Kind { WORD, STRING, NUMBER, DATE, DATETIME, OPERATOR, COMMA, OPEN, CLOSE, END }

    /** A token; a STRING's {@code text} is its value and {@code like} the regular expression it means after LIKE. */
    private record Token(Kind kind, String text, String like) {
        Token(Kind kind, String text) {
            this(kind, text, null);
        }

        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean reserved() {
            return kind == Kind.WORD && RESERVED.contains(text.toUpperCase(Locale.ROOT));
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
                i = string(s, i, tokens);
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
            } else if (Character.isDigit(c)) {
                i = literal(s, i, tokens);
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, s.substring(start, i)));
            } else {
                throw malformed("unexpected token: '" + c + "'");
            }
        }
        tokens.add(new Token(Kind.END, "end of query"));
        return tokens;
    }

    /** A datetime, a date or a number starting at {@code start}; returns where it ends. */
    private static int literal(String s, int start, List<Token> tokens) throws SoqlException {
        for (Map.Entry<Pattern, Kind> form : List.of(Map.entry(DATETIME, Kind.DATETIME), Map.entry(DATE, Kind.DATE),
                Map.entry(NUMBER, Kind.NUMBER))) {
            Matcher m = form.getKey().matcher(s).region(start, s.length());
            if (m.lookingAt()) {
                int end = m.end();
                if (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '.'
                        || s.charAt(end) == ':')) {
                    break;
                }
                tokens.add(new Token(form.getValue(), m.group()));
                return end;
            }
        }
        int end = start;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && ",()".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        throw malformed("unexpected token: '" + s.substring(start, end) + "'");
    }

    /**
     * A quoted string starting at {@code start}: its value ({@code \'}, {@code \"}, {@code \\} unescaped; {@code \%}
     * and {@code \_} kept as written, since they mean something only to LIKE) and its LIKE pattern ({@code %} any
     * run, {@code _} one character, escaped ones literal). Returns where it ends.
     */
    private static int string(String s, int start, List<Token> tokens) throws SoqlException {
        StringBuilder value = new StringBuilder();
        StringBuilder like = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= s.length()) {
                throw malformed("unterminated string literal: " + s.substring(start));
            }
            char d = s.charAt(i);
            if (d == '\\') {
                if (i + 1 >= s.length()) {
                    throw malformed("unterminated string literal: " + s.substring(start));
                }
                char e = s.charAt(i + 1);
                switch (e) {
                    case '\'', '\\', '"' -> value.append(e);
                    case '_', '%' -> value.append('\\').append(e);
                    default -> throw malformed("Invalid string literal '" + s.substring(start, Math.min(s.length(),
                            i + 2)) + "'. Illegal character sequence '\\" + e + "' in string literal.");
                }
                like.append(Pattern.quote(String.valueOf(e)));
                i += 2;
            } else if (d == '\'') {
                tokens.add(new Token(Kind.STRING, value.toString(), like.toString()));
                return i + 1;
            } else {
                value.append(d);
                like.append(switch (d) {
                    case '%' -> ".*";
                    case '_' -> ".";
                    default -> Pattern.quote(String.valueOf(d));
                });
                i++;
            }
        }
    }

    private static SoqlException malformed(String message) {
        return SoqlException.malformed(message);
    }

    private static SoqlException unexpected(Token token) {
        return malformed("unexpected token: '" + token.text() + "'");
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
            if (peek().is("COUNT") && ahead(1).kind() == Kind.OPEN && ahead(2).kind() == Kind.CLOSE) {
                pos += 3;
                count = true;
            } else {
                do {
                    if ((peek().is("COUNT") || peek().is("SUM")) && ahead(1).kind() == Kind.OPEN) {
                        String function = next().text().toUpperCase(Locale.ROOT);
                        expect(Kind.OPEN);
                        String field = fieldName();
                        expect(Kind.CLOSE);
                        String alias = peek().kind() == Kind.WORD && !peek().reserved() ? next().text() : null;
                        aggregateItems.add(new AggregateItem(function, field, alias));
                    } else {
                        selected.add(fieldName());
                    }
                } while (accept(Kind.COMMA));
            }
            expectKeyword("FROM");
            Token objectName = next();
            if (objectName.kind() != Kind.WORD || objectName.reserved()) {
                throw unexpected(objectName);
            }
            type = data.object(objectName.text()).orElseThrow(() -> SoqlException.invalidType(objectName.text()));
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
                where = mine();
            }
            if (acceptKeyword("WHERE")) {
                do {
                    where = where.and(condition());
                } while (acceptKeyword("AND"));
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
                if (n.kind() != Kind.NUMBER || !n.text().matches("\\d{1,9}")) {
                    throw malformed("LIMIT must be a non-negative integer, found '" + n.text() + "'");
                }
                limit = Integer.parseInt(n.text());
            }
            if (peek().kind() != Kind.END) {
                throw unexpected(peek());
            }
            return answer(where, order, limit, count, fields, aggregates);
        }

        private Result answer(Predicate<Map<String, Object>> where, Comparator<Map<String, Object>> order, int limit,
                              boolean count, List<Field> fields, List<Aggregate> aggregates) {
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

        /** {@code USING SCOPE mine}: the records the running user owns (the only scope the skill uses). */
        private Predicate<Map<String, Object>> mine() throws SoqlException {
            Token scope = next();
            if (!scope.is("mine")) {
                throw unexpected(scope);
            }
            Field owner = type.field("OwnerId").orElseThrow(() ->
                    malformed("USING SCOPE mine is not supported for " + type.name()));
            return r -> userId != null && compare(owner, r.get(owner.name()), userId) == 0;
        }

        private Predicate<Map<String, Object>> condition() throws SoqlException {
            Field f = field(fieldName());
            if (acceptKeyword("LIKE")) {
                Token t = next();
                if (t.kind() != Kind.STRING) {
                    throw unexpected(t);
                }
                if (!f.isText()) {
                    throw SoqlException.invalidFilter("invalid operator on " + f.type().name().toLowerCase(Locale.ROOT)
                            + " field " + f.name() + ": LIKE");
                }
                Pattern like = Pattern.compile(t.like(),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
                return r -> r.get(f.name()) != null && like.matcher(r.get(f.name()).toString()).matches();
            }
            Token op = next();
            if (op.kind() != Kind.OPERATOR) {
                throw unexpected(op);
            }
            Object value = literal(f);
            String o = op.text();
            return r -> {
                Object actual = r.get(f.name());
                if (actual == null) {
                    return o.equals("!=");
                }
                int c = compare(f, actual, value);
                return switch (o) {
                    case "=" -> c == 0;
                    case "!=" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            };
        }

        /** A literal, checked against the field's type as Salesforce does ("must be of type date ..."). */
        private Object literal(Field f) throws SoqlException {
            Token t = next();
            if (t.kind() == Kind.WORD && !(t.is("true") || t.is("false"))) {
                throw unexpected(t);
            }
            if (t.kind() == Kind.OPEN || t.kind() == Kind.CLOSE || t.kind() == Kind.COMMA || t.kind() == Kind.END
                    || t.kind() == Kind.OPERATOR) {
                throw unexpected(t);
            }
            try {
                return switch (f.type()) {
                    case BOOLEAN -> {
                        if (t.kind() != Kind.WORD) {
                            throw typeMismatch(f, "boolean");
                        }
                        yield Boolean.parseBoolean(t.text().toLowerCase(Locale.ROOT));
                    }
                    case CURRENCY -> {
                        if (t.kind() != Kind.NUMBER) {
                            throw typeMismatch(f, "double");
                        }
                        yield Double.parseDouble(t.text());
                    }
                    case INTEGER -> {
                        if (t.kind() != Kind.NUMBER || t.text().contains(".")) {
                            throw typeMismatch(f, "int");
                        }
                        yield Integer.parseInt(t.text());
                    }
                    case DATE -> {
                        if (t.kind() != Kind.DATE) {
                            throw typeMismatch(f, "date");
                        }
                        yield LocalDate.parse(t.text());
                    }
                    case DATETIME -> {
                        if (t.kind() != Kind.DATETIME) {
                            throw typeMismatch(f, "dateTime");
                        }
                        yield OffsetDateTime.parse(t.text()).toInstant();
                    }
                    default -> {
                        if (t.kind() != Kind.STRING) {
                            throw SoqlException.invalidFilter("value of filter criterion for field '" + f.name()
                                    + "' must be of type string and should be enclosed in quotes");
                        }
                        yield t.text();
                    }
                };
            } catch (NumberFormatException | DateTimeParseException e) {
                throw malformed("invalid literal for field '" + f.name() + "': " + t.text());
            }
        }

        private SoqlException typeMismatch(Field f, String expected) {
            return SoqlException.invalidFilter("value of filter criterion for field '" + f.name() + "' must be of type "
                    + expected + " and should not be enclosed in quotes");
        }

        private Comparator<Map<String, Object>> orderItem() throws SoqlException {
            Field f = field(fieldName());
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

        /** A plain field name: not a reserved word, not a function call, not a relationship path. */
        private String fieldName() throws SoqlException {
            Token t = next();
            if (t.kind() != Kind.WORD || t.reserved() || peek().kind() == Kind.OPEN) {
                throw unexpected(t);
            }
            return t.text();
        }

        private Token peek() {
            return tokens.get(pos);
        }

        private Token ahead(int n) {
            return tokens.get(Math.min(pos + n, tokens.size() - 1));
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
                throw unexpected(peek());
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
        if (f.type() == FieldType.PICKLIST && !f.values().isEmpty()) {
            int ia = indexIgnoreCase(f.values(), a.toString());
            int ib = indexIgnoreCase(f.values(), b.toString());
            if (ia >= 0 && ib >= 0) {
                return Integer.compare(ia, ib);
            }
        }
        if (f.type() == FieldType.ID) {
            return SalesforceIds.same(a.toString(), b.toString()) ? 0 : a.toString().compareToIgnoreCase(b.toString());
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
