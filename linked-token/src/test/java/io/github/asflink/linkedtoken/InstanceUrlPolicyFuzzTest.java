package io.github.asflink.linkedtoken;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Fuzz target: {@link InstanceUrlPolicy}. Input: an {@code INSTANCE_URL_ALLOWLIST} value, a line feed, and an instance
 * URL (no line feed: the URL alone, against the defaults). A specification is accepted or refused with a message that
 * names only the entry's position; every URL the resulting policy accepts has no user info, no path, no query, an https
 * scheme (http only for an exact loopback origin) and a host in the allowed set, by an independent reading.
 */
class InstanceUrlPolicyFuzzTest {

    /** The policy's refusals, with the entry's number as the only variable part. */
    private static final Pattern REFUSAL = Pattern.compile("INSTANCE_URL_ALLOWLIST (has no entries|entry [0-9]+ ("
            + Pattern.quote("must be 'default', a host suffix of at least two labels like '.example.com', or an"
                    + " origin like 'https://host[:port]'")
            + "|" + Pattern.quote("is not a host suffix: labels are letters, digits and '-'")
            + "|" + Pattern.quote("is not a URL")
            + "|" + Pattern.quote("must be 'default', a host suffix like '.example.com', or an origin like"
                    + " 'https://host[:port]'")
            + "|" + Pattern.quote("uses http, which is only allowed for a loopback host") + "))");

    @FuzzTest
    void acceptsOnlyAllowedOrigins(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String specification = newline < 0 ? null : text.substring(0, newline);
        String instanceUrl = newline < 0 ? text : text.substring(newline + 1);

        InstanceUrlPolicy policy;
        try {
            policy = InstanceUrlPolicy.parse(specification);
        } catch (IllegalArgumentException refused) {
            assertTrue(REFUSAL.matcher(refused.getMessage()).matches(),
                    "refusal quotes input: " + refused.getMessage());
            return;
        }
        URI accepted;
        try {
            accepted = policy.check(instanceUrl);
        } catch (LinkedTokenException refused) {
            return;
        }
        IndependentOrigin.assertAllowed(instanceUrl, accepted, IndependentOrigin.Rules.of(specification));
    }
}
