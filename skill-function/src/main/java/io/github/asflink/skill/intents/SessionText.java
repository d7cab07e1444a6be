package io.github.asflink.skill.intents;

import java.util.Optional;

/** A text session attribute, accepted only as a non-blank string of bounded length without control characters. */
final class SessionText {

    /** Record names and picklist api names are at most 255 characters in Salesforce. */
    static final int NAME_LENGTH = 255;
    /** A Task description is at most 32,000 characters. */
    static final int NOTES_LENGTH = 32_000;

    private SessionText() {
    }

    static Optional<String> of(Object value, int maxLength) {
        if (!(value instanceof String text) || text.isBlank() || text.length() > maxLength) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(text);
    }
}
