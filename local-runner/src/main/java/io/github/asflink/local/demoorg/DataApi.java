package io.github.asflink.local.demoorg;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import io.github.asflink.local.Http;
import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo org's REST API: {@code GET /services/data/vNN.N/query?q=SOQL}, {@code POST
 * /services/data/vNN.N/sobjects/Type} and {@code PATCH /services/data/vNN.N/sobjects/Type/Id}, with Salesforce's
 * error bodies (a JSON array of {@code message, errorCode[, fields]}). Everything runs as the token's user:
 * {@code USING SCOPE mine} filters on them, a write checks their access, a new record is theirs.
 */
final class DataApi {
    private static final Pattern PATH = Pattern.compile(
            "/services/data/(v\\d+\\.\\d)/(query/?|sobjects/([A-Za-z]+)(?:/([A-Za-z0-9]+))?/?)");
    private static final DateTimeFormatter WIRE_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final DemoData data;
    private final TokenStore tokens;
    private final SoqlInterpreter soql;
    private final RecordWrites writes;
    private final PrintStream log;

    DataApi(DemoData data, TokenStore tokens, SoqlInterpreter soql, PrintStream log) {
        this.data = data;
        this.tokens = tokens;
        this.soql = soql;
        this.writes = new RecordWrites(data);
        this.log = log;
    }

    void handle(HttpExchange exchange) throws IOException {
        Optional<DemoUser> user = bearerToken(exchange).flatMap(tokens::session)
                .flatMap(s -> data.userById(s.userId()));
        if (user.isEmpty()) {
            sendInvalidSession(exchange);
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/services/data") || path.equals("/services/data/")) {
            Http.sendJson(exchange, 200, List.of(Map.of("label", "Summer '26", "url", "/services/data/v67.0",
                    "version", "67.0")));
            return;
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            FailureAnswers.send(exchange, SalesforceErrors.notFound());
            return;
        }
        String version = m.group(1);
        String method = exchange.getRequestMethod();
        if (m.group(3) == null) {
            if (!"GET".equals(method)) {
                sendErrors(exchange, SalesforceErrors.data(405, "METHOD_NOT_ALLOWED",
                        "HTTP Method '" + method + "' not allowed. Allowed are GET"));
                return;
            }
            query(exchange, version, user.get());
        } else {
            sobject(exchange, m.group(3), m.group(4), user.get());
        }
    }

    /** {@code /sobjects/Type} takes POST (create), {@code /sobjects/Type/Id} takes PATCH (update). */
    private void sobject(HttpExchange exchange, String typeName, String id, DemoUser user)
            throws IOException {
        Optional<SObjectType> type = data.object(typeName);
        if (type.isEmpty()) {
            FailureAnswers.send(exchange, SalesforceErrors.notFound());
            return;
        }
        String method = exchange.getRequestMethod();
        String allowed = id == null ? "POST" : "PATCH";
        if (!allowed.equals(method)) {
            sendErrors(exchange, SalesforceErrors.data(405, "METHOD_NOT_ALLOWED",
                    "HTTP Method '" + method + "' not allowed. Allowed are " + allowed));
        } else if (id == null) {
            create(exchange, type.get(), user);
        } else {
            update(exchange, type.get(), id, user);
        }
    }

    private void query(HttpExchange exchange, String version, DemoUser user) throws IOException {
        String q = Http.query(exchange).get("q");
        if (q == null || q.isBlank()) {
            sendErrors(exchange, SalesforceErrors.malformedQuery("A query string has to be specified"));
            return;
        }
        SoqlInterpreter.Result result;
        try {
            result = soql.run(q, user.id());
        } catch (SoqlException e) {
            sendErrors(exchange, e.answer());
            return;
        }
        String type = result.recordType();
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < result.records().size(); i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("type", type);
            if (!result.aggregate()) {
                attributes.put("url", "/services/data/" + version + "/sobjects/" + type + "/" + result.ids().get(i));
            }
            record.put("attributes", attributes);
            result.records().get(i).forEach((field, value) -> record.put(field, wire(value)));
            records.add(record);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalSize", result.totalSize());
        body.put("done", true);
        body.put("records", records);
        Http.sendJson(exchange, 200, body);
    }


    /** {@code POST /sobjects/Type}: creates a record; {@code 201 {"id","success":true,"errors":[]}}. */
    private void create(HttpExchange exchange, SObjectType type, DemoUser user) throws IOException {
        String body = new String(Http.readBody(exchange), StandardCharsets.UTF_8);
        try {
            String id = writes.create(type, body, user);
            logWrite(exchange, user, 201, body);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", id);
            answer.put("success", true);
            answer.put("errors", List.of());
            Http.sendJson(exchange, 201, answer);
        } catch (WriteRefused e) {
            logWrite(exchange, user, e.answer().status(), body);
            sendErrors(exchange, e.answer());
        }
    }

    /** {@code PATCH /sobjects/Type/Id}: updates the fields the body names; {@code 204} and no body. */
    private void update(HttpExchange exchange, SObjectType type, String id, DemoUser user) throws IOException {
        String body = new String(Http.readBody(exchange), StandardCharsets.UTF_8);
        try {
            writes.update(type, id, body, user);
            logWrite(exchange, user, 204, body);
            Http.send(exchange, 204, null, new byte[0]);
        } catch (WriteRefused e) {
            logWrite(exchange, user, e.answer().status(), body);
            sendErrors(exchange, e.answer());
        }
    }

    /** One line per write: who changed which fields of what (the fields' names, not what was written in them). */
    private void logWrite(HttpExchange exchange, DemoUser user, int status, String body) {
        log.println("demo org: " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " by "
                + user.username() + " " + fieldNames(body) + " -> " + status);
    }

    private static String fieldNames(String body) {
        try {
            JsonElement parsed = JsonParser.parseString(body);
            return parsed.isJsonObject() ? parsed.getAsJsonObject().keySet().toString() : "(not a JSON object)";
        } catch (RuntimeException e) {
            return "(not JSON)";
        }
    }

    /** A value as the data API writes it: datetimes as {@code 2026-12-02T17:30:00.000+0000}, in UTC. */
    static Object wire(Object value) {
        if (value instanceof Instant instant) {
            return WIRE_DATETIME.format(instant);
        }
        return value;
    }

    /** The token of {@code Authorization: Bearer <token>} (or Salesforce's older {@code OAuth <token>}). */
    static Optional<String> bearerToken(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return Optional.empty();
        }
        String token;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).trim();
        } else if (authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
            token = authorization.substring(6).trim();
        } else {
            return Optional.empty();
        }
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** A dead (expired, revoked, unknown) or missing token, as the data API answers it. */
    static void sendInvalidSession(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Token");
        sendErrors(exchange, SalesforceErrors.dataInvalidSession());
    }

    static void sendErrors(HttpExchange exchange, SalesforceErrorAnswer answer) throws IOException {
        FailureAnswers.send(exchange, answer);
    }
}
