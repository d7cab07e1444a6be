package io.github.asflink.linkedtoken;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which instance URLs the functions will send a Salesforce token to. A token is only as safe as the host it is sent
 * to, so both the token function (before handing a token to Alexa) and the skill (before calling out) check here.
 *
 * <p>The specification, read from {@value #ENVIRONMENT_VARIABLE}, is a comma-separated list of entries:
 * <ul>
 *   <li>{@code default}: the Salesforce host suffixes in {@link #DEFAULT_HOST_SUFFIXES};</li>
 *   <li>{@code .example.com}: any https host ending in that suffix, on the default port;</li>
 *   <li>{@code https://host[:port]}: exactly that origin; {@code http://} only for a loopback host, so tests and the
 *       local runner can add a stand-in on purpose without opening plain http to the world.</li>
 * </ul>
 * Unset or blank means {@code default}.
 */
public final class InstanceUrlPolicy {

    public static final String ENVIRONMENT_VARIABLE = "INSTANCE_URL_ALLOWLIST";

    public static final List<String> DEFAULT_HOST_SUFFIXES = List.of(
            ".salesforce.com", ".force.com", ".cloudforce.com", ".salesforce.mil", ".sfcrmproducts.cn");

    private static final InstanceUrlPolicy DEFAULTS = new InstanceUrlPolicy(DEFAULT_HOST_SUFFIXES, List.of());

    private final List<String> hostSuffixes;
    private final List<URI> exactOrigins;

    private InstanceUrlPolicy(List<String> hostSuffixes, List<URI> exactOrigins) {
        this.hostSuffixes = List.copyOf(hostSuffixes);
        this.exactOrigins = List.copyOf(exactOrigins);
    }

    public static InstanceUrlPolicy defaults() {
        return DEFAULTS;
    }

    public static InstanceUrlPolicy fromEnvironment(Map<String, String> environment) {
        return parse(environment.get(ENVIRONMENT_VARIABLE));
    }

    /**
     * Reads a specification; a bad entry fails with a message naming the variable and the entry (an allow-list holds
     * no secrets).
     */
    public static InstanceUrlPolicy parse(String specification) {
        if (specification == null || specification.isBlank()) {
            return DEFAULTS;
        }
        List<String> suffixes = new ArrayList<>();
        List<URI> origins = new ArrayList<>();
        for (String raw : specification.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("default")) {
                suffixes.addAll(DEFAULT_HOST_SUFFIXES);
            } else if (entry.startsWith(".") && entry.length() > 2 && isHostName(entry.substring(1))) {
                suffixes.add(entry);
            } else {
                origins.add(parseOrigin(entry));
            }
        }
        if (suffixes.isEmpty() && origins.isEmpty()) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " has no entries");
        }
        return new InstanceUrlPolicy(suffixes, origins);
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

    public List<URI> exactOrigins() {
        return exactOrigins;
    }

    /** {@code scheme://host[:port]}, lower-case, no trailing slash. */
    static String canonical(URI origin) {
        String base = origin.getScheme().toLowerCase(Locale.ROOT) + "://" + origin.getHost().toLowerCase(Locale.ROOT);
        return origin.getPort() == -1 ? base : base + ":" + origin.getPort();
    }

    private static URI parseOrigin(String entry) {
        URI uri;
        try {
            uri = new URI(entry);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " entry '" + entry + "' is not a URL");
        }
        if (!isBareOrigin(uri)) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " entry '" + entry
                    + "' must be 'default', a host suffix like '.example.com', or an origin like 'https://host[:port]'");
        }
        if (uri.getScheme().equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(ENVIRONMENT_VARIABLE + " entry '" + entry
                    + "' uses http, which is only allowed for a loopback host");
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

    private static boolean isHostName(String value) {
        return value.chars().allMatch(c -> c == '.' || c == '-' || Character.isLetterOrDigit(c));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InstanceUrlPolicy that
                && hostSuffixes.equals(that.hostSuffixes) && exactOrigins.equals(that.exactOrigins);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostSuffixes, exactOrigins);
    }

    @Override
    public String toString() {
        return "InstanceUrlPolicy[hostSuffixes=" + hostSuffixes + ", exactOrigins=" + exactOrigins + "]";
    }
}
