package io.github.asflink.skill.speech;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Turns values that came from Salesforce (or from the user) into SSML that cannot break the speech document. */
public final class Ssml {

    private static final DateTimeFormatter FULL_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMdd");

    private Ssml() {
    }

    /**
     * Escapes the five XML special characters and drops characters XML 1.0 cannot carry (control characters other
     * than tab, line feed and carriage return), so a subject like {@code R&D <urgent>} is spoken, not parsed.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\t', '\n', '\r' -> out.append(' ');
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * "today" or "tomorrow" when the date is one of those in the listener's own day, else empty: a person says
     * "due tomorrow", not the date.
     */
    public static Optional<String> nearDay(LocalDate date, LocalDate today) {
        if (date.equals(today)) {
            return Optional.of("today");
        }
        return date.equals(today.plusDays(1)) ? Optional.of("tomorrow") : Optional.empty();
    }

    /**
     * A date Alexa reads as a date ("December fifteenth"); the year is left out ({@code ????MMdd}) when it is the
     * listener's current year, as a person would say it.
     */
    public static String date(LocalDate date, LocalDate today) {
        String value = date.getYear() == today.getYear()
                ? "????" + date.format(MONTH_DAY)
                : date.format(FULL_DATE);
        return "<say-as interpret-as=\"date\">" + value + "</say-as>";
    }
}
