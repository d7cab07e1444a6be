package io.github.asflink.local.demoorg;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import io.github.asflink.local.Http;
import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo org's REST API: {@code GET /services/data/vNN.N/query?q=SOQL} and {@code POST
 * /services/data/vNN.N/sobjects/Task}, with Salesforce's error bodies (a JSON array of {@code message, errorCode}).
 * A query runs as the token's user, which is what {@code USING SCOPE mine} filters on.
 */
final class DataApi {
    private static final Pattern PATH = Pattern.compile("/services/data/(v\\d+\\.\\d)/(query/?|sobjects/([A-Za-z]+)/?)");

    private final DemoData data;
    private final TokenStore tokens;
    private final Soql soql;

    DataApi(DemoData data, TokenStore tokens, Soql soql) {
        this.data = data;
        this.tokens = tokens;
        this.soql = soql;
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
        } else if (m.group(3).equalsIgnoreCase("Task") && "POST".equals(method)) {
            createTask(exchange, user.get());
        } else {
            FailureAnswers.send(exchange, SalesforceErrors.notFound());
        }
    }

    private void query(HttpExchange exchange, String version, DemoUser user) throws IOException {
        String q = Http.query(exchange).get("q");
        if (q == null || q.isBlank()) {
            sendErrors(exchange, SalesforceErrors.malformedQuery("A query string has to be specified"));
            return;
        }
        Soql.Result result;
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
            record.putAll(result.records().get(i));
            records.add(record);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalSize", result.totalSize());
        body.put("done", true);
        body.put("records", records);
        Http.sendJson(exchange, 200, body);
    }


    private void createTask(HttpExchange exchange, DemoUser user) throws IOException {
        JsonObject body;
        try {
            JsonElement parsed = JsonParser.parseString(new String(Http.readBody(exchange), StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                sendErrors(exchange, SalesforceErrors.data(400, "JSON_PARSER_ERROR",
                        "Expected a JSON object for a Task"));
                return;
            }
            body = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            sendErrors(exchange, SalesforceErrors.data(400, "JSON_PARSER_ERROR",
                    "Unexpected character in the request body"));
            return;
        }
        SObjectType task = data.object("Task").orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Subject", null);
        values.put("ActivityDate", null);
        values.put("Status", "Not Started");
        values.put("Priority", "Normal");
        values.put("OwnerId", user.id());
        values.put("Description", null);
        for (Map.Entry<String, JsonElement> entry : body.entrySet()) {
            Optional<SObjectType.Field> field = task.field(entry.getKey());
            if (field.isEmpty() || field.get().name().equals("Id") || field.get().name().equals("IsClosed")) {
                sendErrors(exchange, SalesforceErrors.data(400, "INVALID_FIELD",
                        "No such column '" + entry.getKey() + "' on sobject of type Task"));
                return;
            }
            JsonElement value = entry.getValue();
            String name = field.get().name();
            if (value.isJsonNull()) {
                values.put(name, null);
            } else if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                sendErrors(exchange, SalesforceErrors.data(400, "JSON_PARSER_ERROR",
                        "Cannot deserialize a non-string value for " + name));
                return;
            } else if (field.get().type() == SObjectType.FieldType.DATE) {
                try {
                    values.put(name, LocalDate.parse(value.getAsString()));
                } catch (DateTimeParseException e) {
                    sendErrors(exchange, SalesforceErrors.data(400, "JSON_PARSER_ERROR",
                            "Cannot deserialize instance of date from VALUE_STRING value " + value.getAsString()));
                    return;
                }
            } else {
                values.put(name, value.getAsString());
            }
        }
        Object owner = values.get("OwnerId");
        if (owner == null || data.userById(owner.toString()).isEmpty()) {
            sendErrors(exchange, SalesforceErrors.data(400, "INVALID_CROSS_REFERENCE_KEY",
                    "Assigned To ID: id value of incorrect type"));
            return;
        }
        values.put("IsClosed", "Completed".equals(values.get("Status")));
        String id = task.insert(values);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("success", true);
        answer.put("errors", List.of());
        Http.sendJson(exchange, 201, answer);
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
