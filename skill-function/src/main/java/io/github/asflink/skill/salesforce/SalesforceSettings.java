package io.github.asflink.skill.salesforce;

import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * What the Salesforce calls need from the skill's configuration.
 *
 * @param apiPathVersion the version segment of a REST path, {@code v67.0}
 * @param callTimeout    bound on each call, response body included
 * @param instanceUrls   the origins a Salesforce token may be sent to
 */
public record SalesforceSettings(String apiPathVersion, Duration callTimeout, InstanceUrlPolicy instanceUrls) {

    public SalesforceSettings {
        Objects.requireNonNull(apiPathVersion, "apiPathVersion");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(instanceUrls, "instanceUrls");
    }
}
