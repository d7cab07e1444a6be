package io.github.asflink.skill.intents;

import io.github.asflink.skill.salesforce.Deal;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deals offered in a "which one?" question, kept in the session attributes so the answer is matched against them
 * without asking Salesforce again. Read back defensively: the attributes return through Alexa, and anything not in
 * the shape written here is no candidate.
 */
final class DealCandidates {

    static final String ATTRIBUTE = "dealCandidates";

    private DealCandidates() {
    }

    static List<Map<String, String>> write(List<Deal> deals) {
        List<Map<String, String>> written = new ArrayList<>();
        for (Deal deal : deals) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("id", deal.id());
            entry.put("name", deal.name());
            deal.stage().ifPresent(stage -> entry.put("stage", stage));
            deal.amount().ifPresent(amount -> entry.put("amount", amount.toPlainString()));
            deal.currency().ifPresent(currency -> entry.put("currency", currency.getCurrencyCode()));
            deal.closeDate().ifPresent(date -> entry.put("closeDate", date.toString()));
            deal.nextStep().ifPresent(step -> entry.put("nextStep", step));
            written.add(entry);
        }
        return written;
    }

    static List<Deal> read(Object attribute) {
        if (!(attribute instanceof List<?> entries)) {
            return List.of();
        }
        List<Deal> deals = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields) || !(fields.get("id") instanceof String id)
                    || !(fields.get("name") instanceof String name)) {
                return List.of();
            }
            try {
                deals.add(new Deal(id, name, text(fields, "stage"), text(fields, "amount").map(BigDecimal::new),
                        text(fields, "currency").map(Currency::getInstance),
                        text(fields, "closeDate").map(LocalDate::parse), text(fields, "nextStep")));
            } catch (IllegalArgumentException | DateTimeException e) { // NumberFormatException is one
                return List.of();
            }
        }
        return deals;
    }

    private static Optional<String> text(Map<?, ?> fields, String key) {
        return fields.get(key) instanceof String value ? Optional.of(value) : Optional.empty();
    }
}
