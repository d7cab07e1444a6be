package io.github.asflink.linkedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: the linked token Alexa sends back, and the pair the token function joins. Input: the UTF-8 text of a
 * linked token; when it holds a line feed, also an access token and an instance URL to join (before and after it).
 * Whatever the text, split and join either fail with the typed exception or round-trip, and every instance URL they
 * let through is inside the allow-list by an independent reading. Seeds: the linked tokens of the sample events.
 */
class LinkedTokenFuzzTest {

    /** The skill's policy in the tests: the defaults plus one loopback stand-in. */
    private static final String SPECIFICATION = "default,http://127.0.0.1:8443";
    private static final InstanceUrlPolicy POLICY = InstanceUrlPolicy.parse(SPECIFICATION);
    private static final IndependentOrigin.Rules RULES = IndependentOrigin.Rules.of(SPECIFICATION);

    @FuzzTest
    void splitAndJoinRoundTrip(byte[] input) throws LinkedTokenException {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            LinkedToken token = LinkedToken.split(text, POLICY);
            assertTrue(text.startsWith(token.salesforceAccessToken() + " "), "split changed the access token");
            IndependentOrigin.assertAllowed(text.substring(text.indexOf(' ') + 1), token.instanceUrl(), RULES);
            assertRoundTrips(token);
        } catch (LinkedTokenException expected) {
            assertEquals(expected.reason().description(), expected.getMessage(), "the message is more than the reason");
        }

        int newline = text.indexOf('\n');
        if (newline >= 0) {
            String accessToken = text.substring(0, newline);
            String instanceUrl = text.substring(newline + 1);
            try {
                LinkedToken token = LinkedToken.of(accessToken, instanceUrl, POLICY);
                assertEquals(accessToken, token.salesforceAccessToken());
                IndependentOrigin.assertAllowed(instanceUrl, token.instanceUrl(), RULES);
                assertRoundTrips(token);
            } catch (LinkedTokenException expected) {
                // a token with whitespace, or a URL outside the policy: typed, nothing more to check
            }
        }
    }

    /** join → split gives the same pair, the joined form is canonical and has one space, toString hides the token. */
    private static void assertRoundTrips(LinkedToken token) throws LinkedTokenException {
        String joined;
        try {
            joined = token.join();
        } catch (LinkedTokenException tooLong) {
            assertEquals(LinkedTokenException.Reason.TOO_LONG, tooLong.reason());
            return;
        }
        assertTrue(joined.length() <= LinkedToken.MAX_LENGTH);
        assertEquals(joined.indexOf(' '), joined.lastIndexOf(' '), "a joined token has exactly one space");
        LinkedToken again = LinkedToken.split(joined, POLICY);
        assertEquals(token.salesforceAccessToken(), again.salesforceAccessToken());
        assertEquals(token.instanceBase(), again.instanceBase());
        assertEquals(joined, again.join(), "join is not canonical");
        assertEquals("LinkedToken[salesforceAccessToken=<redacted>, instanceUrl=" + token.instanceBase() + "]",
                token.toString(), "toString shows more than the instance URL");
    }
}
