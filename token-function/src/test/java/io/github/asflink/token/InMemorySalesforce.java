package io.github.asflink.token;

import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Salesforce's token endpoint in memory, for the fuzz targets: no socket, so a target runs thousands of requests a
 * second. Which of its answers a request gets follows from the form it was sent (a hash), so the same input always
 * meets the same answer and the fuzzer reaches every one by changing the code or token. Failure answers are built by
 * {@link SalesforceErrors}, as Salesforce sends them.
 */
final class InMemorySalesforce implements SalesforceTransport {

    /** What Salesforce did with a forwarded request. */
    enum Answer {
        SIGNED_GRANT, GRANT_WITHOUT_REFRESH, BADLY_SIGNED_GRANT, GRANT_FOR_FOREIGN_HOST, JWT_GRANT, EXPIRED_GRANT,
        WRONG_SECRET, UNKNOWN_EXCEPTION, SERVER_UNAVAILABLE, HTML_PAGE, TIMED_OUT, CONNECTION_RESET, RATE_LIMITED;

        /** A grant the token function may hand Alexa: signed by the secret sent, or sent without a secret. */
        boolean isGoodGrant(Map<String, String> form) {
            return this == SIGNED_GRANT || this == GRANT_WITHOUT_REFRESH
                    || (this == BADLY_SIGNED_GRANT && form.get("client_secret") == null);
        }

        /** Salesforce down or too slow: the answer must be a 5xx, so Alexa keeps the link. */
        boolean isOutage() {
            return this == UNKNOWN_EXCEPTION || this == SERVER_UNAVAILABLE || this == TIMED_OUT
                    || this == CONNECTION_RESET || this == RATE_LIMITED;
        }
    }

    /** A request the function forwarded, and the answer it got. */
    record Forwarded(Map<String, String> form, Answer answer) {
    }

    static final String ACCESS_TOKEN = "00D5g00000ABCDE!AQ4AQLm1d.FuzzAccessToken_x9";
    static final String ROTATED_REFRESH_TOKEN = "5Aep861FuzzRefreshToken.rotated";

    private final List<Forwarded> forwarded = new ArrayList<>();

    List<Forwarded> forwarded() {
        return List.copyOf(forwarded);
    }

    @Override
    public Reply postForm(URI endpoint, String formBody, Duration timeout) throws IOException {
        Map<String, String> form = decode(formBody);
        Answer answer = Answer.values()[Math.floorMod(formBody.hashCode(), Answer.values().length)];
        forwarded.add(new Forwarded(form, answer));
        String secret = form.get("client_secret");
        return switch (answer) {
            case SIGNED_GRANT -> json(200, grant(secret, true, WireMockSalesforce.INSTANCE_URL));
            case GRANT_WITHOUT_REFRESH -> json(200, grant(null, false, WireMockSalesforce.INSTANCE_URL));
            case BADLY_SIGNED_GRANT -> json(200, grant(null, true, WireMockSalesforce.INSTANCE_URL)
                    .replace("\"scope\"", "\"signature\":\"bm90IGEgc2lnbmF0dXJl\",\"scope\""));
            case GRANT_FOR_FOREIGN_HOST -> json(200, grant(secret, true, "https://attacker.example"));
            case JWT_GRANT -> json(200, WireMockSalesforce.jwtGrant().toString());
            case EXPIRED_GRANT -> error(SalesforceErrors.expiredGrant());
            case WRONG_SECRET -> error(SalesforceErrors.wrongClientSecret());
            case UNKNOWN_EXCEPTION -> error(SalesforceErrors.unknownException());
            case SERVER_UNAVAILABLE -> error(SalesforceErrors.serverUnavailable());
            case HTML_PAGE -> new Reply(200, "<html><body>Maintenance</body></html>");
            case TIMED_OUT -> throw new Incomplete(true, 200, null);
            case CONNECTION_RESET -> throw new IOException("connection reset");
            case RATE_LIMITED -> new Reply(429, "Too Many Requests");
        };
    }

    private static String grant(String secret, boolean refresh, String instanceUrl) {
        var body = WireMockSalesforce.grant(secret, refresh);
        body.addProperty("access_token", ACCESS_TOKEN);
        if (refresh) {
            body.addProperty("refresh_token", ROTATED_REFRESH_TOKEN);
        }
        body.addProperty("instance_url", instanceUrl);
        return body.toString();
    }

    private static Reply json(int status, String body) {
        return new Reply(status, body);
    }

    private static Reply error(SalesforceErrorAnswer answer) {
        return new Reply(answer.status(), answer.body());
    }

    private static Map<String, String> decode(String formBody) {
        Map<String, String> form = new HashMap<>();
        for (String pair : formBody.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
