package io.github.asflink.skill.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.asflink.salesforceerrors.IdentityError;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The identity service's plain-text codes, read as the skill reads them, against the project's shared list. */
class IdentityCodeTest {

    @Test
    void theSkillKnowsExactlyTheSharedIdentityCodesAndWhichMeanADeadToken() {
        for (IdentityError shared : IdentityError.values()) {
            Optional<IdentityCode> code = IdentityCode.of(shared.code());
            assertTrue(code.isPresent(), shared.code());
            assertEquals(shared.meansDeadToken(), code.get().meansDeadToken(), shared.code());
        }
        assertEquals(IdentityError.values().length, IdentityCode.values().length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad_OAuth_Token", "Bad_OAuth_Token\n", "Bad_OAuth_Token\r\n", "  Bad_OAuth_Token "})
    void aDeadTokenCodeIsReadWithOrWithoutATrailingNewline(String body) {
        assertEquals(Optional.of(IdentityCode.BAD_OAUTH_TOKEN), IdentityCode.of(body));
    }

    @Test
    void aCodePaddedToExactlyTheLongestBodyReadIsStillReadOneMoreIsNot() {
        String padded = "Bad_OAuth_Token" + " ".repeat(64 - "Bad_OAuth_Token".length());
        assertEquals(Optional.of(IdentityCode.BAD_OAUTH_TOKEN), IdentityCode.of(padded));
        assertEquals(Optional.empty(), IdentityCode.of(padded + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bad_oauth_token", "Bad_OAuth_Token_Extra", "[{\"errorCode\":\"Bad_OAuth_Token\"}]",
            "Insufficient_Scope"})
    void anythingElseIsNoCode(String body) {
        assertEquals(Optional.empty(), IdentityCode.of(body));
        assertEquals(Optional.empty(), IdentityCode.of(null));
        assertTrue(Arrays.stream(IdentityCode.values()).noneMatch(c -> c.code().equals(body)));
    }
}
