package io.github.asflink.skill.speech;

import java.util.List;

/** A choice offered in one sentence: "a or b"; "a, b, or c". Items are SSML already. */
public final class SpokenChoice {

    private SpokenChoice() {
    }

    public static String of(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.getFirst();
        }
        if (items.size() == 2) {
            return items.getFirst() + " or " + items.getLast();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + ", or " + items.getLast();
    }
}
