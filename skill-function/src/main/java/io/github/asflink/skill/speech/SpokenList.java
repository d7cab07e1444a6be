package io.github.asflink.skill.speech;

import java.util.List;

/** A list as a person says it: "A", "A and B", "A, B, and C" (or "or" when offering a choice). */
public final class SpokenList {

    private SpokenList() {
    }

    public static String and(List<String> items) {
        return join(items, "and");
    }

    public static String or(List<String> items) {
        return join(items, "or");
    }

    private static String join(List<String> items, String conjunction) {
        return switch (items.size()) {
            case 0 -> "";
            case 1 -> items.getFirst();
            case 2 -> items.get(0) + " " + conjunction + " " + items.get(1);
            default -> String.join(", ", items.subList(0, items.size() - 1)) + ", " + conjunction + " "
                    + items.getLast();
        };
    }
}
