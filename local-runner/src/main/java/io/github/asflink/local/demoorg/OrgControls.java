package io.github.asflink.local.demoorg;

import com.sun.net.httpserver.HttpExchange;
import io.github.asflink.local.Http;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /demo-org/controls}: the simulator page's switches for the demo org (not a Salesforce endpoint).
 * Form fields: {@code action} = {@code expire} (with {@code token}: end that access token's session, as a session
 * timeout does), {@code slow} (with {@code delayMs}), {@code down}, {@code stall}, {@code normal} or {@code status}.
 * Only the connected app may call it (HTTP Basic with its consumer key and secret), so no other web page can: a
 * browser sends no Authorization header across sites without a CORS grant, and there is none. Answers JSON
 * {@code {"mode":…,"delayMs":…}}; an unknown action gets 400.
 */
final class OrgControls {
    static final String PATH = "/demo-org/controls";

    private final ConnectedApp app;
    private final TokenStore tokens;
    private final OAuthEndpoints oauth;
    private final Outage outage;

    OrgControls(ConnectedApp app, TokenStore tokens, OAuthEndpoints oauth, Outage outage) {
        this.app = app;
        this.tokens = tokens;
        this.oauth = oauth;
        this.outage = outage;
    }

    void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            FailureAnswers.send(exchange, SalesforceErrors.notFound());
            return;
        }
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            FailureAnswers.send(exchange, SalesforceErrors.oauth(401, "invalid_client", "invalid client credentials"));
            return;
        }
        Map<String, String> form = Http.parseForm(new String(Http.readBody(exchange), StandardCharsets.UTF_8));
        Map<String, Object> answer = new LinkedHashMap<>();
        switch (form.getOrDefault("action", "")) {
            case "expire" -> answer.put("expired", tokens.expire(form.getOrDefault("token", "")));
            case "slow" -> {
                Duration delay = Duration.ofMillis(millis(form.get("delayMs")));
                outage.set(Outage.Mode.SLOW, delay);
                oauth.tokenDelay(outage.delay());
            }
            case "down", "stall", "normal" -> {
                outage.set(Outage.Mode.valueOf(form.get("action").toUpperCase(Locale.ROOT)), Duration.ZERO);
                oauth.tokenDelay(Duration.ZERO);
            }
            case "status" -> {
                // just the state below
            }
            default -> {
                FailureAnswers.send(exchange, SalesforceErrors.oauth(400, "invalid_request", "unknown action"));
                return;
            }
        }
        answer.put("mode", outage.mode().name());
        answer.put("delayMs", outage.delay().toMillis());
        Http.sendJson(exchange, 200, answer);
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && decoded.substring(0, colon).equals(app.clientId())
                && app.secretMatches(decoded.substring(colon + 1));
    }

    private static long millis(String value) {
        try {
            return Math.max(0, Long.parseLong(value == null ? "" : value.trim()));
        } catch (NumberFormatException e) {
            return 4000;
        }
    }
}
