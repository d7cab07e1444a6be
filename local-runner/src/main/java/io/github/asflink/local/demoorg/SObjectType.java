package io.github.asflink.local.demoorg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** One object of the demo org's schema (Opportunity, Case, Task) with its records. */
final class SObjectType {
    enum FieldType { ID, STRING, CURRENCY, DATE, BOOLEAN, PICKLIST }

    /** A field; {@code picklistOrder} is the value order ORDER BY follows for a picklist (empty otherwise). */
    record Field(String name, FieldType type, List<String> picklistOrder) {
        static Field of(String name, FieldType type) {
            return new Field(name, type, List.of());
        }
    }

    private final String name;
    private final String keyPrefix;
    private final Map<String, Field> fieldsByLowerName = new LinkedHashMap<>();
    private final List<Map<String, Object>> records = new CopyOnWriteArrayList<>();

    SObjectType(String name, String keyPrefix, List<Field> fields) {
        this.name = name;
        this.keyPrefix = keyPrefix;
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

    /** Field names are case-insensitive in SOQL, as in Salesforce. */
    Optional<Field> field(String fieldName) {
        return Optional.ofNullable(fieldsByLowerName.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    List<Map<String, Object>> records() {
        return records;
    }

    /** Adds a record (field name to value, canonical names) and returns its new id. */
    synchronized String insert(Map<String, Object> values) {
        String id = SalesforceIds.of(keyPrefix, "5g00000DEMO", records.size() + 1);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("Id", id);
        record.putAll(values);
        records.add(record);
        return id;
    }

    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        fieldsByLowerName.values().forEach(f -> names.add(f.name()));
        return names;
    }
}
