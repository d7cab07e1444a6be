package io.github.asflink.linkedtoken;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which instance URLs the functions will send a Salesforce token to. A token is only as safe as the host it is sent
 * to, so both the token function (before handing a token to Alexa) and the skill (before calling out) check here.
 *
 * <p>The specification, read from {@value #ENVIRONMENT_VARIABLE}, is a comma-separated list of entries:
 * <ul>
 *   <li>{@code default}: the hosts that serve Salesforce's API to OAuth clients, and only those: My Domain hosts
 *       (the suffixes in {@link #DEFAULT_HOST_SUFFIXES}: {@code *.my.salesforce.com}, which covers sandbox, scratch,
 *       developer and demo orgs, {@code *.my.salesforce.mil} for Government Cloud Plus, {@code *.my.sfcrmproducts.cn}
 *       for China) and legacy instance hosts directly under {@code salesforce.com} such as {@code na1} or
 *       {@code cs42} ({@link #LEGACY_INSTANCE_HOST}). Sites and content hosts ({@code *.force.com},
 *       {@code *.my.site.com}, {@code *.cloudforce.com}, {@code *.visualforce.com}) serve pages, not the API, and
 *       are left out: a token sent there is a token given away;</li>
 *   <li>{@code .example.com}: any https host ending in that suffix, on the default port; the suffix needs at least
 *       two labels, so a typo such as {@code .com} cannot open the list to a whole top-level domain;</li>
 *   <li>{@code https://host[:port]}: exactly that origin; {@code http://} only for a loopback host, so tests and the
 *       local runner can add a stand-in on purpose without opening plain http to the world.</li>
 * </ul>
 * Unset or blank means {@code default}.
 */
public final class InstanceUrlPolicy {

    public static final String ENVIRONMENT_VARIABLE = "INSTANCE_URL_ALLOWLIST";

    /** My Domain: commercial, Government Cloud Plus, China. The first one is the common case. */
    public static final List<String> DEFAULT_HOST_SUFFIXES = List.of(
            ".my.salesforce.com", ".my.salesforce.mil", ".my.sfcrmproducts.cn");

    /**
     * A legacy instance host such as {@code na1}, {@code cs42}, {@code eu12} or {@code um1} (optionally with an
     * {@code -s} suffix) directly under {@code salesforce.com}: letters, then digits, one label. Names without
     * digits ({@code login}, {@code test}, {@code help}, {@code trailhead}) are not instances.
     */
    public static final Pattern LEGACY_INSTANCE_HOST = Pattern.compile("[a-z]+[0-9]+(-s)?\\.salesforce\\.com");

    private static final InstanceUrlPolicy DEFAULTS = new InstanceUrlPolicy(DEFAULT_HOST_SUFFIXES, true, List.of());

    private final List<String> hostSuffixes;
    private final boolean legacyInstanceHosts;
    private final List<URI> exactOrigins;

    private InstanceUrlPolicy(List<String> hostSuffixes, boolean legacyInstanceHosts, List<URI> exactOrigins) {
        this.hostSuffixes = List.copyOf(hostSuffixes);
        this.legacyInstanceHosts = legacyInstanceHosts;
        this.exactOrigins = List.copyOf(exactOrigins);
    }

    public static InstanceUrlPolicy defaults() {
        return DEFAULTS;
    }

    public static InstanceUrlPolicy fromEnvironment(Map<String, String> environment) {
        return parse(environment.get(ENVIRONMENT_VARIABLE));
    }

    /**
     * Reads a specification; a bad entry fails with a message naming the variable and the entry's position, never
     * its text: whatever was pasted into the variable by mistake stays out of the logs.
     */
    public static InstanceUrlPolicy parse(String specification) {
        if (specification == null || specification.isBlank()) {
            return DEFAULTS;
        }
        List<String> suffixes = new ArrayList<>();
        List<URI> origins = new ArrayList<>();
        boolean legacy = false;
        String[] entries = specification.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim().toLowerCase(Locale.ROOT);
            String where = ENVIRONMENT_VARIABLE + " entry " + (i + 1);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("default")) {
                suffixes.addAll(DEFAULT_HOST_SUFFIXES);
                legacy = true;
            } else if (entry.startsWith(".") || !entry.contains("://")) {
                suffixes.add(parseSuffix(entry, where));
            } else {
                origins.add(parseOrigin(entry, where));
            }
        }
        if (suffixes.isEmpty() && origins.isEmpty()) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " has no entries");
        }
        return new InstanceUrlPolicy(suffixes.stream().distinct().toList(), legacy, origins);
    }

    /**
     * Returns the URL as a URI when it is an allowed origin: https (or an explicitly allowed loopback origin), no user
     * info, no query or fragment, and no path beyond {@code /}.
     */
    public URI check(String instanceUrl) throws LinkedTokenException {
        if (instanceUrl == null || instanceUrl.isEmpty()) {
            throw new LinkedTokenException(LinkedTokenException.Reason.DISALLOWED_INSTANCE_URL);
        }
        URI uri;
        try {
            uri = new URI(instanceUrl);
        } catch (URISyntaxException e) {
            throw new LinkedTokenException(LinkedTokenException.Reason.DISALLOWED_INSTANCE_URL);
        }
        if (!isBareOrigin(uri)) {
            throw new LinkedTokenException(LinkedTokenException.Reason.DISALLOWED_INSTANCE_URL);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (URI origin : exactOrigins) {
            if (origin.getScheme().equals(scheme) && origin.getHost().equals(host)
                    && effectivePort(origin) == effectivePort(uri)) {
                return uri;
            }
        }
        if (scheme.equals("https") && uri.getPort() == -1) {
            if (legacyInstanceHosts && LEGACY_INSTANCE_HOST.matcher(host).matches()) {
                return uri;
            }
            for (String suffix : hostSuffixes) {
                if (host.endsWith(suffix) && host.length() > suffix.length()) {
                    return uri;
                }
            }
        }
        throw new LinkedTokenException(LinkedTokenException.Reason.DISALLOWED_INSTANCE_URL);
    }

    public List<String> hostSuffixes() {
        return hostSuffixes;
    }

    /** Whether legacy instance hosts ({@link #LEGACY_INSTANCE_HOST}) are allowed, as {@code default} does. */
    public boolean legacyInstanceHosts() {
        return legacyInstanceHosts;
    }

    public List<URI> exactOrigins() {
        return exactOrigins;
    }

    /** {@code scheme://host[:port]}, lower-case, no trailing slash. */
    static String canonical(URI origin) {
        String base = origin.getScheme().toLowerCase(Locale.ROOT) + "://" + origin.getHost().toLowerCase(Locale.ROOT);
        return origin.getPort() == -1 ? base : base + ":" + origin.getPort();
    }

    /**
     * A host suffix such as {@code .example.com}: a leading dot and at least two non-empty labels, so that neither a
     * top-level domain ({@code .com}, {@code .cn}) nor a bare name can stand for "everything under it".
     */
    private static String parseSuffix(String entry, String where) {
        String[] labels = entry.startsWith(".") ? entry.substring(1).split("\\.", -1) : new String[0];
        if (labels.length < 2) {
            throw new IllegalArgumentException(where + " must be 'default', a host suffix of at least two labels like"
                    + " '.example.com', or an origin like 'https://host[:port]'");
        }
        for (String label : labels) {
            if (label.isEmpty() || !isHostLabel(label)) {
                throw new IllegalArgumentException(where + " is not a host suffix: labels are letters, digits and '-'");
            }
        }
        return entry;
    }

    private static URI parseOrigin(String entry, String where) {
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + " is not a URL");
        }
        if (!isBareOrigin(uri)) {
            throw new IllegalArgumentException(where
                    + " must be 'default', a host suffix like '.example.com', or an origin like 'https://host[:port]'");
        }
        if (uri.getScheme().equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(where + " uses http, which is only allowed for a loopback host");
        }
        return uri;
    }

    private static boolean isBareOrigin(URI uri) {
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return false;
        }
        // java.net.URI drops a user-info part it cannot parse into the authority only; reject any '@' outright.
        if (uri.getRawAuthority() == null || uri.getRawAuthority().contains("@")) {
            return false;
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http");
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** {@code localhost}, {@code [::1]} or {@code 127.x.x.x}: the only hosts plain http is allowed for. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static boolean isHostLabel(String label) {
        return label.chars().allMatch(c -> c == '-' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InstanceUrlPolicy that && hostSuffixes.equals(that.hostSuffixes)
                && legacyInstanceHosts == that.legacyInstanceHosts && exactOrigins.equals(that.exactOrigins);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostSuffixes, legacyInstanceHosts, exactOrigins);
    }

    @Override
    public String toString() {
        return "InstanceUrlPolicy[hostSuffixes=" + hostSuffixes + ", legacyInstanceHosts=" + legacyInstanceHosts
                + ", exactOrigins=" + exactOrigins + "]";
    }
}
