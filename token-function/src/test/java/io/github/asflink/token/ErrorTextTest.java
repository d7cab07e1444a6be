package io.github.asflink.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Which of Salesforce's error descriptions reach Alexa. The secrets here are plain words on purpose: a secret with
 * digits or symbols is withheld by the phrase check already, so only plain ones prove the secret check itself.
 */
class ErrorTextTest {

    private static final ClientCredentials CLIENT =
            new ClientCredentials("alexa-client", "hiddensecret", ClientCredentials.Scheme.REQUEST_BODY);

    private static TokenRequest code(String code, String verifier) {
        return new TokenRequest(new TokenRequest.AuthorizationCode(code, null, verifier), CLIENT);
    }

    private static final TokenRequest REFRESH = new TokenRequest(new TokenRequest.RefreshToken("staletoken"), CLIENT);

    @Test
    void salesforcesOwnPhrasesPassAsTheyCame() {
        assertEquals("expired access/refresh token", ErrorText.scrub("expired access/refresh token", REFRESH));
        assertEquals("authentication failure", ErrorText.scrub("authentication failure", code("somecode", null)));
    }

    @Test
    void nothingOrBlankIsNoDescription() {
        assertNull(ErrorText.scrub(null, REFRESH));
        assertNull(ErrorText.scrub("  ", REFRESH));
    }

    @Test
    void descriptionOfExactlyTheMaximumLengthPassesOneMoreIsWithheld() {
        String limit = "word ".repeat(ErrorText.MAX_LENGTH / 5);
        assertEquals(ErrorText.MAX_LENGTH, limit.length());
        assertEquals(limit, ErrorText.scrub(limit, REFRESH));
        assertEquals("Salesforce rejected the request", ErrorText.scrub(limit + "w", REFRESH));
    }

    @Test
    void aDescriptionThatRepeatsAnyOfTheRequestsSecretsIsWithheld() {
        assertEquals(ErrorText.WITHHELD, ErrorText.scrub("bad client hiddensecret", REFRESH));
        assertEquals(ErrorText.WITHHELD, ErrorText.scrub("bad refresh staletoken", REFRESH));
        assertEquals(ErrorText.WITHHELD, ErrorText.scrub("bad code usedcode", code("usedcode", null)));
        assertEquals(ErrorText.WITHHELD, ErrorText.scrub("bad verifier myverifier", code("usedcode", "myverifier")));
        assertEquals("bad verifier", ErrorText.scrub("bad verifier", code("usedcode", "myverifier")));
    }

    @Test
    void secretsShorterThanFourCharactersAreNotLookedForBecauseEveryWordWouldMatch() {
        assertEquals("bad code abc", ErrorText.scrub("bad code abc", code("abc", null)));
        assertEquals(ErrorText.WITHHELD, ErrorText.scrub("bad code abcd", code("abcd", null)));
    }

    @Test
    void digitsBase64AndLongWordsAreWithheld() {
        assertEquals(ErrorText.WITHHELD, ErrorText.scrub("token 00D5g000", REFRESH));
        assertEquals(ErrorText.WITHHELD, ErrorText.scrub("token abc+def=", REFRESH));
        assertEquals(ErrorText.WITHHELD, ErrorText.scrub("a" + "b".repeat(24), REFRESH));
        assertEquals("a" + "b".repeat(23), ErrorText.scrub("a" + "b".repeat(23), REFRESH));
    }
}
