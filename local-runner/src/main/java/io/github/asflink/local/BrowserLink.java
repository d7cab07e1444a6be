package io.github.asflink.local;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Account linking from a desktop browser, for trying a real org (or the demo org) by hand: {@code /link} sends the
 * browser to the org's authorize page with {@code redirect_uri = http://localhost:PORT/callback}; {@code /callback}
 * checks the state and exchanges the code through the local {@code /token} exactly as Alexa would; {@code /try} then
 * sends Alexa requests with the linked token to the local {@code /skill}. Tokens stay in this process; the page shows
 * them masked.
 */
final class BrowserLink {
    /** Where to log in and as which connected app; {@code clientSecret} may be null (then /link explains). */
    record Settings(String loginUrl, String clientId, String clientSecret, String skillId) {
        @Override
        public String toString() {
            return "Settings[" + loginUrl + ", " + clientId + ", clientSecret=…]";
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Settings settings;
    private final String origin;
    private final int port;
    private final SecureRandom random = new SecureRandom();
    private final PendingStates pendingStates;
    private final Map<String, String> linkedTokens = new ConcurrentHashMap<>();

    BrowserLink(Settings settings, String origin, int port, Clock clock) {
        this.settings = settings;
        this.origin = origin;
        this.port = port;
        this.pendingStates = new PendingStates(clock);
    }

    String callbackUrl() {
        return "http://localhost:" + port + "/callback";
    }

    String authorizeUrl(String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", callbackUrl());
        query.put("state", state);
        query.put("scope", "api refresh_token id");
        return settings.loginUrl() + "/services/oauth2/authorize?" + Http.formEncode(query);
    }

    void home(HttpExchange exchange) throws IOException {
        String linkSection = configured()
                ? "<p><a href=\"/link\">Link with Salesforce</a> (" + Http.html(settings.loginUrl())
                + ", connected app <code>" + Http.html(settings.clientId()) + "</code>).</p>"
                : "<p>To link from this browser, set <code>SALESFORCE_CLIENT_ID</code> and "
                + "<code>SALESFORCE_CLIENT_SECRET</code> (your connected app's consumer key and secret) and add "
                + "<code>" + Http.html(callbackUrl()) + "</code> to its callback URLs.</p>";
        Http.sendHtml(exchange, 200, page("alexa-salesforce-link, local", """
                <p>Token endpoint (Alexa's Access Token URI): <code>POST %s/token</code><br>
                Skill endpoint: <code>POST %s/skill</code></p>%s""".formatted(origin, origin, linkSection)));
    }

    void link(HttpExchange exchange) throws IOException {
        if (!configured()) {
            home(exchange);
            return;
        }
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pendingStates.add(state);
        Http.redirect(exchange, authorizeUrl(state));
    }

    void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = Http.query(exchange);
        if (query.containsKey("error")) {
            Http.sendHtml(exchange, 400, page("Linking failed", "<p>The org answered <code>"
                    + Http.html(query.get("error")) + "</code>: " + Http.html(query.getOrDefault("error_description", ""))
                    + "</p><p><a href=\"/\">Back</a></p>"));
            return;
        }
        String state = query.get("state");
        if (!pendingStates.redeem(state)) {
            Http.sendHtml(exchange, 400, page("Linking failed", "<p>Unknown, expired (older than "
                    + PendingStates.LIFETIME.toMinutes() + " minutes) or reused <code>state</code>; start again from "
                    + "<a href=\"/\">the start page</a>.</p>"));
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", query.getOrDefault("code", ""));
        form.put("redirect_uri", callbackUrl());
        String basic = Base64.getEncoder().encodeToString((Http.encode(settings.clientId()) + ":"
                + Http.encode(settings.clientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                    .header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(Http.formEncode(form)))
                    .timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        JsonObject body;
        try {
            body = JsonParser.parseString(answer.body()).getAsJsonObject();
        } catch (RuntimeException e) {
            body = new JsonObject();
        }
        if (answer.statusCode() != 200 || !body.has("access_token")) {
            Http.sendHtml(exchange, 502, page("Linking failed", "<p><code>/token</code> answered "
                    + answer.statusCode() + " <code>" + Http.html(body.has("error") ? body.get("error").getAsString() : "")
                    + "</code>. The server log has the details.</p><p><a href=\"/\">Back</a></p>"));
            return;
        }
        String token = body.get("access_token").getAsString();
        byte[] id = new byte[18];
        random.nextBytes(id);
        String linkId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        linkedTokens.put(linkId, token);
        exchange.getResponseHeaders().add("Set-Cookie", "asl_link=" + linkId + "; Path=/; HttpOnly; SameSite=Lax");
        Http.sendHtml(exchange, 200, page("Linked", """
                <p>Alexa would now store this linked token: <code>%s</code> (expires_in %s s, refresh token <code>%s</code>).</p>
                %s""".formatted(Http.html(Mask.secret(token)),
                body.has("expires_in") ? body.get("expires_in").getAsString() : "?",
                Http.html(Mask.secret(body.has("refresh_token") ? body.get("refresh_token").getAsString() : null)),
                tryForm())));
    }

    void tryIntent(HttpExchange exchange) throws IOException {
        String token = linkedToken(exchange);
        if (token == null) {
            Http.sendHtml(exchange, 400, page("Not linked", "<p>Link first: <a href=\"/\">start page</a>.</p>"));
            return;
        }
        String intent = Http.parseForm(new String(Http.readBody(exchange), StandardCharsets.UTF_8))
                .getOrDefault("intent", "LaunchRequest");
        JsonObject envelope = intent.equals("LaunchRequest")
                ? AlexaRequests.launch(settings.skillId(), token)
                : AlexaRequests.intent(settings.skillId(), token, intent, Map.of(), "NONE");
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/skill"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope.toString()))
                    .timeout(Duration.ofSeconds(15))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        String said;
        try {
            JsonObject response = AlexaRequests.parse(answer.body());
            said = AlexaRequests.speech(response);
            String card = AlexaRequests.cardType(response);
            if (!card.isEmpty()) {
                said += " [card: " + card + "]";
            }
        } catch (RuntimeException e) {
            said = "(no skill response: HTTP " + answer.statusCode() + ")";
        }
        Http.sendHtml(exchange, 200, page("The skill says", "<p><b>" + Http.html(intent) + "</b>: "
                + Http.html(said) + "</p>" + tryForm()));
    }

    private String linkedToken(HttpExchange exchange) {
        String cookies = exchange.getRequestHeaders().getFirst("Cookie");
        if (cookies == null) {
            return null;
        }
        for (String cookie : cookies.split(";")) {
            String c = cookie.trim();
            if (c.startsWith("asl_link=")) {
                return linkedTokens.get(c.substring("asl_link=".length()));
            }
        }
        return null;
    }

    private static String tryForm() {
        StringBuilder buttons = new StringBuilder();
        for (String intent : new String[] {"LaunchRequest", "PipelineIntent", "OpenCasesIntent", "AMAZON.HelpIntent"}) {
            buttons.append("<button name=\"intent\" value=\"").append(intent).append("\">").append(intent)
                    .append("</button> ");
        }
        return "<form method=\"post\" action=\"/try\"><p>Try the skill: " + buttons + "</p></form>";
    }

    private boolean configured() {
        return settings.clientId() != null && !settings.clientId().isBlank()
                && settings.clientSecret() != null && !settings.clientSecret().isBlank();
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <style>body{font-family:sans-serif;max-width:44rem;margin:2rem auto}code{background:#eee}</style></head>
                <body><h1>%s</h1>%s</body></html>
                """.formatted(Http.html(title), Http.html(title), body);
    }
}
