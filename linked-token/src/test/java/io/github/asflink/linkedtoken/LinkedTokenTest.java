package io.github.asflink.linkedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkedTokenTest {

    private static final InstanceUrlPolicy POLICY = InstanceUrlPolicy.defaults();
    private static final String TOKEN_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!._-+/=";
    private static final String[] HOSTS = {
        "acme.my.salesforce.com", "acme--uat.sandbox.my.salesforce.com", "acme-dev-ed.develop.my.salesforce.com",
        "na1.salesforce.com", "cs42.salesforce.com", "eu12.salesforce.com", "um1.salesforce.com",
        "agency.my.salesforce.mil", "corp.my.sfcrmproducts.cn",
    };

    /** A Salesforce-shaped opaque token: org id, '!', then a long base64-ish tail. */
    private static String realisticToken(Random random) {
        StringBuilder token = new StringBuilder("00D").append(random.nextInt(1_000_000, 9_999_999)).append("EAA!");
        int length = random.nextInt(20, 220);
        for (int i = 0; i < length; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }

    @Test
    void joinThenSplitGivesBackTheSamePairForManyRealisticTokens() throws Exception {
        Random random = new Random(20261201L);
        for (int i = 0; i < 2_000; i++) {
            String token = realisticToken(random);
            String url = "https://" + HOSTS[random.nextInt(HOSTS.length)] + (random.nextBoolean() ? "/" : "");
            LinkedToken linked = LinkedToken.of(token, url, POLICY);

            String joined = linked.join();
            LinkedToken back = LinkedToken.split(joined, POLICY);

            assertEquals(token, back.salesforceAccessToken());
            assertEquals(linked.instanceBase(), back.instanceBase());
            assertEquals(joined, back.join(), "join is stable after a round trip");
            assertEquals(1, joined.chars().filter(c -> c == ' ').count(), "exactly one space");
            assertFalse(back.instanceBase().endsWith("/"), "instance base has no trailing slash");
        }
    }

    @Test
    void joinedValueIsTokenSpaceInstanceUrl() throws Exception {
        LinkedToken linked = LinkedToken.of("00Dxx!AQ.token", "https://acme.my.salesforce.com", POLICY);
        assertEquals("00Dxx!AQ.token https://acme.my.salesforce.com", linked.join());
        assertEquals(URI.create("https://acme.my.salesforce.com"), linked.instanceUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.lightning.force.com", "https://acme.my.site.com", "https://eu12.cloudforce.com",
        "https://acme--c.vf.force.com", "https://login.salesforce.com"})
    void tokenForAHostThatDoesNotServeTheApiIsRefusedBothWays(String url) {
        assertEquals(LinkedTokenException.Reason.DISALLOWED_INSTANCE_URL, assertThrows(LinkedTokenException.class,
                () -> LinkedToken.of("00Dxx!AQ.token", url, POLICY)).reason());
        assertEquals(LinkedTokenException.Reason.DISALLOWED_INSTANCE_URL, assertThrows(LinkedTokenException.class,
                () -> LinkedToken.split("00Dxx!AQ.token " + url, POLICY)).reason());
    }

    @Test
    void instanceHostIsComparedCaseInsensitively() throws Exception {
        LinkedToken linked = LinkedToken.split("tok https://ACME.My.Salesforce.com", POLICY);
        assertEquals("https://acme.my.salesforce.com", linked.instanceBase());
    }

    static Stream<String> malformedValues() {
        return Stream.of(
                "00Dxx!tokenwithoutspace",
                " https://acme.my.salesforce.com",
                "00Dxx!token ",
                "00Dxx!token  https://acme.my.salesforce.com",
                "00Dxx!tok en https://acme.my.salesforce.com",
                "00Dxx!tok\ten https://acme.my.salesforce.com",
                "00Dxx!tok\u0000en https://acme.my.salesforce.com",
                "00Dxx!token\thttps://acme.my.salesforce.com");
    }

    @ParameterizedTest
    @MethodSource("malformedValues")
    void malformedValuesAreRejectedWithoutEchoingThem(String value) {
        LinkedTokenException e = assertThrows(LinkedTokenException.class, () -> LinkedToken.split(value, POLICY));
        assertEquals(LinkedTokenException.Reason.MALFORMED, e.reason(), "the shape is wrong, whatever the URL");
        assertFalse(e.getMessage().contains("00Dxx"), "message must not contain the token");
        assertEquals(e.reason().description(), e.getMessage(), "message is the reason, nothing of the value");
    }

    @Test
    void missingValueHasItsOwnReason() {
        assertEquals(LinkedTokenException.Reason.MISSING,
                assertThrows(LinkedTokenException.class, () -> LinkedToken.split(null, POLICY)).reason());
        assertEquals(LinkedTokenException.Reason.MISSING,
                assertThrows(LinkedTokenException.class, () -> LinkedToken.split("", POLICY)).reason());
    }

    @Test
    void overlongValueIsRejectedBothWays() {
        String longToken = "00D!" + "a".repeat(LinkedToken.MAX_LENGTH);
        assertEquals(LinkedTokenException.Reason.TOO_LONG, assertThrows(LinkedTokenException.class,
                () -> LinkedToken.split(longToken + " https://acme.my.salesforce.com", POLICY)).reason());
        assertEquals(LinkedTokenException.Reason.TOO_LONG, assertThrows(LinkedTokenException.class,
                () -> LinkedToken.of(longToken, "https://acme.my.salesforce.com", POLICY).join()).reason());
    }

    @Test
    void valueOfExactlyTheMaximumLengthIsAcceptedBothWays() throws Exception {
        String url = "https://acme.my.salesforce.com";
        String token = "00D!" + "a".repeat(LinkedToken.MAX_LENGTH - url.length() - 1 - 4);
        String joined = LinkedToken.of(token, url, POLICY).join();
        assertEquals(LinkedToken.MAX_LENGTH, joined.length());
        assertEquals(token, LinkedToken.split(joined, POLICY).salesforceAccessToken());
        assertEquals(LinkedTokenException.Reason.TOO_LONG, assertThrows(LinkedTokenException.class,
                () -> LinkedToken.of(token + "a", url, POLICY).join()).reason(), "one more is too long");
        assertEquals(LinkedTokenException.Reason.TOO_LONG, assertThrows(LinkedTokenException.class,
                () -> LinkedToken.split(token + "a " + url, POLICY)).reason(), "one more is too long");
    }

    @Test
    void reasonsDescribeThemselvesWithoutTheValue() {
        assertEquals("no linked token", LinkedTokenException.Reason.MISSING.description());
        assertEquals("linked token is not '<access token> <instance url>'",
                LinkedTokenException.Reason.MALFORMED.description());
        assertEquals("linked token is longer than 2048 characters", LinkedTokenException.Reason.TOO_LONG.description());
        assertEquals("instance URL is not an allowed Salesforce origin",
                LinkedTokenException.Reason.DISALLOWED_INSTANCE_URL.description());
    }

    @Test
    void secretDoesNotAppearInToString() throws Exception {
        LinkedToken linked = LinkedToken.of("00Dxx!SECRETPART", "https://acme.my.salesforce.com", POLICY);
        assertFalse(linked.toString().contains("SECRETPART"));
        assertTrue(linked.toString().contains("acme.my.salesforce.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\there"})
    void constructorRefusesTokensThatCouldNotBeSplitAgain(String token) {
        assertThrows(IllegalArgumentException.class,
                () -> new LinkedToken(token, URI.create("https://acme.my.salesforce.com")));
    }
}
