package io.github.asflink.skill.speech;

import java.util.List;

/** Several things in one sentence, the way people list them. Items are SSML already. */
public final class SpokenList {

    private SpokenList() {
    }

    /** "a and b"; "a, b, and c". */
    public static String of(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.getFirst();
        }
        if (items.size() == 2) {
            return items.getFirst() + " and " + items.getLast();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.getLast();
    }

    /** "a; b; and c": for items with commas of their own (subjects, "at 9 AM, Pipeline review"). */
    public static String ofPhrases(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.getFirst();
        }
        return String.join("; ", items.subList(0, items.size() - 1)) + "; and " + items.getLast();
    }
}
