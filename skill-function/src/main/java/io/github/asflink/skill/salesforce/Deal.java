package io.github.asflink.skill.salesforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * One of the user's opportunities, found by name.
 *
 * @param currency the currency of {@code amount}; empty when not known
 */
public record Deal(String id, String name, Optional<String> stage, Optional<BigDecimal> amount,
                   Optional<Currency> currency, Optional<LocalDate> closeDate, Optional<String> nextStep) {

    /** The same deal with its amount in {@code known} when it carries no currency of its own. */
    Deal inCurrency(Optional<Currency> known) {
        return currency.isPresent() ? this : new Deal(id, name, stage, amount, known, closeDate, nextStep);
    }
}
