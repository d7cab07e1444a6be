package io.github.asflink.skill.salesforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * The user's open opportunities.
 *
 * @param openCount     how many there are (an aggregate count, exact at any size)
 * @param totalAmount   the sum of their amounts; empty when none has an amount
 * @param totalCurrency the currency of {@code totalAmount} (the org's corporate currency); empty when not known
 * @param nextToClose   the open opportunity with the earliest close date
 */
public record Pipeline(long openCount, Optional<BigDecimal> totalAmount, Optional<Currency> totalCurrency,
                Optional<Opportunity> nextToClose) {

    /** @param currency the currency of {@code amount}; empty when not known */
    public record Opportunity(String name, Optional<BigDecimal> amount, Optional<Currency> currency,
                       Optional<LocalDate> closeDate) {
    }
}
