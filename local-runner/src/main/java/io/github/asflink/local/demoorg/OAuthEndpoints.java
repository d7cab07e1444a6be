package io.github.asflink.local.demoorg;

import com.sun.net.httpserver.HttpExchange;
import io.github.asflink.local.Http;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo org's OAuth 2.0 web server flow: {@code /services/oauth2/authorize} (a login page with the seeded users),
 * {@code /token} (authorization_code and refresh_token grants), {@code /revoke} and {@code /userinfo}, answering as
 * Salesforce does (no {@code expires_in}; no refresh token on refresh; {@code signature} = Base64 HMAC-SHA256 of
 * {@code id + issued_at} keyed with the client secret).
 */
final class OAuthEndpoints {
    private static final List<String> OAUTH_PARAMETERS = List.of("response_type", "client_id", "redirect_uri",
            "state", "scope", "code_challenge", "code_challenge_method");
    private static final Set<String> KNOWN_SCOPES = Set.of("api", "refresh_token", "offline_access", "id", "profile",
            "email", "address", "phone", "openid", "web", "full");

    private final DemoData data;
    private final TokenStore tokens;
    private final ConnectedApp app;
    private final Clock clock;
    private final String origin;
    private volatile Duration tokenDelay = Duration.ZERO;

    OAuthEndpoints(DemoData data, TokenStore tokens, ConnectedApp app, Clock clock, String origin) {
        this.data = data;
        this.tokens = tokens;
        this.app = app;
        this.clock = clock;
        this.origin = origin;
    }

    /** Slows the token endpoint down, to see concurrency and timeouts at work. */
    void tokenDelay(Duration delay) {
        this.tokenDelay = delay;
    }

    // ---- authorize --------------------------------------------------------------------------------------------

    void authorize(HttpExchange exchange) throws IOException {
        boolean post = "POST".equals(exchange.getRequestMethod());
        Map<String, String> params = post
                ? Http.parseForm(new String(Http.readBody(exchange), StandardCharsets.UTF_8))
                : Http.query(exchange);
        if (!app.clientId().equals(params.get("client_id"))) {
            Http.sendHtml(exchange, 400, errorPage("invalid_client_id", "client identifier invalid"));
            return;
        }
        String redirectUri = params.get("redirect_uri");
        if (!app.allowsCallback(redirectUri)) {
            Http.sendHtml(exchange, 400, errorPage("redirect_uri_mismatch", "redirect_uri must match configuration"));
            return;
        }
        if (!"code".equals(params.get("response_type"))) {
            Http.redirect(exchange, withQuery(redirectUri, errorParams("unsupported_response_type",
                    "response type not supported", params.get("state"))));
            return;
        }
        if (!post) {
            Http.sendHtml(exchange, 200, loginPage(params, null));
            return;
        }
        Optional<DemoUser> user = data.login(params.get("username"), params.get("pw"));
        if (user.isEmpty()) {
            Http.sendHtml(exchange, 200, loginPage(params,
                    "Please check your username and password. If you still can't log in, contact your Salesforce"
                            + " administrator."));
            return;
        }
        String code = tokens.issueCode(user.get().id(), app.clientId(), redirectUri, grantedScope(params.get("scope")),
                params.get("code_challenge"), params.get("code_challenge_method"));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("state", params.get("state"));
        Http.redirect(exchange, withQuery(redirectUri, answer));
    }

