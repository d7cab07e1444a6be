package io.github.asflink.local.demoorg;

/** Salesforce record ids: a 3-character key prefix, 12 characters, and the 3-character case-safe suffix. */
final class SalesforceIds {
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceIds() {
    }

    /** An 18-character id such as {@code 0065g00000DEMO01AAA}: prefix + pod/instance part + serial + checksum. */
    static String of(String keyPrefix, String body, int serial) {
        String serialPart = Integer.toString(serial, 36).toUpperCase();
        String fifteen = keyPrefix + body;
        if (fifteen.length() + serialPart.length() > 15) {
            // A long serial takes characters from the body, after a Z that no shorter serial's id has there.
            fifteen = fifteen.substring(0, Math.max(0, 14 - serialPart.length())) + "Z";
        }
        fifteen = fifteen + "0".repeat(Math.max(0, 15 - fifteen.length() - serialPart.length())) + serialPart;
        if (fifteen.length() != 15) {
            throw new IllegalArgumentException("id does not fit in 15 characters");
        }
        return fifteen + checksum(fifteen);
    }

    /** The suffix Salesforce appends to make a 15-character id case-insensitive. */
    static String checksum(String fifteen) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = fifteen.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return suffix.toString();
    }

    /**
     * Whether two ids name the same record: a 15-character id is case-sensitive, its 18-character form is not (the
     * suffix encodes the case), and either form matches the other.
     */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.length() == 18 && b.length() == 18) {
            return a.equalsIgnoreCase(b);
        }
        if ((a.length() != 15 && a.length() != 18) || (b.length() != 15 && b.length() != 18)) {
            return a.equals(b);
        }
        return a.substring(0, 15).equals(b.substring(0, 15));
    }
}
