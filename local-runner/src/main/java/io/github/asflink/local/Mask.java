package io.github.asflink.local;

/** Shows enough of a secret to recognise it, never the whole: the first six characters and an ellipsis. */
public final class Mask {
    private Mask() {
    }

    public static String secret(String value) {
        if (value == null || value.isEmpty()) {
            return "(none)";
        }
        return value.length() <= 6 ? "…" : value.substring(0, 6) + "…";
    }
}
