package io.github.asflink.local.demoorg;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The demo org's one connected app. Its client id and secret are DEMO VALUES, printed in the docs on purpose: never
 * use them for a real org. Callback URLs: the three Alexa redirect URLs for vendor DEMOVENDOR, and the local runner's
 * {@code /callback} page on any loopback port.
 */
public record ConnectedApp(String clientId, String clientSecret, List<String> callbackUrls) {
    public static final String DEMO_CLIENT_ID = "demo-client-id";
    /** Demo only: a fixed, public value so the demo needs no setup. */
    public static final String DEMO_CLIENT_SECRET = "DEMO-ONLY-not-a-real-secret-7Kq2xV9mZp";
    public static final String DEMO_VENDOR_ID = "DEMOVENDOR";

    public static ConnectedApp demo() {
        return new ConnectedApp(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, List.of(
                "https://pitangui.amazon.com/api/skill/link/" + DEMO_VENDOR_ID,
                "https://layla.amazon.com/api/skill/link/" + DEMO_VENDOR_ID,
                "https://alexa.amazon.co.jp/api/skill/link/" + DEMO_VENDOR_ID));
    }

    boolean allowsCallback(String redirectUri) {
        if (redirectUri == null) {
            return false;
        }
        if (callbackUrls.contains(redirectUri)) {
            return true;
        }
        try {
            URI uri = new URI(redirectUri);
            return "http".equals(uri.getScheme())
                    && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()))
                    && "/callback".equals(uri.getPath()) && uri.getQuery() == null && uri.getUserInfo() == null;
        } catch (Exception e) {
            return false;
        }
    }

    boolean secretMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ConnectedApp[clientId=" + clientId + ", clientSecret=…]";
    }
}
