package io.github.asflink.skill.speech;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Numbers written the way Alexa's en-US voice reads them: grouped digits ({@code 5,000}), and for money a currency
 * symbol or code ({@code $1,250,000}, {@code €980.50}), which it speaks as "one million two hundred fifty thousand
 * dollars". Cents are kept only when there are any. SSML has no currency {@code say-as}; plain text is the documented
 * way. An amount whose currency Salesforce did not tell is spoken as a plain number, never in a guessed currency.
 */
public final class SpokenAmount {

    private SpokenAmount() {
    }

    public static String of(BigDecimal amount, Optional<Currency> currency) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        boolean whole = rounded.stripTrailingZeros().scale() <= 0;
        NumberFormat format = currency.isPresent()
                ? NumberFormat.getCurrencyInstance(Locale.US) : NumberFormat.getNumberInstance(Locale.US);
        currency.ifPresent(format::setCurrency);
        format.setMinimumFractionDigits(whole ? 0 : 2);
        format.setMaximumFractionDigits(whole ? 0 : 2);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return Ssml.escape(format.format(rounded));
    }

    /** A count: {@code 5,000}. */
    public static String count(long count) {
        return NumberFormat.getIntegerInstance(Locale.US).format(count);
    }
}
