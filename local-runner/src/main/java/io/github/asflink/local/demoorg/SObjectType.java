package io.github.asflink.local.demoorg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One object of the demo org's schema (Opportunity, Event, Account, ...) with its records, and what a write must
 * respect: which fields may be set, the defaults of a new record, the fields derived from others (a Task's
 * {@code IsClosed} from its {@code Status}), and the admin's validation rules.
 */
final class SObjectType {
    enum FieldType { ID, STRING, CURRENCY, INTEGER, DATE, DATETIME, BOOLEAN, PICKLIST }

    /** Who sees an object's rows: only their owner (opportunities, cases, activities), or every user. */
    enum Sharing { OWNER, EVERYONE }

    /**
     * A field. {@code values} is a picklist's allowed values, in the order ORDER BY follows (empty otherwise);
     * {@code label} names it in error messages; {@code updateable} is false for system and formula fields;
     * {@code required} fields must have a value on create; {@code referenceTo} lists the objects a lookup
     * may point at ({@code User} for owners); {@code length} is a text field's maximum (0: no limit).
     */
    record Field(String name, FieldType type, List<String> values, String label, boolean updateable,
                 boolean required, List<String> referenceTo, int length) {
        static Field of(String name, FieldType type) {
            return new Field(name, type, List.of(), name, !name.equals("Id"), false, List.of(), 0);
        }

        static Field picklist(String name, String label, List<String> values) {
            return new Field(name, FieldType.PICKLIST, List.copyOf(values), label, true, false, List.of(), 0);
        }

        static Field lookup(String name, String label, String... objects) {
            return new Field(name, FieldType.ID, List.of(), label, true, false, List.of(objects), 0);
        }

        static Field text(String name, int length) {
            return new Field(name, FieldType.STRING, List.of(), name, true, false, List.of(), length);
        }

        /** A field nobody sets: the system (or a formula) does. */
        Field readOnly() {
            return new Field(name, type, values, label, false, required, referenceTo, length);
        }

        Field asRequired() {
            return new Field(name, type, values, label, updateable, true, referenceTo, length);
        }

        boolean isText() {
            return type == FieldType.STRING || type == FieldType.PICKLIST || type == FieldType.ID;
        }
    }

    /** A validation rule: when {@code violated} holds for the record as it would be saved, the write fails. */
    record ValidationRule(Predicate<Map<String, Object>> violated, String message) {
    }

    /**
     * Picklist values some records may not take (a sales process, a record type): for the records {@code appliesTo}
     * matches, {@code field} refuses {@code excluded} as if they were not in the list.
     */
    record PicklistRestriction(Predicate<Map<String, Object>> appliesTo, String field, List<String> excluded) {
    }

    private final String name;
    private final String keyPrefix;
    private final Sharing sharing;
    private final boolean writable;
    private final Map<String, Field> fieldsByLowerName = new LinkedHashMap<>();
    private final List<Map<String, Object>> records = new CopyOnWriteArrayList<>();
    private final Map<String, Object> defaults = new LinkedHashMap<>();
    private final List<ValidationRule> rules = new CopyOnWriteArrayList<>();
    private final List<PicklistRestriction> restrictions = new CopyOnWriteArrayList<>();
    private volatile UnaryOperator<Map<String, Object>> derived = UnaryOperator.identity();

    SObjectType(String name, String keyPrefix, Sharing sharing, boolean writable, List<Field> fields) {
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.sharing = sharing;
        this.writable = writable;
        for (Field field : fields) {
            fieldsByLowerName.put(field.name().toLowerCase(Locale.ROOT), field);
        }
    }

    String name() {
        return name;
    }

    String keyPrefix() {
        return keyPrefix;
    }

    /** False for what the API may only read (Organization, OpportunityStage). */
    boolean writable() {
        return writable;
    }

    /** Field names are case-insensitive in SOQL and in request bodies, as in Salesforce. */
    Optional<Field> field(String fieldName) {
        return Optional.ofNullable(fieldsByLowerName.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    List<Field> fields() {
        return List.copyOf(fieldsByLowerName.values());
    }

    List<Map<String, Object>> records() {
        return records;
    }

    /** Whether {@code userId} sees (and may address) this record. */
    boolean visibleTo(Map<String, Object> record, String userId) {
        return sharing == Sharing.EVERYONE || SalesforceIds.same(String.valueOf(record.get("OwnerId")), userId);
    }

    /** A record by its 15- or 18-character id. */
    Optional<Map<String, Object>> find(String id) {
        return records.stream().filter(r -> SalesforceIds.same(String.valueOf(r.get("Id")), id)).findFirst();
    }

    /** Values a new record starts with when the request does not set them. */
    SObjectType defaults(Map<String, Object> values) {
        defaults.putAll(values);
        return this;
    }

    Map<String, Object> defaults() {
        return new LinkedHashMap<>(defaults);
    }

    /** How the fields that follow from others are computed, on every insert and update. */
    SObjectType derive(UnaryOperator<Map<String, Object>> derivation) {
        this.derived = derivation;
        return this;
    }

    SObjectType rule(ValidationRule rule) {
        rules.add(rule);
        return this;
    }

    SObjectType restrict(PicklistRestriction restriction) {
        restrictions.add(restriction);
        return this;
    }

    /** Whether {@code value} is one of the field's values that this record may take. */
    boolean allows(Map<String, Object> record, Field field, Object value) {
        if (field.values().stream().noneMatch(v -> v.equals(value))) {
            return false;
        }
        return restrictions.stream().noneMatch(r -> r.field().equals(field.name()) && r.excluded().contains(value)
                && r.appliesTo().test(record));
    }

    /** The first validation rule the record would break, if any. */
    Optional<ValidationRule> brokenRule(Map<String, Object> record) {
        return rules.stream().filter(r -> r.violated().test(record)).findFirst();
    }

    /** The record as it would be saved: {@code base} with {@code changes} applied and derived fields computed. */
    Map<String, Object> merged(Map<String, Object> base, Map<String, Object> changes) {
        Map<String, Object> record = new LinkedHashMap<>(base);
        record.putAll(changes);
        return derived.apply(record);
    }

    /** Adds a record (field name to value, canonical names) and returns its new id. */
    synchronized String insert(Map<String, Object> values) {
        String id = SalesforceIds.of(keyPrefix, "5g00000DEMO", records.size() + 1);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("Id", id);
        record.putAll(merged(defaults, values));
        records.add(record);
        return id;
    }

    /** Replaces a record's values with {@code changes} applied; readers keep seeing whole records. */
    synchronized void update(String id, Map<String, Object> changes) {
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = records.get(i);
            if (SalesforceIds.same(String.valueOf(record.get("Id")), id)) {
                records.set(i, merged(record, changes));
                return;
            }
        }
        throw new IllegalArgumentException("no " + name + " " + id);
    }
}
