package io.github.asflink.linkedtoken;

import java.net.URI;
import java.util.Objects;

/**
 * What Alexa stores as the user's access token: the Salesforce access token and the org's instance URL, joined by one
 * space. Salesforce access tokens contain no whitespace, so one space splits the pair without escaping.
 *
 * <p>{@link #toString()} never shows the access token, so a record that ends up in a log line leaks nothing.
 */
public record LinkedToken(String salesforceAccessToken, URI instanceUrl) {

    /** Alexa documents no limit; Login with Amazon caps its own tokens at 2048 bytes, so stay under that. */
    public static final int MAX_LENGTH = 2048;

    private static final char SEPARATOR = ' ';

    public LinkedToken {
        Objects.requireNonNull(salesforceAccessToken, "salesforceAccessToken");
        Objects.requireNonNull(instanceUrl, "instanceUrl");
        if (!isTokenText(salesforceAccessToken)) {
            throw new IllegalArgumentException("Salesforce access token is empty or contains whitespace");
        }
    }

    /** Joins the Salesforce token and an instance URL that passed {@code policy}. */
    public static LinkedToken of(String salesforceAccessToken, String instanceUrl, InstanceUrlPolicy policy)
            throws LinkedTokenException {
        if (salesforceAccessToken == null || !isTokenText(salesforceAccessToken)) {
            throw new LinkedTokenException(LinkedTokenException.Reason.MALFORMED);
        }
        return new LinkedToken(salesforceAccessToken, policy.check(instanceUrl));
    }

    /**
     * Splits a value Alexa sent back. Fails with a typed reason, never echoing the value: it is a bearer credential.
     */
    public static LinkedToken split(String linkedToken, InstanceUrlPolicy policy) throws LinkedTokenException {
        if (linkedToken == null || linkedToken.isEmpty()) {
            throw new LinkedTokenException(LinkedTokenException.Reason.MISSING);
        }
        if (linkedToken.length() > MAX_LENGTH) {
            throw new LinkedTokenException(LinkedTokenException.Reason.TOO_LONG);
        }
        int space = linkedToken.indexOf(SEPARATOR);
        if (space <= 0 || space != linkedToken.lastIndexOf(SEPARATOR) || space == linkedToken.length() - 1) {
            throw new LinkedTokenException(LinkedTokenException.Reason.MALFORMED);
        }
        String token = linkedToken.substring(0, space);
        if (!isTokenText(token)) {
            throw new LinkedTokenException(LinkedTokenException.Reason.MALFORMED);
        }
        return new LinkedToken(token, policy.check(linkedToken.substring(space + 1)));
    }

    /** The value to hand Alexa as {@code access_token}. */
    public String join() throws LinkedTokenException {
        String joined = salesforceAccessToken + SEPARATOR + InstanceUrlPolicy.canonical(instanceUrl);
        if (joined.length() > MAX_LENGTH) {
            throw new LinkedTokenException(LinkedTokenException.Reason.TOO_LONG);
        }
        return joined;
    }

    /** The instance URL as Salesforce writes it, without a trailing slash, ready for {@code + "/services/..."}. */
    public String instanceBase() {
        return InstanceUrlPolicy.canonical(instanceUrl);
    }

    @Override
    public String toString() {
        return "LinkedToken[salesforceAccessToken=<redacted>, instanceUrl=" + instanceBase() + "]";
    }

    private static boolean isTokenText(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
