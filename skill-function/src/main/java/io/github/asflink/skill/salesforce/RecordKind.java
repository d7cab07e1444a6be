package io.github.asflink.skill.salesforce;

import java.util.regex.Pattern;

/**
 * The kinds of record the skill writes to or about, told apart by their id's key prefix. An id from anywhere the
 * skill does not fully control (a session attribute, an answer) is checked against its kind before it goes into a
 * request path or body.
 */
public enum RecordKind {
    ACCOUNT("001"),
    CONTACT("003"),
    OPPORTUNITY("006"),
    TASK("00T");

    private final Pattern id;

    RecordKind(String keyPrefix) {
        this.id = Pattern.compile(keyPrefix + "[A-Za-z0-9]{12}([A-Za-z0-9]{3})?");
    }

    /** True for a 15- or 18-character id of this kind. */
    public boolean isId(Object value) {
        return value instanceof String text && id.matcher(text).matches();
    }
}
