package io.github.asflink.skill;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount written the way Alexa's en-US voice reads money: a currency symbol or code and grouped digits
 * ({@code $1,250,000}, {@code €980.50}), which it speaks as "one million two hundred fifty thousand dollars". Cents are
 * kept only when there are any. SSML has no currency {@code say-as}; plain text is the documented way.
 */
final class SpokenAmount {

    private SpokenAmount() {
    }

    static String of(BigDecimal amount, Currency currency) {
        BigDecimal rounded = amount.setScale(2, RoundingMode.HALF_UP);
        boolean whole = rounded.stripTrailingZeros().scale() <= 0;
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(whole ? 0 : 2);
        format.setMaximumFractionDigits(whole ? 0 : 2);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return Ssml.escape(format.format(rounded));
    }

    /**
     * The currency a user's Salesforce locale implies ({@code en_US} → USD, {@code de_DE} → EUR); US dollars when the
     * locale names no country. A single-currency org's amounts are in its corporate currency, which follows the same
     * locale in the usual setup; multi-currency orgs are a known gap (see the handoff).
     */
    static Currency currencyFor(String salesforceLocale) {
        if (salesforceLocale != null) {
            String[] parts = salesforceLocale.split("[_-]");
            if (parts.length >= 2 && parts[1].length() == 2) {
                try {
                    return Currency.getInstance(Locale.of(parts[0], parts[1].toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    // a country without an ISO 4217 currency: fall through
                }
            }
        }
        return Currency.getInstance("USD");
    }
}
