package io.github.asflink.local.demoorg;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.github.asflink.local.demoorg.SObjectType.Field;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Record writes as the data API checks them ({@code POST /sobjects/Type}, {@code PATCH /sobjects/Type/Id}), in
 * Salesforce's order: the body must be a JSON object of known, writable fields with values of the right type; the
 * record must exist and be visible to the user; the user must be allowed to edit; the record must not be locked;
 * picklist values must be allowed, lookups must point at records of the right object, required fields must have
 * values, and the admin's validation rules must hold. Only then is the record saved.
 */
final class RecordWrites {
    private static final Gson GSON = new Gson();
    private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");
    /** Salesforce's datetime form ({@code 2026-12-02T17:30:00.000+0000}), ISO 8601 with a colon or Z too. */
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendPattern(".SSS").optionalEnd()
            .appendPattern("[XXX][XX]")
            .toFormatter();

    private final DemoData data;

    RecordWrites(DemoData data) {
        this.data = data;
    }

    /** Creates a record owned by {@code user} (unless the body names another owner); returns its id. */
    String create(SObjectType type, String body, DemoUser user) throws WriteRefused {
        if (!type.writable()) {
            throw new WriteRefused(SalesforceErrors.entityCannotBe("inserted", type.name()));
        }
        Map<String, Object> changes = values(type, parse(type, body));
        refuseReadOnlyUser(user);
        Map<String, Object> base = type.defaults();
        if (type.field("OwnerId").isPresent()) {
            base.put("OwnerId", user.id());
        }
        Map<String, Object> record = type.merged(base, changes);
        check(type, changes, record);
        for (Field field : type.fields()) {
            if (field.required() && record.get(field.name()) == null) {
                throw new WriteRefused(SalesforceErrors.requiredFieldMissing(field.name()));
            }
        }
        refuseBrokenRule(type, record);
        Map<String, Object> saved = new LinkedHashMap<>(base);
        saved.putAll(changes);
        return type.insert(saved);
    }

