package io.github.asflink.linkedtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The allow-list's rules written out a second time, from scratch, for the fuzz targets: an instance URL the policy
 * accepted is read again, once with a pattern of our own and once with {@link URI}, and each reading must put the
 * URL inside the allowed set. Nothing here calls the policy's own parsing.
 */
final class IndependentOrigin {

    /**
     * scheme://host[:port][/] and nothing else: no user info, query, fragment or path. The port may be empty
     * ({@code https://host:}): RFC 3986 allows it and means the default port, as java.net.URI reads it; so are
     * leading zeros ({@code :08443} is port 8443).
     */
    private static final Pattern ORIGIN =
            Pattern.compile("(?i)(https?)://([^/?#@\\\\\\s:\\[\\]]+|\\[[0-9a-f:.]+\\])(?::([0-9]*))?/?");
    private static final Pattern LEGACY = Pattern.compile("[a-z]+[0-9]+(-s)?\\.salesforce\\.com");
    private static final List<String> DEFAULT_SUFFIXES =
            List.of(".my.salesforce.com", ".my.salesforce.mil", ".my.sfcrmproducts.cn");

    /** What a specification allows, read by this class alone. */
    record Rules(List<String> suffixes, boolean legacy, List<String[]> origins) {

        /** {@code null} or blank means {@code default}; entries as the policy documents them. */
        static Rules of(String specification) {
            List<String> suffixes = new ArrayList<>();
            List<String[]> origins = new ArrayList<>();
            boolean legacy = false;
            if (specification == null || specification.isBlank()) {
                return new Rules(DEFAULT_SUFFIXES, true, origins);
            }
            for (String raw : specification.split(",")) {
                String entry = raw.trim().toLowerCase(Locale.ROOT);
                if (entry.isEmpty()) {
                    continue;
                }
                if (entry.equals("default")) {
                    suffixes.addAll(DEFAULT_SUFFIXES);
                    legacy = true;
                } else if (entry.startsWith(".") || !entry.contains("://")) {
                    suffixes.add(entry);
                } else {
                    Matcher origin = ORIGIN.matcher(entry);
                    if (origin.matches()) {
                        origins.add(new String[] {origin.group(1), origin.group(2), port(origin)});
                    }
                }
            }
            return new Rules(suffixes, legacy, origins);
        }
    }

    private IndependentOrigin() {
    }

    /** Fails unless {@code accepted}, which the policy returned for {@code instanceUrl}, is inside {@code rules}. */
    static void assertAllowed(String instanceUrl, URI accepted, Rules rules) {
        assertNotNull(accepted);
        Matcher origin = ORIGIN.matcher(instanceUrl);
        assertTrue(origin.matches(), "accepted an instance URL that is not a bare origin: " + instanceUrl);
        String scheme = origin.group(1).toLowerCase(Locale.ROOT);
        String host = origin.group(2).toLowerCase(Locale.ROOT);
        String port = port(origin);

        URI uri;
        try {
            uri = new URI(instanceUrl);
        } catch (URISyntaxException e) {
            throw new AssertionError("accepted an instance URL java.net.URI cannot parse: " + instanceUrl, e);
        }
        assertEquals(scheme, uri.getScheme().toLowerCase(Locale.ROOT), instanceUrl);
        assertNotNull(uri.getHost(), instanceUrl);
        assertEquals(host, uri.getHost().toLowerCase(Locale.ROOT), "the two readings see different hosts");
        assertNull(uri.getRawUserInfo(), instanceUrl);
        assertNull(uri.getRawQuery(), instanceUrl);
        assertNull(uri.getRawFragment(), instanceUrl);
        assertTrue(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"), instanceUrl);
        assertEquals(accepted, uri, "the policy returned another URI than the one it was given");

        for (String[] exact : rules.origins()) {
            if (exact[0].equals(scheme) && exact[1].equals(host) && exact[2].equals(port)) {
                assertTrue(scheme.equals("https") || isLoopback(host), "plain http to a non-loopback host");
                return;
            }
        }
        assertEquals("https", scheme, "a non-https instance URL outside the exact origins: " + instanceUrl);
        assertEquals("443", port, "a port on a suffix or legacy host: " + instanceUrl);
        assertTrue(uri.getPort() == -1 && (origin.group(3) == null || origin.group(3).isEmpty()),
                "an explicit port on a suffix or legacy host: " + instanceUrl);
        if (rules.legacy() && LEGACY.matcher(host).matches()) {
            return;
        }
        for (String suffix : rules.suffixes()) {
            if (host.endsWith(suffix) && host.length() > suffix.length()) {
                return;
            }
        }
        fail("accepted a host outside the allowed set: " + instanceUrl);
    }

    private static String port(Matcher origin) {
        if (origin.group(3) != null && !origin.group(3).isEmpty()) {
            return origin.group(3).replaceFirst("^0+(?=.)", "");
        }
        return origin.group(1).equalsIgnoreCase("https") ? "443" : "80";
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("[::1]") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
