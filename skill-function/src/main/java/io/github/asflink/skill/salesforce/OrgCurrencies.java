package io.github.asflink.skill.salesforce;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the skill has learned about orgs' currencies in this execution environment, by instance origin, so that later
 * pipeline questions skip the currency query and ask the next-to-close query in the form the org understands at
 * once. Facts about an org, never about a user; bounded, the least recently used org is forgotten first.
 */
final class OrgCurrencies {

    static final int MAX_ORGS = 256;

    /**
     * @param singleCurrency   the org has no {@code CurrencyIsoCode} field
     * @param corporateLearned the currency query was answered (or refused for good), so it is not asked again
     * @param corporate        the org's corporate currency, when Salesforce told it
     */
    record OrgCurrency(boolean singleCurrency, boolean corporateLearned, Optional<Currency> corporate) {

        static final OrgCurrency UNKNOWN = new OrgCurrency(false, false, Optional.empty());

        OrgCurrency asSingleCurrency() {
            return new OrgCurrency(true, corporateLearned, corporate);
        }

        OrgCurrency withCorporate(Optional<Currency> currency) {
            return new OrgCurrency(singleCurrency, true, currency);
        }
    }

    private final Map<String, OrgCurrency> orgs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, OrgCurrency> eldest) {
            return size() > MAX_ORGS;
        }
    };

    synchronized OrgCurrency get(String origin) {
        return orgs.getOrDefault(origin, OrgCurrency.UNKNOWN);
    }

    synchronized OrgCurrency learnSingleCurrency(String origin) {
        return orgs.merge(origin, OrgCurrency.UNKNOWN.asSingleCurrency(), (old, ignored) -> old.asSingleCurrency());
    }

    synchronized OrgCurrency learnCorporate(String origin, Optional<Currency> currency) {
        return orgs.merge(origin, OrgCurrency.UNKNOWN.withCorporate(currency),
                (old, ignored) -> old.withCorporate(currency));
    }

    synchronized int size() {
        return orgs.size();
    }
}
