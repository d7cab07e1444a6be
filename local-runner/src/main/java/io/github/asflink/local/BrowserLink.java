package io.github.asflink.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import io.github.asflink.linkedtoken.LinkedToken;
import io.github.asflink.linkedtoken.LinkedTokenException;
import io.github.asflink.local.simulator.Diagnosis;
import io.github.asflink.local.simulator.InteractionModel;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The account-linking simulator page ({@code /}) and its JSON endpoints ({@code /sim/api/...}): links an account the
 * way Alexa does (authorize page, {@code /callback} with a checked {@code state}, the code exchanged through the
 * local {@code /token} with the chosen client authentication and PKCE), talks to the local {@code /skill} with real
 * request envelopes, and breaks the demo org on purpose. Tokens stay in this process; the page sees them masked.
 * The JSON endpoints answer only the page itself: its HttpOnly session cookie, a per-page token in a header (which
 * another site cannot set without a CORS grant) and, when the browser sends one, a matching {@code Origin}.
 */
final class BrowserLink {
    /** Where to log in and as which connected app; {@code clientSecret} may be null (then the page explains). */
    record Settings(String loginUrl, String clientId, String clientSecret, String skillId) {
        @Override
        public String toString() {
            return "Settings[" + loginUrl + ", " + clientId + ", clientSecret=…]";
        }
    }

    /** A link in flight: whose it is, how to finish it. */
    private record Attempt(String sessionId, String verifier, TokenCalls.Scheme scheme, long startedNanos) {
        @Override
        public String toString() {
            return "Attempt[" + scheme + "]";
        }
    }

    static final String COOKIE = "asl_sim";
    static final String PAGE_HEADER = "X-ASL-Page";
    private static final String ASSETS = "/io/github/asflink/local/simulator/";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Settings settings;
    private final String origin;
    private final int port;
    private final Clock clock;
    private final PendingStates<Attempt> pendingStates;
    private final SimulatorSessions sessions = new SimulatorSessions();
    private final TokenCalls tokens;
    private final OrgSwitches org;
    private final InteractionModel model;
    private final boolean modelFound;
    private final DirectiveService directives;
    private final SkillConversation conversation;
    private final OrgTrouble trouble;

    BrowserLink(Settings settings, String origin, int port, Clock clock) {
        this.settings = settings;
        this.origin = origin;
        this.port = port;
        this.clock = clock;
        this.pendingStates = new PendingStates<>(clock);
        this.tokens = new TokenCalls(HTTP, origin + "/token", settings.clientId(), settings.clientSecret());
        this.org = new OrgSwitches(HTTP, settings.loginUrl(), settings.clientId(), settings.clientSecret());
        Optional<InteractionModel> found;
        try {
            found = InteractionModel.find(Path.of(""));
        } catch (IOException | RuntimeException e) {
            found = Optional.empty();
        }
        this.modelFound = found.isPresent();
        this.model = found.orElse(new InteractionModel("", Map.of(), Map.of(), "SKILL_RESPONSE", Map.of()));
        this.directives = new DirectiveService(sessions::byApiAccessToken, clock);
        this.conversation = new SkillConversation(HTTP, model, settings.skillId(), origin, clock);
        this.trouble = new OrgTrouble(org, tokens, conversation);
    }

    String callbackUrl() {
        return "http://localhost:" + port + "/callback";
    }

    String authorizeUrl(String state, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", callbackUrl());
        query.put("state", state);
        query.put("scope", "api refresh_token id");
        if (codeChallenge != null) {
            query.put("code_challenge", codeChallenge);
            query.put("code_challenge_method", "S256");
        }
        return settings.loginUrl() + "/services/oauth2/authorize?" + Http.formEncode(query);
    }

    // ---- pages ------------------------------------------------------------------------------------------------

