package io.github.asflink.skill.intents;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one day an agenda question is about, from an AMAZON.DATE value: a date as it is; a week ("2026-W50"), a
 * weekend ("2026-W50-WE") or a month ("2026-12") as its first day, which the answer then names, since the listener
 * did not. No value, or one that is none of these (a year, a season, "now"), means today.
 *
 * @param exact whether the answer must name the weekday and date (a range was asked)
 */
record AgendaDay(LocalDate day, boolean exact) {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})(-WE)?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    static AgendaDay of(Optional<String> value, LocalDate today) {
        return value.flatMap(AgendaDay::parse).orElse(new AgendaDay(today, false));
    }

    private static Optional<AgendaDay> parse(String value) {
        try {
            if (DATE.matcher(value).matches()) {
                return Optional.of(new AgendaDay(LocalDate.parse(value), false));
            }
            Matcher week = WEEK.matcher(value);
            if (week.matches()) {
                LocalDate monday = LocalDate.of(Integer.parseInt(week.group(1)), 6, 1)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week.group(2)))
                        .with(DayOfWeek.MONDAY);
                return Optional.of(new AgendaDay(week.group(3) == null ? monday : monday.plusDays(5), true));
            }
            Matcher month = MONTH.matcher(value);
            if (month.matches()) {
                return Optional.of(new AgendaDay(YearMonth.of(Integer.parseInt(month.group(1)),
                        Integer.parseInt(month.group(2))).atDay(1), true));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
