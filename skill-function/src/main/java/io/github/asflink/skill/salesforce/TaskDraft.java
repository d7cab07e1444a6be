package io.github.asflink.skill.salesforce;

import java.time.LocalDate;
import java.util.Objects;

/** A reminder the user confirmed, about to become a Salesforce Task; the subject is cut to what Salesforce takes. */
public record TaskDraft(String subject, LocalDate due) {

    /** Salesforce's limit for {@code Task.Subject}. */
    public static final int MAX_SUBJECT_LENGTH = 255;

    public TaskDraft {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(due, "due");
        subject = subject.strip();
        if (subject.length() > MAX_SUBJECT_LENGTH) {
            int end = Character.isHighSurrogate(subject.charAt(MAX_SUBJECT_LENGTH - 1))
                    ? MAX_SUBJECT_LENGTH - 1 : MAX_SUBJECT_LENGTH;
            subject = subject.substring(0, end);
        }
    }
}
