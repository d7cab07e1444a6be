package io.github.asflink.skill.alexa;

import io.github.asflink.skill.salesforce.Agenda;
import io.github.asflink.skill.salesforce.Deal;
import io.github.asflink.skill.salesforce.OpenCases;
import io.github.asflink.skill.salesforce.Pipeline;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each list answer shows on a screen: its title and rows, in plain en-US text as the skill speaks it (amounts
 * with their currency symbol, dates as "Dec 15"), from the same values the speech is made of.
 */
public final class ScreenRows {

    public static final String PIPELINE = "Your pipeline";
    public static final String OPEN_CASES = "Your open cases";
    public static final String WHICH_DEAL = "Which deal?";

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);
    private static final DateTimeFormatter MONTH_DAY_YEAR = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    private ScreenRows() {
    }

    /** The totals (how many, worth how much), then the next to close with its close date and amount. */
    public static List<ListScreen.Row> pipeline(Pipeline pipeline, LocalDate today) {
        if (pipeline.openCount() == 0) {
            return List.of(new ListScreen.Row("No open opportunities", "", ""));
        }
        List<ListScreen.Row> rows = new ArrayList<>();
        rows.add(new ListScreen.Row("Open opportunities", count(pipeline.openCount(), "open"),
                pipeline.totalAmount().map(total -> amount(total, pipeline.totalCurrency())).orElse("")));
        pipeline.nextToClose().ifPresent(next -> rows.add(new ListScreen.Row(next.name(),
                "Next to close \u00b7 " + next.closeDate().map(date -> day(date, today)).orElse("no close date"),
                next.amount().map(amount -> amount(amount, next.currency())).orElse(""))));
        return rows;
    }

    /** The top cases by priority (subject, case number, priority), then how many more there are. */
    public static List<ListScreen.Row> openCases(OpenCases cases) {
        if (cases.count() == 0 || cases.top().isEmpty()) {
            return List.of(new ListScreen.Row("No open cases", "", ""));
        }
        List<ListScreen.Row> rows = new ArrayList<>();
        for (OpenCases.CaseSummary summary : cases.top()) {
            String number = summary.caseNumber().replaceFirst("^0+(?=.)", "");
            rows.add(new ListScreen.Row(summary.subject().orElse("Case " + number), "Case " + summary.caseNumber(),
                    summary.priority().orElse("")));
        }
        if (cases.count() > cases.top().size()) {
            rows.add(new ListScreen.Row(count(cases.count() - cases.top().size(), "more"), "", ""));
        }
        return rows;
    }

    /** "Your agenda for today", "... for tomorrow", "... for Friday, Dec 4". */
    public static String agendaTitle(LocalDate day, LocalDate today) {
        String when = day.equals(today) || day.equals(today.plusDays(1)) ? day(day, today)
                : day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US) + ", " + day(day, today);
        return "Your agenda for " + when;
    }

    /** As spoken: all-day events, timed events (with the time in the user's zone and the place), then open tasks. */
    public static List<ListScreen.Row> agenda(Agenda agenda, ZoneId zone) {
        if (agenda.size() == 0) {
            return List.of(new ListScreen.Row("Your calendar is clear", "No tasks are due", ""));
        }
        List<ListScreen.Row> rows = new ArrayList<>();
        agenda.allDay().forEach(subject -> rows.add(new ListScreen.Row(subject, "", "All day")));
        agenda.timed().forEach(event -> rows.add(new ListScreen.Row(event.subject(), event.location().orElse(""),
                event.start().atZoneSameInstant(zone).format(TIME))));
        agenda.tasks().forEach(task -> rows.add(new ListScreen.Row(task.subject(),
                "Task" + task.priority().map(priority -> " \u00b7 " + priority + " priority").orElse(""), "Due")));
        return rows;
    }

    /** The deals a "which one?" offers: name, stage and close date ("closed" for a closed stage), amount. */
    public static List<ListScreen.Row> deals(List<Deal> deals, LocalDate today) {
        List<ListScreen.Row> rows = new ArrayList<>();
        for (Deal deal : deals) {
            String closes = deal.stage().filter(stage -> stage.toLowerCase(Locale.ROOT).startsWith("closed"))
                    .isPresent() ? " \u00b7 closed " : " \u00b7 closes ";
            String detail = deal.stage().orElse("No stage")
                    + deal.closeDate().map(date -> closes + day(date, today)).orElse("");
            rows.add(new ListScreen.Row(deal.name(), detail,
                    deal.amount().map(amount -> amount(amount, deal.currency())).orElse("")));
        }
        return rows;
    }

    /** "today", "tomorrow", "Dec 15", or "Dec 15, 2027" outside the listener's year. */
    static String day(LocalDate date, LocalDate today) {
        if (date.equals(today)) {
            return "today";
        }
        if (date.equals(today.plusDays(1))) {
            return "tomorrow";
        }
        return date.format(date.getYear() == today.getYear() ? MONTH_DAY : MONTH_DAY_YEAR);
    }

    /** {@code $1,250,000}, {@code €980.50}; a plain grouped number when the currency is not known. */
    static String amount(BigDecimal amount, Optional<Currency> currency) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        boolean whole = rounded.stripTrailingZeros().scale() <= 0;
        NumberFormat format = currency.isPresent()
                ? NumberFormat.getCurrencyInstance(Locale.US) : NumberFormat.getNumberInstance(Locale.US);
        currency.ifPresent(format::setCurrency);
        format.setMinimumFractionDigits(whole ? 0 : 2);
        format.setMaximumFractionDigits(whole ? 0 : 2);
        return format.format(rounded);
    }

    private static String count(long count, String what) {
        return NumberFormat.getIntegerInstance(Locale.US).format(count) + " " + what;
    }
}
