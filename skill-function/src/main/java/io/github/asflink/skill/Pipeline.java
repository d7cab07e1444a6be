package io.github.asflink.skill;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The user's open opportunities.
 *
 * @param openCount   how many there are ({@code totalSize})
 * @param totalAmount the sum of their amounts (blank amounts count as zero)
 * @param complete    false when Salesforce returned only the first batch, so {@code totalAmount} covers only that
 * @param nextToClose the open opportunity with the earliest close date
 */
record Pipeline(int openCount, BigDecimal totalAmount, boolean complete, Optional<Opportunity> nextToClose) {

    record Opportunity(String name, Optional<BigDecimal> amount, Optional<LocalDate> closeDate) {
    }
}