    private String loginPage(Map<String, String> params, String error) {
        StringBuilder hidden = new StringBuilder();
        for (String name : OAUTH_PARAMETERS) {
            String value = params.get(name);
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(Http.html(value)).append("\">\n");
            }
        }
        StringBuilder users = new StringBuilder();
        for (DemoUser u : data.users()) {
            users.append("<li><code>").append(Http.html(u.username())).append("</code> / <code>")
                    .append(Http.html(u.password())).append("</code> (").append(Http.html(u.name())).append(")</li>");
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Login | Demo Org</title>
                <style>body{font-family:sans-serif;max-width:26rem;margin:3rem auto}
                label,input{display:block;width:100%%}
                input{margin:.3rem 0 1rem;padding:.4rem}.error{color:#b00}</style></head>
                <body><h1>Demo Org</h1>
                <p>A stand-in for Salesforce, running on this machine.
                Log in to allow <b>%s</b> to access your data.</p>
                %s
                <form method="post" action="/services/oauth2/authorize">
                %s<label for="username">Username</label><input id="username" name="username" value="%s">
                <label for="pw">Password</label><input id="pw" name="pw" type="password">
                <input type="submit" value="Log In">
                </form>
                <p>Demo users:</p><ul>%s</ul>
                </body></html>
                """.formatted(Http.html(app.clientId()),
                error == null ? "" : "<p class=\"error\" role=\"alert\">" + Http.html(error) + "</p>",
                hidden, Http.html(params.getOrDefault("username", "")), users);
    }

    private static String errorPage(String error, String description) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Error | Demo Org</title></head>
                <body><h1>OAuth error</h1><p>error=%s</p><p>error_description=%s</p></body></html>
                """.formatted(Http.html(error), Http.html(description));
    }

    /** The requested scopes the org knows, space-separated; {@code api refresh_token} when none was asked for. */
    private static String grantedScope(String requested) {
        if (requested == null || requested.isBlank()) {
            return "api refresh_token id";
        }
        StringBuilder granted = new StringBuilder();
        for (String scope : requested.trim().split("\\s+")) {
            if (KNOWN_SCOPES.contains(scope) && !(" " + granted + " ").contains(" " + scope + " ")) {
                granted.append(granted.isEmpty() ? "" : " ").append(scope);
            }
        }
        return granted.isEmpty() ? "api" : granted.toString();
    }

    // ---- token ------------------------------------------------------------------------------------------------

    void token(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-cache,no-store");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
        if (!"POST".equals(exchange.getRequestMethod())) {
            sendError(exchange, new OAuthFailure(SalesforceErrors.oauth(400, "invalid_request",
                    "must use HTTP POST")));
            return;
        }
        Map<String, String> form = Http.parseForm(new String(Http.readBody(exchange), StandardCharsets.UTF_8));
        sleep(tokenDelay);
        try {
            String[] client = clientCredentials(exchange, form);
            String grantType = form.get("grant_type");
            if (grantType == null || grantType.isEmpty()) {
                throw new OAuthFailure(SalesforceErrors.oauth(400, "invalid_request", "grant type is missing"));
            }
            Map<String, Object> answer = switch (grantType) {
                case "authorization_code" -> authorizationCodeGrant(form, client);
                case "refresh_token" -> refreshTokenGrant(form, client);
                default -> throw new OAuthFailure(SalesforceErrors.unsupportedGrantType());
            };
            Http.sendJson(exchange, 200, answer);
        } catch (OAuthFailure failure) {
            sendError(exchange, failure);
        }
    }

    /**
     * Client id and secret from {@code Authorization: Basic} (RFC 6749 §2.3.1) or the body, checked against the app.
     */
    private String[] clientCredentials(HttpExchange exchange, Map<String, String> form) throws OAuthFailure {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new OAuthFailure(SalesforceErrors.wrongClientSecret());
                }
                id = java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new OAuthFailure(SalesforceErrors.wrongClientSecret());
            }
        }
        if (id == null || !app.clientId().equals(id)) {
            throw new OAuthFailure(SalesforceErrors.unknownClient());
        }
        if (!app.secretMatches(secret)) {
            throw new OAuthFailure(SalesforceErrors.wrongClientSecret());
        }
        return new String[] {id, secret};
    }

    private Map<String, Object> authorizationCodeGrant(Map<String, String> form, String[] client) throws OAuthFailure {
        String code = form.get("code");
        if (code == null || code.isEmpty()) {
            throw new OAuthFailure(SalesforceErrors.oauth(400, "invalid_request", "code is missing"));
        }
        TokenStore.PendingCode pending = tokens.redeem(code);
        if (!pending.clientId().equals(client[0])) {
            throw new OAuthFailure(SalesforceErrors.oauth(400, "invalid_grant", "invalid authorization code"));
        }
        if (!pending.redirectUri().equals(form.get("redirect_uri"))) {
            throw new OAuthFailure(SalesforceErrors.redirectUriMismatch());
        }
        checkCodeVerifier(pending, form.get("code_verifier"));
        String refreshToken = null;
        if ((" " + pending.scope() + " ").matches(".* (refresh_token|offline_access) .*")) {
            refreshToken = tokens.issueRefreshToken(new TokenStore.Grant(pending.userId(), client[0], pending.scope()));
        }
        return tokenAnswer(pending.userId(), refreshToken, true, pending.scope(), client[1]);
    }

    private static void checkCodeVerifier(TokenStore.PendingCode pending, String verifier) throws OAuthFailure {
        if (pending.codeChallenge() == null) {
            return;
        }
        if (verifier == null) {
            throw new OAuthFailure(SalesforceErrors.missingCodeVerifier());
        }
        String expected = verifier;
        if (!"plain".equals(pending.codeChallengeMethod())) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(verifier.getBytes(StandardCharsets.US_ASCII));
                expected = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                pending.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            throw new OAuthFailure(SalesforceErrors.missingCodeVerifier());
        }
    }

    private Map<String, Object> refreshTokenGrant(Map<String, String> form, String[] client) throws OAuthFailure {
        String refreshToken = form.get("refresh_token");
        if (refreshToken == null || refreshToken.isEmpty()) {
            throw new OAuthFailure(SalesforceErrors.oauth(400, "invalid_request", "refresh_token is missing"));
        }
        TokenStore.Grant grant = tokens.grant(refreshToken)
                .filter(g -> g.clientId().equals(client[0]))
                .orElseThrow(() -> new OAuthFailure(SalesforceErrors.expiredGrant()));
        return tokenAnswer(grant.userId(), refreshToken, false, grant.scope(), client[1]);
    }

    /** Salesforce's token response, in its field order; the refresh token only for the code grant. */
    private Map<String, Object> tokenAnswer(String userId, String refreshToken, boolean includeRefreshToken,
                                            String scope, String clientSecret) {
        String accessToken = tokens.issueAccessToken(userId, refreshToken, scope);
        String id = origin + "/id/" + DemoData.ORG_ID + "/" + userId;
        String issuedAt = Long.toString(clock.millis());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", accessToken);
        if (includeRefreshToken && refreshToken != null) {
            answer.put("refresh_token", refreshToken);
        }
        answer.put("signature", signature(clientSecret, id + issuedAt));
        answer.put("scope", scope);
        answer.put("instance_url", origin);
        answer.put("id", id);
        answer.put("token_type", "Bearer");
        answer.put("issued_at", issuedAt);
        return answer;
    }

    static String signature(String clientSecret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- revoke and userinfo ----------------------------------------------------------------------------------

    void revoke(HttpExchange exchange) throws IOException {
        Map<String, String> params = "POST".equals(exchange.getRequestMethod())
                ? Http.parseForm(new String(Http.readBody(exchange), StandardCharsets.UTF_8))
                : Http.query(exchange);
        String token = params.get("token");
        if (token == null || !tokens.revoke(token)) {
            sendError(exchange, new OAuthFailure(SalesforceErrors.oauth(400, "unsupported_token_type",
                    "this token type is not supported")));
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache,no-store");
        Http.send(exchange, 200, null, new byte[0]);
    }

    /**
     * {@code /services/oauth2/userinfo}, with the identity service's plain-text refusals: {@code 403
     * Missing_OAuth_Token} without a token, {@code 403 Bad_OAuth_Token} for an expired, revoked or unknown one.
     */
    void userinfo(HttpExchange exchange) throws IOException {
        Optional<String> token = DataApi.bearerToken(exchange);
        if (token.isEmpty()) {
            FailureAnswers.send(exchange, SalesforceErrors.identityMissingToken());
            return;
        }
        Optional<TokenStore.Session> session = tokens.session(token.get());
        Optional<DemoUser> user = session.flatMap(s -> data.userById(s.userId()));
        if (user.isEmpty()) {
            FailureAnswers.send(exchange, SalesforceErrors.identityBadToken());
            return;
        }
        if (!session.get().allowsIdentity()) {
            // Salesforce's code for a missing id scope is unconfirmed; it is a 403 but never one of the token codes.
            FailureAnswers.send(exchange, SalesforceErrors.identityScopeMissing());
            return;
        }
        DemoUser u = user.get();
        String id = origin + "/id/" + DemoData.ORG_ID + "/" + u.id();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("sub", id);
        info.put("user_id", u.id());
        info.put("organization_id", DemoData.ORG_ID);
        info.put("preferred_username", u.username());
        info.put("nickname", u.givenName().toLowerCase());
        info.put("name", u.name());
        info.put("email", u.username());
        info.put("email_verified", true);
        info.put("given_name", u.givenName());
        info.put("family_name", u.familyName());
        info.put("zoneinfo", u.zoneinfo());
        info.put("locale", u.locale());
        info.put("language", u.locale());
        info.put("active", true);
        info.put("user_type", "STANDARD");
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("rest", origin + "/services/data/v{version}/");
        urls.put("query", origin + "/services/data/v{version}/query/");
        urls.put("sobjects", origin + "/services/data/v{version}/sobjects/");
        info.put("urls", urls);
        info.put("updated_at", "2026-01-15T09:30:00Z");
        Http.sendJson(exchange, 200, info);
    }

    private static void sendError(HttpExchange exchange, OAuthFailure failure) throws IOException {
        FailureAnswers.send(exchange, failure.answer());
    }

    private static Map<String, String> errorParams(String error, String description, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        params.put("state", state);
        return params;
    }

    private static String withQuery(String uri, Map<String, String> params) {
        return uri + (uri.contains("?") ? "&" : "?") + Http.formEncode(params);
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
