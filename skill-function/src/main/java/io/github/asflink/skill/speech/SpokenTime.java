package io.github.asflink.skill.speech;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Days and times of day as a person says them, in the listener's own zone. */
public final class SpokenTime {

    private static final DateTimeFormatter ON_THE_HOUR = DateTimeFormatter.ofPattern("h a", Locale.US);
    private static final DateTimeFormatter WITH_MINUTES = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    /** "On Friday" is clear up to six days ahead; further out a date is. */
    private static final int WEEKDAY_HORIZON = 6;

    private SpokenTime() {
    }

    /** "9 AM", "2:30 PM", in {@code zone}. */
    public static String timeOfDay(OffsetDateTime instant, ZoneId zone) {
        ZonedDateTime local = instant.atZoneSameInstant(zone);
        return (local.getMinute() == 0 ? ON_THE_HOUR : WITH_MINUTES).format(local);
    }

    /**
     * "today", "tomorrow", "on Friday" within the coming week, else "on Monday, December 14th" (the date as SSML).
     * With {@code exact}, always the weekday and date: for a day the listener did not name (the first day of the
     * week they asked about).
     */
    public static String day(LocalDate day, LocalDate today, boolean exact) {
        String weekday = day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
        if (!exact) {
            if (Ssml.nearDay(day, today).isPresent()) {
                return Ssml.nearDay(day, today).get();
            }
            if (day.isAfter(today) && !day.isAfter(today.plusDays(WEEKDAY_HORIZON))) {
                return "on " + weekday;
            }
        }
        return "on " + weekday + ", " + Ssml.date(day, today);
    }
}
