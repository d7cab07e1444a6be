package io.github.asflink.skill.salesforce;

import java.util.List;

/**
 * Who a call may have been with, found in one round trip: the linked user (whose time zone says what "today" is)
 * and the accounts, contacts and open opportunities whose names match what was said (at most {@code LIMIT} each).
 */
public record CallTargets(SalesforceUser user, List<CallTarget> accounts, List<CallTarget> contacts,
                          List<CallTarget> opportunities) {

    public CallTargets {
        accounts = List.copyOf(accounts);
        contacts = List.copyOf(contacts);
        opportunities = List.copyOf(opportunities);
    }
}
