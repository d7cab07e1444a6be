package io.github.asflink.skill.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an execution environment remembers about orgs' currencies: per origin, and never without bound. */
class OrgCurrenciesTest {

    @Test
    void anOrgIsUnknownUntilLearnedAndEachFactIsKeptApart() {
        OrgCurrencies orgs = new OrgCurrencies();
        String origin = "https://acme.my.salesforce.com";

        assertEquals(OrgCurrencies.OrgCurrency.UNKNOWN, orgs.get(origin));
        orgs.learnCorporate(origin, Optional.of(Currency.getInstance("GBP")));
        orgs.learnSingleCurrency(origin);

        OrgCurrencies.OrgCurrency known = orgs.get(origin);
        assertTrue(known.singleCurrency());
        assertTrue(known.corporateLearned());
        assertEquals(Optional.of(Currency.getInstance("GBP")), known.corporate());
        assertFalse(orgs.get("https://globex.my.salesforce.com").corporateLearned());
    }

    @Test
    void theLeastRecentlyUsedOrgIsForgottenBeyondTheBound() {
        OrgCurrencies orgs = new OrgCurrencies();
        orgs.learnSingleCurrency("https://first.my.salesforce.com");
        for (int i = 0; i < OrgCurrencies.MAX_ORGS; i++) {
            orgs.learnSingleCurrency("https://org" + i + ".my.salesforce.com");
        }

        assertEquals(OrgCurrencies.MAX_ORGS, orgs.size());
        assertFalse(orgs.get("https://first.my.salesforce.com").singleCurrency());
    }
}
