package io.github.asflink.skill.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the user called a record ("the Globex renewal deal"), as the words a record's {@code Name} must contain. The
 * only way a user's words enter SOQL: lower-cased, filler words dropped, at most {@value #MAX_WORDS} words, each
 * escaped for a LIKE pattern inside a string literal, so a quote, backslash, {@code %} or {@code _} in what Alexa heard
 * is matched as itself and can never end the literal.
 */
public final class NameMatch {

    /** More words rarely help and make each query longer. */
    public static final int MAX_WORDS = 5;

    /** Words people say around a name that no name needs. */
    private static final Set<String> FILLER = Set.of("the", "a", "an", "deal", "opportunity", "account", "with",
            "my");

    private final List<String> words;

    private NameMatch(List<String> words) {
        this.words = List.copyOf(words);
    }

    /** The words of {@code spoken}; empty when none is left (nothing said, or only filler), so no query is made. */
    public static Optional<NameMatch> of(String spoken) {
        if (spoken == null) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>();
        for (String word : normalized(spoken).split(" ")) {
            if (!word.isEmpty() && !FILLER.contains(word) && words.size() < MAX_WORDS) {
                words.add(word);
            }
        }
        return words.isEmpty() ? Optional.empty() : Optional.of(new NameMatch(words));
    }

    /** The kept words, lower-case, in the order spoken. */
    public List<String> words() {
        return words;
    }

    /** The kept words as one phrase, for speech (escape it for SSML). */
    public String phrase() {
        return String.join(" ", words);
    }

    /** The SOQL condition {@code Name LIKE '%w1%' AND Name LIKE '%w2%'}. */
    public String condition() {
        List<String> likes = new ArrayList<>();
        for (String word : words) {
            likes.add("Name LIKE '%" + escapeLike(word) + "%'");
        }
        return String.join(" AND ", likes);
    }

    /**
     * Whether {@code name} contains every word, as Salesforce's LIKE would find it (case-insensitively): how a
     * follow-up answer is matched against names already found, without asking Salesforce again.
     */
    public boolean matches(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return words.stream().allMatch(lower::contains);
    }

    /** Escapes one word for a LIKE pattern inside a single-quoted SOQL string literal. */
    static String escapeLike(String word) {
        StringBuilder out = new StringBuilder(word.length() + 8);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '\\', '\'', '"', '%', '_' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Lower-case, with every run of whitespace and control characters as one space. */
    private static String normalized(String spoken) {
        String lower = spoken.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        return out.toString().strip();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NameMatch match && match.words.equals(words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    /** The word count only: the words are what a user said, and this may end up in a log. */
    @Override
    public String toString() {
        return "NameMatch[" + words.size() + " words]";
    }
}
