package io.github.asflink.skill;

/**
 * SOQL literals. Every value that goes into a query passes through here, so a value can never end a string early and
 * add conditions of its own.
 */
final class Soql {

    private Soql() {
    }

    /**
     * A quoted SOQL string literal. Backslash and single quote are escaped as SOQL requires ({@code \\}, {@code \'});
     * line breaks and tabs use SOQL's {@code \n}, {@code \r}, {@code \t}; other control characters are dropped.
     */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20) {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }
}
