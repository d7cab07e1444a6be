package io.github.asflink.skill.salesforce;

import java.time.ZoneId;
import java.util.Optional;

/**
 * The linked user, from {@code /services/oauth2/userinfo}.
 *
 * @param userId    the 15- or 18-character user id, used as {@code OwnerId}
 * @param firstName what the greeting uses, when Salesforce has one
 * @param zone      the user's time zone, for "today" when speaking and resolving dates
 */
public record SalesforceUser(String userId, Optional<String> firstName, ZoneId zone) {
}