    /** Updates a record the user sees; a record they do not see is "not found", as in Salesforce. */
    void update(SObjectType type, String id, String body, DemoUser user) throws WriteRefused {
        if (!type.writable()) {
            throw new WriteRefused(SalesforceErrors.entityCannotBe("updated", type.name()));
        }
        Map<String, Object> changes = values(type, parse(type, body));
        Map<String, Object> existing = type.find(id).filter(r -> type.visibleTo(r, user.id()))
                .orElseThrow(() -> new WriteRefused(SalesforceErrors.notFound()));
        refuseReadOnlyUser(user);
        if (data.locked(id)) {
            throw new WriteRefused(SalesforceErrors.entityIsLocked());
        }
        Map<String, Object> record = type.merged(existing, changes);
        check(type, changes, record);
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Field field = type.field(change.getKey()).orElseThrow();
            if (field.required() && change.getValue() == null) {
                throw new WriteRefused(SalesforceErrors.requiredFieldMissing(field.name()));
            }
        }
        refuseBrokenRule(type, record);
        type.update(String.valueOf(existing.get("Id")), changes);
    }

    private void refuseReadOnlyUser(DemoUser user) throws WriteRefused {
        if (!data.mayEdit(user.id())) {
            throw new WriteRefused(SalesforceErrors.insufficientAccessToRecord());
        }
    }

    private static void refuseBrokenRule(SObjectType type, Map<String, Object> record) throws WriteRefused {
        Optional<SObjectType.ValidationRule> broken = type.brokenRule(record);
        if (broken.isPresent()) {
            throw new WriteRefused(SalesforceErrors.fieldCustomValidation(broken.get().message()));
        }
    }

    /** Picklist values, text lengths and lookups of the fields the request sets. */
    private void check(SObjectType type, Map<String, Object> changes, Map<String, Object> record)
            throws WriteRefused {
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            Field field = type.field(change.getKey()).orElseThrow();
            Object value = change.getValue();
            if (value == null) {
                continue;
            }
            if (field.type() == SObjectType.FieldType.PICKLIST && !type.allows(record, field, value)) {
                throw new WriteRefused(SalesforceErrors.restrictedPicklist(field.label(), field.name(),
                        value.toString()));
            }
            if (field.length() > 0 && value.toString().length() > field.length()) {
                throw new WriteRefused(SalesforceErrors.stringTooLong(field.label(), field.name(),
                        value.toString(), field.length()));
            }
            if (!field.referenceTo().isEmpty() && !pointsAtRecord(field, value.toString(), record)) {
                throw new WriteRefused(SalesforceErrors.idOfIncorrectType(field.label(), field.name(),
                        value.toString()));
            }
        }
    }

    /** Whether a lookup's id names a user, or a record of one of the objects the lookup may point at. */
    private boolean pointsAtRecord(Field field, String id, Map<String, Object> record) {
        for (String object : field.referenceTo()) {
            if (object.equals("User") ? data.userById(id).isPresent()
                    : data.object(object).flatMap(t -> t.find(id)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The body as a JSON object, read strictly as Salesforce does: no comments, single quotes or trailing text. */
    private static JsonObject parse(SObjectType type, String body) throws WriteRefused {
        if (body.isBlank()) {
            throw new WriteRefused(SalesforceErrors.jsonParserError("No content to map due to end-of-input"));
        }
        JsonElement parsed;
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            parsed = GSON.getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("trailing text at line 1 column " + body.length());
            }
        } catch (IOException | RuntimeException e) {
            Matcher at = POSITION.matcher(String.valueOf(e.getMessage()));
            String what = e instanceof EOFException ? "Unexpected end-of-input" : "Unexpected character";
            throw new WriteRefused(SalesforceErrors.jsonParserError(what + " in the request body"
                    + (at.find() ? " at [line:" + at.group(1) + ", column:" + at.group(2) + "]" : "")));
        }
        if (!parsed.isJsonObject()) {
            throw new WriteRefused(SalesforceErrors.jsonParserError("Cannot deserialize instance of " + type.name()
                    + " from " + (parsed.isJsonArray() ? "START_ARRAY" : "VALUE_STRING") + " value"));
        }
        return parsed.getAsJsonObject();
    }

    /** The body's fields under their canonical names, with values converted to the fields' types. */
    private static Map<String, Object> values(SObjectType type, JsonObject body) throws WriteRefused {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : body.entrySet()) {
            Field field = type.field(entry.getKey()).orElseThrow(() ->
                    new WriteRefused(SalesforceErrors.noSuchColumnOnWrite(entry.getKey(), type.name())));
            if (!field.updateable()) {
                throw new WriteRefused(SalesforceErrors.readOnlyField(field.name()));
            }
            values.put(field.name(), value(field, entry.getValue()));
        }
        return values;
    }

    private static Object value(Field field, JsonElement json) throws WriteRefused {
        if (json.isJsonNull()) {
            return null;
        }
        if (!json.isJsonPrimitive()) {
            throw cannotDeserialize(field, json.isJsonArray() ? "START_ARRAY" : "START_OBJECT", "");
        }
        JsonPrimitive p = json.getAsJsonPrimitive();
        String text = p.getAsString();
        String token = p.isString() ? "VALUE_STRING"
                : p.isBoolean() ? "VALUE_" + text.toUpperCase(Locale.ROOT) : "VALUE_NUMBER";
        try {
            return switch (field.type()) {
                case BOOLEAN -> {
                    if (!p.isBoolean()) {
                        throw cannotDeserialize(field, token, text);
                    }
                    yield p.getAsBoolean();
                }
                case CURRENCY -> {
                    if (p.isBoolean()) {
                        throw cannotDeserialize(field, token, text);
                    }
                    yield Double.parseDouble(text);
                }
                case INTEGER -> {
                    if (p.isBoolean()) {
                        throw cannotDeserialize(field, token, text);
                    }
                    yield Integer.parseInt(text);
                }
                case DATE -> {
                    if (!p.isString()) {
                        throw cannotDeserialize(field, token, text);
                    }
                    yield LocalDate.parse(text);
                }
                case DATETIME -> {
                    if (!p.isString()) {
                        throw cannotDeserialize(field, token, text);
                    }
                    yield OffsetDateTime.parse(text, DATETIME).toInstant();
                }
                default -> {
                    if (!p.isString()) {
                        throw cannotDeserialize(field, token, text);
                    }
                    yield text;
                }
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw cannotDeserialize(field, token, text);
        }
    }

    private static WriteRefused cannotDeserialize(Field field, String token, String text) {
        String kind = switch (field.type()) {
            case DATE -> "date";
            case DATETIME -> "datetime";
            case BOOLEAN -> "boolean";
            case CURRENCY -> "double";
            case INTEGER -> "int";
            default -> "string";
        };
        return new WriteRefused(SalesforceErrors.jsonParserError("Cannot deserialize instance of " + kind + " from "
                + token + " value " + text + " or request may be missing a required field"));
    }
}
