package io.github.asflink.skill.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SSML escaping, dates and amounts as Alexa should hear them. */
class SpeechTest {

    @Test
    void escapesTheFiveXmlCharacters() {
        assertEquals("R&amp;D &lt;urgent&gt; &quot;now&quot; isn&apos;t", Ssml.escape("R&D <urgent> \"now\" isn't"));
    }

    @Test
    void dropsCharactersXmlCannotCarry() {
        assertEquals("a b c", Ssml.escape("a\u0000\u0007 b\nc"));
        assertEquals("", Ssml.escape(null));
    }

    @Test
    void datesInTheCurrentYearLeaveTheYearOut() {
        LocalDate today = LocalDate.of(2026, 12, 1);

        assertEquals("<say-as interpret-as=\"date\">????1215</say-as>", Ssml.date(LocalDate.of(2026, 12, 15), today));
        assertEquals("<say-as interpret-as=\"date\">20270105</say-as>", Ssml.date(LocalDate.of(2027, 1, 5), today));
    }

    @ParameterizedTest
    @CsvSource({
            "1250000, USD, '$1,250,000'",
            "1250000.00, USD, '$1,250,000'",
            "980.5, USD, '$980.50'",
            "0.004, USD, '$0'",
            "12.345, USD, '$12.35'",
            "42000, EUR, '€42,000'",
            "99.99, GBP, '£99.99'"})
    void amountsAreWrittenAsAlexaSpeaksMoney(String amount, String currency, String expected) {
        assertEquals(expected, SpokenAmount.of(new BigDecimal(amount), Optional.of(Currency.getInstance(currency))));
    }

    @ParameterizedTest
    @CsvSource({"1250000, '1,250,000'", "980.5, '980.50'", "0.004, '0'"})
    void amountsOfAnUnknownCurrencyAreSpokenAsPlainNumbers(String amount, String expected) {
        assertEquals(expected, SpokenAmount.of(new BigDecimal(amount), Optional.empty()));
    }

    @Test
    void countsAreGrouped() {
        assertEquals("5,000", SpokenAmount.count(5000));
        assertEquals("42", SpokenAmount.count(42));
    }

    @Test
    void todayAndTomorrowAreSaidAsWords() {
        LocalDate today = LocalDate.of(2026, 12, 31);

        assertEquals(Optional.of("today"), Ssml.nearDay(today, today));
        assertEquals(Optional.of("tomorrow"), Ssml.nearDay(LocalDate.of(2027, 1, 1), today));
        assertEquals(Optional.empty(), Ssml.nearDay(LocalDate.of(2027, 1, 2), today));
        assertEquals(Optional.empty(), Ssml.nearDay(LocalDate.of(2026, 12, 30), today));
    }
}
