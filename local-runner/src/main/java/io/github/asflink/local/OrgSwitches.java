package io.github.asflink.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the simulator page can do to the org: revoke a token through Salesforce's own revoke endpoint (any org), and
 * on the demo org its outage switches and session expiry ({@code /demo-org/controls}, as the connected app). A real
 * org has no such switches; {@link #demoControls()} says whether this one does.
 */
final class OrgSwitches {
    private final HttpClient http;
    private final String loginUrl;
    private final String basic;
    private volatile Boolean demo;

    OrgSwitches(HttpClient http, String loginUrl, String clientId, String clientSecret) {
        this.http = http;
        this.loginUrl = loginUrl;
        this.basic = clientId == null || clientSecret == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * True when the org answers the demo org's control endpoint (asked once). Only a loopback org is asked: the
     * connected app's credentials never go to a real org's host for a path that is not Salesforce's.
     */
    boolean demoControls() {
        if (demo == null) {
            demo = loopback() && control(Map.of("action", "status")).isPresent();
        }
        return demo;
    }

    private boolean loopback() {
        try {
            URI uri = URI.create(loginUrl);
            return "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost())
                    || "localhost".equals(uri.getHost()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The demo org's answer ({@code mode}, {@code delayMs}, ...), or empty when it has no such switch. */
    Optional<JsonObject> control(Map<String, String> form) {
        if (basic == null || loginUrl == null || !loopback()) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(loginUrl
                            + "/demo-org/controls"))
                    .header("Authorization", basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.formEncode(new LinkedHashMap<>(form))))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200
                    ? Optional.of(JsonParser.parseString(answer.body()).getAsJsonObject()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** {@code POST /services/oauth2/revoke}; a step for the timeline. */
    Step revoke(String token) {
        String url = loginUrl + "/services/oauth2/revoke";
        String body = Http.formEncode(Map.of("token", token));
        long start = System.nanoTime();
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Step("The user revokes the app's access in Salesforce", "POST", url,
                    Map.of("Content-Type", "application/x-www-form-urlencoded"), Redaction.form(body),
                    answer.statusCode(), Map.of(), answer.body(), Duration.ofNanos(System.nanoTime() - start)
                    .toMillis(), "the refresh token and every access token issued from it are dead",
                    null, null, answer.statusCode() == 200);
        } catch (IOException e) {
            return Step.note("The user revokes the app's access in Salesforce", "no answer from the org ("
                    + e.getClass().getSimpleName() + ")", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Step.note("The user revokes the app's access in Salesforce", "interrupted", false);
        }
    }
}
