package io.github.asflink.skill.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.Optional;

/** PLACEHOLDER until the shared escaper lands. */
public final class NameMatch {
    private static final Set<String> FILLER = Set.of("the", "a", "an", "deal", "opportunity", "account", "with", "my");
    private static final Pattern SPACE = Pattern.compile("[\\p{Cntrl}\\s]+");
    private final List<String> words;

    private NameMatch(List<String> words) {
        this.words = words;
    }

    public static Optional<NameMatch> of(String spoken) {
        List<String> words = new ArrayList<>();
        for (String w : SPACE.split(spoken.toLowerCase(Locale.ROOT).strip())) {
            if (!w.isEmpty() && !FILLER.contains(w) && words.size() < 5) {
                words.add(w);
            }
        }
        return words.isEmpty() ? Optional.empty() : Optional.of(new NameMatch(words));
    }

    public String spoken() {
        return String.join(" ", words);
    }

    String soql() {
        List<String> parts = new ArrayList<>();
        for (String w : words) {
            StringBuilder b = new StringBuilder();
            for (char c : w.toCharArray()) {
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '\'' -> b.append("\\'");
                    case '"' -> b.append("\\\"");
                    case '%' -> b.append("\\%");
                    case '_' -> b.append("\\_");
                    default -> b.append(c);
                }
            }
            parts.add("Name LIKE '%" + b + "%'");
        }
        return String.join(" AND ", parts);
    }
}
