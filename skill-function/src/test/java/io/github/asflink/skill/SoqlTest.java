package io.github.asflink.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoqlTest {

    @Test
    void quotesAPlainValue() {
        assertEquals("'0055g00000AbCdEAAV'", Soql.string("0055g00000AbCdEAAV"));
    }

    @Test
    void escapesQuotesAndBackslashesSoAValueCannotEndTheLiteral() {
        assertEquals("'x\\' OR Name != \\''", Soql.string("x' OR Name != '"));
        assertEquals("'a\\\\\\' b'", Soql.string("a\\' b"));
    }

    @Test
    void escapesLineBreaksAndDropsOtherControlCharacters() {
        assertEquals("'a\\nb\\tc'", Soql.string("a\nb\tc\u0000"));
    }
}
