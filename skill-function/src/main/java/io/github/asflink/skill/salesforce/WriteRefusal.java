package io.github.asflink.skill.salesforce;

import java.util.Optional;

/**
 * Why Salesforce refused to save a change, when the reason is the record's or the user's, not an outage: each has its
 * own answer, and none is worth trying again as it is.
 */
public enum WriteRefusal {
    /** {@code 400 FIELD_CUSTOM_VALIDATION_EXCEPTION}: an admin's validation rule; its message says why. */
    VALIDATION_RULE,
    /**
     * {@code 400}/{@code 403 INSUFFICIENT_ACCESS_OR_READONLY} (or {@code INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY}
     * for a record the change points at): the user may not change it.
     */
    NO_ACCESS,
    /** {@code 400 ENTITY_IS_LOCKED}: the record is locked, usually by an approval process. */
    LOCKED,
    /** {@code 400 INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST}: a value the record's picklist (or sales process) lacks. */
    RESTRICTED_PICKLIST,
    /** {@code 404}, or {@code ENTITY_IS_DELETED}: the record is gone, or no longer visible to the user. */
    NOT_FOUND;

    /** The refusal an error answer means; empty for any other answer (an outage, a dead token, a bad request). */
    static Optional<WriteRefusal> of(int status, String errorCode) {
        if (status == 404 || "ENTITY_IS_DELETED".equals(errorCode)) {
            return Optional.of(NOT_FOUND);
        }
        if (status != 400 && status != 403) {
            return Optional.empty();
        }
        return switch (errorCode) {
            case "FIELD_CUSTOM_VALIDATION_EXCEPTION" -> status == 400 ? Optional.of(VALIDATION_RULE) : Optional.empty();
            case "INSUFFICIENT_ACCESS_OR_READONLY", "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY" ->
                    Optional.of(NO_ACCESS);
            case "ENTITY_IS_LOCKED" -> status == 400 ? Optional.of(LOCKED) : Optional.empty();
            case "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST" ->
                    status == 400 ? Optional.of(RESTRICTED_PICKLIST) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
