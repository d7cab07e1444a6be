package io.github.asflink.local.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Alexa puts in an AMAZON.DATE slot for the common spoken forms: "today", "tomorrow", "yesterday", a weekday
 * ("friday", "next friday": the next one after today), "this week"/"next week" ({@code 2026-W49}), "december 7th"
 * and ISO dates, as {@code yyyy-MM-dd}. Anything else is not a date (the sample that needs one does not match).
 */
public final class SpokenDate {
    private static final Pattern MONTH_DAY = Pattern.compile("(?:on )?(?:the )?([a-z]+) (\\d{1,2})(?:st|nd|rd|th)?");
    private static final Pattern DAY_OF_MONTH =
            Pattern.compile("(?:on )?(?:the )?(\\d{1,2})(?:st|nd|rd|th)? of ([a-z]+)");

    private SpokenDate() {
    }

    public static Optional<String> resolve(String spoken, LocalDate today) {
        String s = spoken.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\- ]", " ").replaceAll("\\s+", " ").strip();
        switch (s) {
            case "today", "now", "tonight", "this evening" -> {
                return Optional.of(today.toString());
            }
            case "tomorrow" -> {
                return Optional.of(today.plusDays(1).toString());
            }
            case "yesterday" -> {
                return Optional.of(today.minusDays(1).toString());
            }
            case "this week" -> {
                return Optional.of(week(today));
            }
            case "next week" -> {
                return Optional.of(week(today.plusWeeks(1)));
            }
            default -> {
                // fall through to the patterns below
            }
        }
        String weekday = s.startsWith("next ") ? s.substring(5) : s.startsWith("on ") ? s.substring(3) : s;
        for (DayOfWeek day : DayOfWeek.values()) {
            if (weekday.equals(day.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(today.with(TemporalAdjusters.next(day)).toString());
            }
        }
        if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return Optional.of(LocalDate.parse(s).toString());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher m = MONTH_DAY.matcher(s);
        if (m.matches()) {
            return monthDay(m.group(1), m.group(2), today);
        }
        m = DAY_OF_MONTH.matcher(s);
        if (m.matches()) {
            return monthDay(m.group(2), m.group(1), today);
        }
        return Optional.empty();
    }

    /** A month and day without a year: the next such day from today on, as Alexa assumes a future date. */
    private static Optional<String> monthDay(String monthName, String day, LocalDate today) {
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).equals(monthName)) {
                int dayOfMonth = Integer.parseInt(day);
                if (dayOfMonth < 1 || dayOfMonth > month.maxLength()) {
                    return Optional.empty();
                }
                LocalDate date = LocalDate.of(today.getYear(), month, Math.min(dayOfMonth,
                        month.length(today.isLeapYear())));
                return Optional.of((date.isBefore(today) ? date.plusYears(1) : date).toString());
            }
        }
        return Optional.empty();
    }

    private static String week(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
