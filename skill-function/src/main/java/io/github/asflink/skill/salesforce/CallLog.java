package io.github.asflink.skill.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A call the user confirmed, about to become a completed Task owned by them (no {@code OwnerId}: the creating user
 * owns it). A contact's call is logged on the contact ({@code WhoId}) and its account ({@code WhatId}); an account's
 * or an opportunity's on that record ({@code WhatId}).
 */
public record CallLog(Optional<String> whoId, Optional<String> whatId, String notes, LocalDate activityDate) {

    /** Salesforce's limits for {@code Task.Subject} and {@code Task.Description}. */
    static final int MAX_SUBJECT_LENGTH = 255;
    static final int MAX_DESCRIPTION_LENGTH = 32_000;
    static final String SUBJECT_PREFIX = "Call: ";

    public CallLog {
        Objects.requireNonNull(whoId, "whoId");
        Objects.requireNonNull(whatId, "whatId");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(activityDate, "activityDate");
        if (whoId.isPresent() && !RecordKind.CONTACT.isId(whoId.get())) {
            throw new IllegalArgumentException("whoId is not a contact id");
        }
        if (whatId.isPresent() && !RecordKind.ACCOUNT.isId(whatId.get())
                && !(whoId.isEmpty() && RecordKind.OPPORTUNITY.isId(whatId.get()))) {
            throw new IllegalArgumentException("whatId is not an account id, or an opportunity id without a contact");
        }
        if (whoId.isEmpty() && whatId.isEmpty()) {
            throw new IllegalArgumentException("a call needs a contact or a record it is about");
        }
        if (notes.isBlank()) {
            throw new IllegalArgumentException("notes are blank");
        }
    }

    /** The call with a target the user picked. */
    public static CallLog with(CallTarget target, String notes, LocalDate activityDate) {
        return switch (target.kind()) {
            case CONTACT -> new CallLog(Optional.of(target.id()), target.accountId(), notes, activityDate);
            case ACCOUNT, OPPORTUNITY -> new CallLog(Optional.empty(), Optional.of(target.id()), notes, activityDate);
            case TASK -> throw new IllegalArgumentException("a call is not logged on a task");
        };
    }

    /** The Task's fields, in this order; Subject and Description cut to Salesforce's limits. */
    ObjectNode body(ObjectMapper json) {
        ObjectNode body = json.createObjectNode()
                .put("Subject", cut(SUBJECT_PREFIX + notes, MAX_SUBJECT_LENGTH))
                .put("Description", cut(notes, MAX_DESCRIPTION_LENGTH))
                .put("TaskSubtype", "Call")
                .put("Type", "Call")
                .put("Status", "Completed")
                .put("ActivityDate", activityDate.toString());
        whoId.ifPresent(id -> body.put("WhoId", id));
        whatId.ifPresent(id -> body.put("WhatId", id));
        return body;
    }

    /** At most {@code max} characters, never half of a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    @Override
    public String toString() {
        return "CallLog[" + activityDate + "]"; // no ids or notes in a log or exception message
    }
}
