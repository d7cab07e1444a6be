package io.github.asflink.token;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OAuth clients (consumer keys) that may use the endpoint. Required: without a list, anyone who knows the URL
 * could exchange codes and refresh tokens of any Salesforce app through it. {@code *} is the explicit, unsafe opt-out.
 *
 * @param any true when {@code *} is in force: every client id is passed on to Salesforce
 * @param ids the listed client ids; empty when {@code any}
 */
record AllowedClients(boolean any, Set<String> ids) {

    /** The opt-out value: accept any client id, which makes the endpoint an open relay to Salesforce. */
    static final String ANY = "*";

    AllowedClients {
        ids = Set.copyOf(ids);
    }

    /** Parses the comma-separated list; the problem is described without repeating the value. */
    static AllowedClients parse(String value) {
        Set<String> ids = value == null ? Set.of() : Arrays.stream(value.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("is required: list the client ids Alexa sends (comma-separated), "
                    + "or set * to accept any client id (unsafe: the endpoint then relays any app's tokens)");
        }
        if (ids.contains(ANY)) {
            if (ids.size() > 1) {
                throw new IllegalArgumentException("mixes * with client ids: set either * or a list of ids");
            }
            return new AllowedClients(true, Set.of());
        }
        return new AllowedClients(false, ids);
    }

    boolean allows(String clientId) {
        return any || ids.contains(clientId);
    }
}
