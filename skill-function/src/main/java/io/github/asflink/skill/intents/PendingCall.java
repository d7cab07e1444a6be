package io.github.asflink.skill.intents;

import io.github.asflink.skill.salesforce.CallLog;
import io.github.asflink.skill.salesforce.CallTarget;
import io.github.asflink.skill.salesforce.RecordKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The call the user is asked to confirm, kept in the session attributes between the question and the answer: the
 * contact ({@code whoId}) and its account ({@code accountId}), or the account or opportunity ({@code whatId}); the
 * name the user heard, the notes and the day. Checked for its shape on the way back; a broken one is never sent.
 */
record PendingCall(CallLog log, String name) {

    static final String WHAT_ID = "whatId";
    static final String WHO_ID = "whoId";
    static final String ACCOUNT_ID = "accountId";
    static final String NAME = "name";
    static final String NOTES = "notes";
    static final String ACTIVITY_DATE = "activityDate";
    private static final List<String> KEYS = List.of(WHAT_ID, WHO_ID, ACCOUNT_ID, NAME, NOTES, ACTIVITY_DATE);
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    PendingCall {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(name, "name");
    }

    static PendingCall of(CallTarget target, String notes, LocalDate activityDate) {
        return new PendingCall(CallLog.with(target, notes, activityDate), target.name());
    }

    /** The call in the session attributes, or empty when any part is missing or not of its shape. */
    static Optional<PendingCall> from(Map<String, Object> attributes) {
        Optional<String> name = SessionText.of(attributes.get(NAME), SessionText.NAME_LENGTH);
        Optional<String> notes = SessionText.of(attributes.get(NOTES), SessionText.NOTES_LENGTH);
        Optional<LocalDate> day = day(attributes.get(ACTIVITY_DATE));
        Optional<CallIds> ids = ids(attributes.get(WHO_ID), attributes.get(ACCOUNT_ID), attributes.get(WHAT_ID));
        if (name.isEmpty() || notes.isEmpty() || day.isEmpty() || ids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PendingCall(new CallLog(ids.get().whoId(), ids.get().whatId(), notes.get(),
                day.get()), name.get()));
    }

    static boolean anyIn(Map<String, Object> attributes) {
        return KEYS.stream().anyMatch(attributes::containsKey);
    }

    void store(Map<String, Object> attributes) {
        forget(attributes);
        if (log.whoId().isPresent()) {
            attributes.put(WHO_ID, log.whoId().get());
            log.whatId().ifPresent(id -> attributes.put(ACCOUNT_ID, id));
        } else {
            attributes.put(WHAT_ID, log.whatId().orElseThrow());
        }
        attributes.put(NAME, name);
        attributes.put(NOTES, log.notes());
        attributes.put(ACTIVITY_DATE, log.activityDate().toString());
    }

    static void forget(Map<String, Object> attributes) {
        KEYS.forEach(attributes::remove);
    }

    /** A contact with its account, if any; or an account or opportunity alone. Anything else is not a call's. */
    private static Optional<CallIds> ids(Object whoId, Object accountId, Object whatId) {
        if (whoId != null) {
            if (!RecordKind.CONTACT.isId(whoId) || whatId != null
                    || (accountId != null && !RecordKind.ACCOUNT.isId(accountId))) {
                return Optional.empty();
            }
            return Optional.of(new CallIds(Optional.of((String) whoId), Optional.ofNullable((String) accountId)));
        }
        if (accountId != null || !(RecordKind.ACCOUNT.isId(whatId) || RecordKind.OPPORTUNITY.isId(whatId))) {
            return Optional.empty();
        }
        return Optional.of(new CallIds(Optional.empty(), Optional.of((String) whatId)));
    }

    private record CallIds(Optional<String> whoId, Optional<String> whatId) {
    }

    private static Optional<LocalDate> day(Object value) {
        if (!(value instanceof String text) || !DAY.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "PendingCall"; // no ids, name or notes in a log or exception message
    }
}
