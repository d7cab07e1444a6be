package io.github.asflink.skill.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one way a user's words enter SOQL, checked on chosen edge cases and on many generated inputs. */
class NameMatchTest {

    private static final Set<String> FILLER = Set.of("the", "a", "an", "deal", "opportunity", "account", "with",
            "my");
    /** Quotes, backslashes, LIKE's wildcards, SOSL's reserved characters, controls, whitespace, unicode, fillers. */
    private static final String[] PIECES = {"a", "Z", "7", "é", "Ü", "ß", "日本", "\uD83D\uDE00", "İ", "'", "\"", "\\",
        "%", "_", "?", "&", "|", "!", "{", "}", "[", "]", "(", ")", "^", "~", "*", ":", "+", "-", " ", "  ", "\t", "\n",
        "\r", "\u0000", "\u001f", "\u007f", "\u00a0", "\u2003", "The", "DEAL", "with", "my", "Account", " an ", "AND",
        "OR", "LIKE", "--", "/*", "*/", ";"};

    @Test
    void spokenWordsBecomeOneEscapedLikePerWord() {
        NameMatch match = NameMatch.of("the Globex renewal deal").orElseThrow();

        assertEquals(List.of("globex", "renewal"), match.words());
        assertEquals("Name LIKE '%globex%' AND Name LIKE '%renewal%'", match.condition());
        assertEquals("globex renewal", match.phrase());
    }

    @Test
    void eachSpecialCharacterIsEscapedAndNothingElseIs() {
        assertEquals("Name LIKE '%o\\'brien%'", NameMatch.of("O'Brien").orElseThrow().condition());
        assertEquals("Name LIKE '%100\\%%'", NameMatch.of("100%").orElseThrow().condition());
        assertEquals("Name LIKE '%a\\_b%'", NameMatch.of("a_b").orElseThrow().condition());
        assertEquals("Name LIKE '%\\\\%'", NameMatch.of("\\").orElseThrow().condition());
        assertEquals("Name LIKE '%\\\"q\\\"%'", NameMatch.of("\"q\"").orElseThrow().condition());
        assertEquals("Name LIKE '%?&|!{}[]()^~*:+-%'", NameMatch.of("?&|!{}[]()^~*:+-").orElseThrow().condition());
        assertEquals("Name LIKE '%école%' AND Name LIKE '%日本%'", NameMatch.of("ÉCOLE 日本").orElseThrow().condition());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t\n ", "\u0000\u0007", "the", "The Deal", "my opportunity with an account",
        "\u00a0\u2003"})
    void nothingButSpaceOrFillerIsNoMatch(String spoken) {
        assertEquals(Optional.empty(), NameMatch.of(spoken));
    }

    @Test
    void nullIsNoMatch() {
        assertEquals(Optional.empty(), NameMatch.of(null));
    }

    @Test
    void controlCharactersAndWhitespaceRunsSeparateWords() {
        assertEquals(List.of("acme", "corp", "widgets"), NameMatch.of("Acme\t\tCorp\u0000\n widgets").orElseThrow()
                .words());
    }

    @Test
    void atMostFiveWordsAreKept() {
        assertEquals(List.of("one", "two", "three", "four", "five"),
                NameMatch.of("the one two three four five six seven").orElseThrow().words());
    }

    @Test
    void matchesIsLikeContainsIgnoringCase() {
        NameMatch match = NameMatch.of("globex renewal").orElseThrow();

        assertTrue(match.matches("Globex & Sons Renewal"));
        assertTrue(match.matches("renewal for GLOBEX"));
        assertFalse(match.matches("Globex & Sons services"));
        assertFalse(match.matches(null));
    }

    @Test
    void theTextFormShowsNoWord() {
        assertEquals("NameMatch[2 words]", NameMatch.of("secret words").orElseThrow().toString());
    }

    @Test
    void anyInputGivesWordsThatSurviveTheLiteralIntact() {
        Random random = new Random(20261202L);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder spoken = new StringBuilder();
            int pieces = random.nextInt(14);
            for (int i = 0; i < pieces; i++) {
                spoken.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String input = spoken.toString();
            Optional<NameMatch> match = NameMatch.of(input);
            List<String> expected = expectedWords(input);
            assertEquals(expected.isEmpty(), match.isEmpty(), () -> "input " + escaped(input));
            if (match.isPresent()) {
                assertEquals(expected, match.get().words(), () -> "input " + escaped(input));
                assertEquals(expected, unescapedLikes(match.get().condition()), () -> "input " + escaped(input));
                assertTrue(match.get().matches(input.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)
                        + " " + String.join(" ", expected)));
            }
        }
    }

    /** The words as the rule states them, computed the plain way. */
    private static List<String> expectedWords(String input) {
        StringBuilder spaced = new StringBuilder();
        for (char c : input.toLowerCase(Locale.ROOT).toCharArray()) {
            spaced.append(Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c) ? ' ' : c);
        }
        List<String> words = new ArrayList<>();
        for (String word : spaced.toString().trim().split(" +")) {
            if (!word.isEmpty() && !FILLER.contains(word) && words.size() < NameMatch.MAX_WORDS) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * Reads the condition back as Salesforce would: each clause {@code Name LIKE '%...%'}, where inside the literal
     * every quote, backslash and wildcard must come escaped (an unescaped one would end the literal or match
     * anything).
     */
    private static List<String> unescapedLikes(String condition) {
        List<String> words = new ArrayList<>();
        int at = 0;
        String open = "Name LIKE '%";
        while (true) {
            assertTrue(condition.startsWith(open, at), condition);
            at += open.length();
            StringBuilder word = new StringBuilder();
            while (!(condition.charAt(at) == '%' && condition.charAt(at + 1) == '\'')) {
                char c = condition.charAt(at);
                if (c == '\\') {
                    char escapedChar = condition.charAt(at + 1);
                    assertTrue("\\'\"%_".indexOf(escapedChar) >= 0, "needless escape in " + condition);
                    word.append(escapedChar);
                    at += 2;
                } else {
                    assertTrue("'\"%_".indexOf(c) < 0, "unescaped " + c + " in " + condition);
                    word.append(c);
                    at++;
                }
            }
            words.add(word.toString());
            at += 2;
            if (at == condition.length()) {
                return words;
            }
            assertTrue(condition.startsWith(" AND ", at), condition);
            at += " AND ".length();
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }
}