    /** The page, always on {@code localhost} so that its cookie comes back on the callback (registered there). */
    void home(HttpExchange exchange) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !host.toLowerCase(Locale.ROOT).equals("localhost:" + port)) {
            Http.redirect(exchange, "http://localhost:" + port + "/");
            return;
        }
        SimulatorSession session = session(exchange);
        String html = asset("index.html").replace("{{PAGE_TOKEN}}", session.pageToken);
        pageHeaders(exchange);
        Http.sendHtml(exchange, 200, html);
    }

    void script(HttpExchange exchange) throws IOException {
        pageHeaders(exchange);
        Http.send(exchange, 200, "text/javascript;charset=UTF-8", asset("simulator.js")
                .getBytes(StandardCharsets.UTF_8));
    }

    void styles(HttpExchange exchange) throws IOException {
        pageHeaders(exchange);
        Http.send(exchange, 200, "text/css;charset=UTF-8", asset("simulator.css").getBytes(StandardCharsets.UTF_8));
    }

    /** {@code GET /link}: starts linking with HTTP Basic and no PKCE, as the first Alexa console defaults do. */
    void link(HttpExchange exchange) throws IOException {
        if (!configured()) {
            Http.sendHtml(exchange, 400, message("Not configured", notConfigured()));
            return;
        }
        SimulatorSession session = session(exchange);
        Http.redirect(exchange, start(session, TokenCalls.Scheme.BASIC, false));
    }

    void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = Http.query(exchange);
        Optional<Attempt> attempt = pendingStates.claim(query.get("state"));
        if (attempt.isEmpty()) {
            Http.sendHtml(exchange, 400, message("Linking failed", "Unknown, expired (older than "
                    + PendingStates.LIFETIME.toMinutes() + " minutes) or reused <code>state</code>; start again from "
                    + "<a href=\"/\">the simulator page</a>."));
            return;
        }
        Optional<SimulatorSession> session = sessions.find(cookie(exchange));
        if (session.isEmpty() || !session.get().id.equals(attempt.get().sessionId())) {
            Http.sendHtml(exchange, 400, message("Linking failed", "This <code>state</code> was issued to another "
                    + "browser session, so the code is not used (a forged link would land here). Start again from "
                    + "<a href=\"/\">the simulator page</a> in this browser."));
            return;
        }
        finish(session.get(), attempt.get(), query);
        exchange.getResponseHeaders().set("Location", "/#link");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        Http.send(exchange, 303, null, new byte[0]);
    }

    void directives(HttpExchange exchange) throws IOException {
        directives.handle(exchange);
    }

    // ---- JSON endpoints ---------------------------------------------------------------------------------------

    void api(HttpExchange exchange, String action) throws IOException {
        Optional<SimulatorSession> found = pageSession(exchange);
        if (found.isEmpty()) {
            sendJson(exchange, 403, JsonFields.error("this endpoint answers the simulator page only; reload the page"));
            return;
        }
        SimulatorSession session = found.get();
        JsonObject body = "POST".equals(exchange.getRequestMethod()) ? body(exchange) : new JsonObject();
        switch (action) {
            case "state" -> sendJson(exchange, 200, state(session));
            case "link" -> {
                if (!configured()) {
                    sendJson(exchange, 400, JsonFields.error("not configured: set SALESFORCE_CLIENT_ID and "
                            + "SALESFORCE_CLIENT_SECRET"));
                    return;
                }
                TokenCalls.Scheme scheme = "body".equals(JsonFields.string(body, "scheme")) ? TokenCalls.Scheme.BODY
                        : TokenCalls.Scheme.BASIC;
                JsonObject answer = new JsonObject();
                answer.addProperty("authorizeUrl", start(session, scheme, JsonFields.bool(body, "pkce")));
                sendJson(exchange, 200, answer);
            }
            case "talk" -> sendJson(exchange, 200, conversation.talk(session, body));
            case "break" -> sendJson(exchange, 200, trouble.apply(session, body));
            default -> sendJson(exchange, 404, JsonFields.error("no such action"));
        }
    }

    private JsonObject state(SimulatorSession session) {
        JsonObject state = new JsonObject();
        state.addProperty("configured", configured());
        state.addProperty("loginUrl", settings.loginUrl() == null ? "" : settings.loginUrl());
        state.addProperty("clientId", settings.clientId() == null ? "" : settings.clientId());
        state.addProperty("callbackUrl", callbackUrl());
        state.addProperty("origin", origin);
        state.addProperty("demoOrg", configured() && org.demoControls());
        state.addProperty("modelFound", modelFound);
        state.addProperty("screen", session.screen());
        state.addProperty("scheme", session.chosenScheme() == TokenCalls.Scheme.BODY ? "body" : "basic");
        state.addProperty("pkce", session.chosenPkce());
        state.add("linked", linkedView(session));
        state.add("timeline", Http.GSON.toJsonTree(session.timeline()));
        JsonArray turns = new JsonArray();
        session.turns().forEach(turns::add);
        state.add("turns", turns);
        JsonArray intents = new JsonArray();
        for (InteractionModel.Intent intent : model.intents().values()) {
            JsonObject i = new JsonObject();
            i.addProperty("name", intent.name());
            JsonArray slots = new JsonArray();
            intent.slots().forEach(s -> {
                JsonObject slot = new JsonObject();
                slot.addProperty("name", s.name());
                slot.addProperty("type", s.type());
                slots.add(slot);
            });
            i.add("slots", slots);
            i.addProperty("sample", intent.samples().isEmpty() ? "" : intent.samples().get(0));
            intents.add(i);
        }
        state.add("intents", intents);
        return state;
    }

    private JsonElement linkedView(SimulatorSession session) {
        String token = session.linkedToken();
        if (token == null) {
            return com.google.gson.JsonNull.INSTANCE;
        }
        JsonObject linked = new JsonObject();
        linked.addProperty("token", Redaction.masked(token));
        try {
            LinkedToken split = LinkedToken.split(token, instancePolicy());
            linked.addProperty("salesforceToken", Mask.secret(split.salesforceAccessToken()));
            linked.addProperty("instanceUrl", split.instanceBase());
        } catch (LinkedTokenException e) {
            linked.addProperty("splitProblem", "the linked token does not split: " + e.getMessage());
        }
        linked.addProperty("refreshToken", Mask.secret(session.refreshToken()));
        linked.addProperty("expiresIn", session.expiresIn() == null ? "(none)" : session.expiresIn() + " s");
        linked.addProperty("scheme", session.scheme() == TokenCalls.Scheme.BASIC ? "HTTP Basic" : "credentials in "
                + "the body");
        return linked;
    }

    // ---- link -------------------------------------------------------------------------------------------------

    private String start(SimulatorSession session, TokenCalls.Scheme scheme, boolean pkce) {
        String state = sessions.random();
        String verifier = pkce ? sessions.random() + sessions.random() : null;
        String challenge = pkce ? challenge(verifier) : null;
        pendingStates.add(state, new Attempt(session.id, verifier, scheme, System.nanoTime()));
        String url = authorizeUrl(state, challenge);
        session.clearTimeline();
        session.chosen(scheme, pkce);
        session.step(new Step("Alexa opens the Authorization URI (the org's login page)", "GET",
                url.replace(Http.encode(state), Mask.secret(state)), Map.of(), null, 0, Map.of(), null, 0,
                (pkce ? "PKCE on: code_challenge = BASE64URL(SHA-256(code_verifier)), method S256; "
                        : "PKCE off; ") + "client authentication at the token step: "
                        + (scheme == TokenCalls.Scheme.BASIC ? "HTTP Basic" : "credentials in the body")
                        + "; the state is good once, for " + PendingStates.LIFETIME.toMinutes() + " minutes",
                null, null, true));
        return url;
    }

    private void finish(SimulatorSession session, Attempt attempt, Map<String, String> query) {
        long waited = Duration.ofNanos(System.nanoTime() - attempt.startedNanos()).toMillis();
        if (query.containsKey("error")) {
            Diagnosis d = Diagnosis.authorizeError(query.get("error"), query.get("error_description"));
            session.step(new Step("The org redirects back with an error", "GET", callbackUrl() + "?error="
                    + query.get("error"), Map.of(), null, 0, Map.of(), query.getOrDefault("error_description", ""),
                    waited, "state checked", d.why(), d.fix(), false));
            return;
        }
        String code = query.getOrDefault("code", "");
        session.step(new Step("The user logs in; the org redirects to the callback", "GET", callbackUrl()
                + "?code=" + Mask.secret(code) + "&state=…", Map.of(), null, 302, Map.of(), null, waited,
                "state checked: issued to this browser session, used once; " + waited + " ms from the authorize "
                + "page to the callback (the user's login)", null, null, true));
        TokenCalls.Answer answer = tokens.exchange(code, callbackUrl(), attempt.verifier(), attempt.scheme());
        JsonObject granted = answer.granted();
        if (granted == null) {
            session.step(answer.step());
            return;
        }
        Integer expiresIn = granted.has("expires_in") ? granted.get("expires_in").getAsInt() : null;
        String refresh = granted.has("refresh_token") ? granted.get("refresh_token").getAsString() : null;
        String note = "expires_in " + (expiresIn == null ? "absent" : expiresIn + " s: Alexa refreshes after that; "
                + "keep it below the org's session timeout (Salesforce's default: 2 hours), or the skill meets a "
                + "dead session first")
                + (refresh == null ? "; no refresh_token: give the app the refresh_token scope, or users link "
                + "again when the session ends" : "");
        session.step(answer.step().withNote(note));
        String token = granted.get("access_token").getAsString();
        session.linked(token, refresh, expiresIn, attempt.scheme());
        session.step(splitStep(token));
    }

    private Step splitStep(String token) {
        try {
            LinkedToken split = LinkedToken.split(token, instancePolicy());
            return Step.note("Alexa stores the linked token", "two parts: Salesforce access token "
                    + Mask.secret(split.salesforceAccessToken()) + " and instance URL " + split.instanceBase()
                    + "; the skill receives it as context.System.user.accessToken", true);
        } catch (LinkedTokenException e) {
            return Step.note("Alexa stores the linked token", "it does not split into token and instance URL: "
                    + e.getMessage(), false).withDiagnosis("The skill would refuse this token.",
                    "Check INSTANCE_URL_ALLOWLIST on both functions.");
        }
    }

    private InstanceUrlPolicy instancePolicy() {
        try {
            return InstanceUrlPolicy.parse("default," + settings.loginUrl());
        } catch (RuntimeException e) {
            return InstanceUrlPolicy.defaults();
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    /** The session of the page that sent this request, or empty when it is not the page's own request. */
    private Optional<SimulatorSession> pageSession(HttpExchange exchange) {
        String requestOrigin = exchange.getRequestHeaders().getFirst("Origin");
        if (requestOrigin != null && !allowedOrigins().contains(requestOrigin.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String pageToken = exchange.getRequestHeaders().getFirst(PAGE_HEADER);
        return sessions.find(cookie(exchange)).filter(s -> pageToken != null && MessageDigest.isEqual(
                s.pageToken.getBytes(StandardCharsets.UTF_8), pageToken.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> allowedOrigins() {
        return List.of("http://localhost:" + port, "http://127.0.0.1:" + port, "http://[::1]:" + port);
    }

    private SimulatorSession session(HttpExchange exchange) {
        Optional<SimulatorSession> existing = sessions.find(cookie(exchange));
        if (existing.isPresent()) {
            return existing.get();
        }
        SimulatorSession created = sessions.create();
        // Lax, not Strict: the cookie must come back on the org's redirect to /callback, a cross-site navigation.
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + created.id + "; Path=/; HttpOnly; SameSite=Lax");
        return created;
    }

    private static String cookie(HttpExchange exchange) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return null;
        }
        for (String header : headers) {
            for (String cookie : header.split(";")) {
                String c = cookie.trim();
                if (c.startsWith(COOKIE + "=")) {
                    return c.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    private static void pageHeaders(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; script-src 'self'; "
                + "style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors 'none'");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
    }

    private static JsonObject body(HttpExchange exchange) throws IOException {
        try {
            JsonElement parsed = JsonParser.parseString(new String(Http.readBody(exchange), StandardCharsets.UTF_8));
            return parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    private static void sendJson(HttpExchange exchange, int status, JsonObject body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        Http.send(exchange, status, "application/json;charset=UTF-8", Http.GSON.toJson(body)
                .getBytes(StandardCharsets.UTF_8));
    }

    private String asset(String name) throws IOException {
        try (InputStream in = BrowserLink.class.getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new IOException("missing asset " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private boolean configured() {
        return settings.clientId() != null && !settings.clientId().isBlank()
                && settings.clientSecret() != null && !settings.clientSecret().isBlank();
    }

    private String notConfigured() {
        return "To link from this browser, set <code>SALESFORCE_CLIENT_ID</code> and "
                + "<code>SALESFORCE_CLIENT_SECRET</code> (your connected app's consumer key and secret) and add "
                + "<code>" + Http.html(callbackUrl()) + "</code> to its callback URLs.";
    }

    private static String message(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <link rel="stylesheet" href="/simulator.css"></head>
                <body><main><h1>%s</h1><p>%s</p></main></body></html>
                """.formatted(Http.html(title), Http.html(title), body);
    }
}
