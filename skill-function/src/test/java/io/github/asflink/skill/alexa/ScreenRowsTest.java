package io.github.asflink.skill.alexa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.asflink.skill.salesforce.Agenda;
import io.github.asflink.skill.salesforce.Deal;
import io.github.asflink.skill.salesforce.OpenCases;
import io.github.asflink.skill.salesforce.Pipeline;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rows each list answer shows: the values the speech names, as plain text. */
class ScreenRowsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final Optional<Currency> USD = Optional.of(Currency.getInstance("USD"));

    @Test
    void thePipelineShowsItsTotalsThenTheNextToClose() {
        Pipeline pipeline = new Pipeline(3, Optional.of(new BigDecimal("1250000.0")), USD, Optional.of(
                new Pipeline.Opportunity("Globex renewal", Optional.of(new BigDecimal("250000")), USD,
                        Optional.of(LocalDate.of(2026, 12, 15)))));

        assertEquals(List.of(new ListScreen.Row("Open opportunities", "3 open", "$1,250,000"),
                        new ListScreen.Row("Globex renewal", "Next to close \u00b7 Dec 15", "$250,000")),
                ScreenRows.pipeline(pipeline, TODAY));
    }

    @Test
    void aPipelineWithoutAmountsOrDatesShowsWhatItHas() {
        Pipeline pipeline = new Pipeline(1200, Optional.empty(), Optional.empty(), Optional.of(
                new Pipeline.Opportunity("Initech pilot", Optional.empty(), Optional.empty(), Optional.empty())));

        assertEquals(List.of(new ListScreen.Row("Open opportunities", "1,200 open", ""),
                        new ListScreen.Row("Initech pilot", "Next to close \u00b7 no close date", "")),
                ScreenRows.pipeline(pipeline, TODAY));
        assertEquals(List.of(new ListScreen.Row("No open opportunities", "", "")),
                ScreenRows.pipeline(new Pipeline(0, Optional.empty(), Optional.empty(), Optional.empty()), TODAY));
    }

    @Test
    void openCasesShowTheTopCasesThenHowManyMore() {
        OpenCases cases = new OpenCases(5, List.of(
                new OpenCases.CaseSummary("00001026", Optional.of("Login fails, R&D <urgent>"), Optional.of("High")),
                new OpenCases.CaseSummary("00001027", Optional.empty(), Optional.empty())));

        assertEquals(List.of(new ListScreen.Row("Login fails, R&D <urgent>", "Case 00001026", "High"),
                        new ListScreen.Row("Case 1027", "Case 00001027", ""),
                        new ListScreen.Row("3 more", "", "")),
                ScreenRows.openCases(cases));
        assertEquals(List.of(new ListScreen.Row("No open cases", "", "")),
                ScreenRows.openCases(new OpenCases(0, List.of())));
        assertEquals(1, ScreenRows.openCases(new OpenCases(1, cases.top().subList(0, 1))).size());
    }

    @Test
    void daysAndAmountsReadAsOnScreen() {
        assertEquals("today", ScreenRows.day(TODAY, TODAY));
        assertEquals("tomorrow", ScreenRows.day(TODAY.plusDays(1), TODAY));
        assertEquals("Dec 3", ScreenRows.day(TODAY.plusDays(2), TODAY));
        assertEquals("Jan 5, 2027", ScreenRows.day(LocalDate.of(2027, 1, 5), TODAY));
        assertEquals("\u20ac980.50",
                ScreenRows.amount(new BigDecimal("980.5"), Optional.of(Currency.getInstance("EUR"))));
        assertEquals("$1,000", ScreenRows.amount(new BigDecimal("999.999"), USD));
        assertEquals("42,000", ScreenRows.amount(new BigDecimal("42000.00"), Optional.empty()));
        assertEquals("$5", ScreenRows.amount(new BigDecimal("5"), USD));
        assertEquals("1,234.50", ScreenRows.amount(new BigDecimal("1234.5"), Optional.empty()));
    }

    @Test
    void theAgendaIsTitledByItsDayAndAClearDaySaysSo() {
        assertEquals("Your agenda for today", ScreenRows.agendaTitle(TODAY, TODAY));
        assertEquals("Your agenda for tomorrow", ScreenRows.agendaTitle(TODAY.plusDays(1), TODAY));
        assertEquals("Your agenda for Friday, Dec 4", ScreenRows.agendaTitle(TODAY.plusDays(3), TODAY));
        assertEquals(List.of(new ListScreen.Row("Your calendar is clear", "No tasks are due", "")),
                ScreenRows.agenda(new Agenda(TODAY, List.of(), List.of(), List.of()), ZoneId.of("UTC")));
        assertEquals(List.of(new ListScreen.Row("Standup", "Room 4", "9:05 PM")), ScreenRows.agenda(new Agenda(TODAY,
                List.of(), List.of(new Agenda.TimedEvent("Standup", OffsetDateTime.parse("2026-12-01T21:05:00Z"),
                        Optional.of("Room 4"))), List.of()), ZoneId.of("UTC")));
    }

    @Test
    void offeredDealsShowWhatTheyHave() {
        assertEquals(List.of(new ListScreen.Row("Globex pilot", "No stage", "")), ScreenRows.deals(List.of(
                new Deal("006A", "Globex pilot", Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty())), TODAY));
        assertEquals(List.of(new ListScreen.Row("Globex services", "Qualification \u00b7 closes tomorrow", "18,000")),
                ScreenRows.deals(List.of(new Deal("006B", "Globex services", Optional.of("Qualification"),
                        Optional.of(new BigDecimal("18000")), Optional.empty(), Optional.of(TODAY.plusDays(1)),
                        Optional.empty())), TODAY));
    }
}
