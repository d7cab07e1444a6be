package io.github.asflink.local.demoorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.Http;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo org on its own, over HTTP, as Salesforce's endpoints behave. */
class DemoOrgTest {
    private static final String REDIRECT = "https://layla.amazon.com/api/skill/link/DEMOVENDOR";

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final String ID_PATTERN = "http://127\\.0\\.0\\.1:\\d+/id/00D[0-9A-Za-z]{15}/005[0-9A-Za-z]{15}";

    private final MovableClock clock = new MovableClock();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private DemoOrg org;

    @BeforeEach
    void start() throws IOException {
        org = DemoOrg.start(0, clock, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        org.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(org.origin() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.formEncode(form))));
    }

    private String code(String codeChallenge) throws Exception {
        return code(codeChallenge, "api refresh_token id");
    }

    private String code(String codeChallenge, String scope) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("response_type", "code");
        form.put("client_id", ConnectedApp.DEMO_CLIENT_ID);
        form.put("redirect_uri", REDIRECT);
        form.put("scope", scope);
        if (codeChallenge != null) {
            form.put("code_challenge", codeChallenge);
        }
        form.put("username", "grace@demo.example");
        form.put("pw", "demo");
        HttpResponse<String> answer = post("/services/oauth2/authorize", form);
        assertEquals(302, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertFalse(location.contains("state="), "no state asked, none sent back");
        return Http.parseForm(URI.create(location).getRawQuery()).get("code");
    }

    private HttpResponse<String> redeem(String code, String extraName, String extraValue) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", ConnectedApp.DEMO_CLIENT_ID);
        form.put("client_secret", ConnectedApp.DEMO_CLIENT_SECRET);
        form.put("redirect_uri", REDIRECT);
        if (extraName != null) {
            form.put(extraName, extraValue);
        }
        return post("/services/oauth2/token", form);
    }

    private static JsonObject json(HttpResponse<String> answer) {
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    @Test
    void answersTheCodeGrantAsSalesforceDoesWithAVerifiableSignature() throws Exception {
        HttpResponse<String> answer = redeem(code(null), null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject token = json(answer);
        assertEquals(java.util.List.of("access_token", "refresh_token", "signature", "scope", "instance_url", "id",
                "token_type", "issued_at"), java.util.List.copyOf(token.keySet()), "Salesforce's fields, no expires_in");
        assertEquals(org.origin(), token.get("instance_url").getAsString());
        assertEquals("Bearer", token.get("token_type").getAsString());
        assertEquals("api refresh_token id", token.get("scope").getAsString());
        assertEquals(Long.toString(clock.millis()), token.get("issued_at").getAsString());
        String id = token.get("id").getAsString();
        assertTrue(id.matches(ID_PATTERN), id);
        String expected = OAuthEndpoints.signature(ConnectedApp.DEMO_CLIENT_SECRET, id + token.get("issued_at")
                .getAsString());
        assertEquals(expected, token.get("signature").getAsString());
        assertEquals(44, token.get("signature").getAsString().length(), "standard Base64 of 32 bytes");
        assertTrue(answer.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    @Test
    void aCodeWorksOnceAndNotAfterTenMinutes() throws Exception {
        String code = code(null);
        assertEquals(200, redeem(code, null, null).statusCode());
        HttpResponse<String> reused = redeem(code, null, null);
        assertEquals(400, reused.statusCode());
        assertEquals("invalid_grant", json(reused).get("error").getAsString());

        String late = code(null);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        HttpResponse<String> expired = redeem(late, null, null);
        assertEquals(400, expired.statusCode());
        assertEquals("expired authorization code", json(expired).get("error_description").getAsString());

        HttpResponse<String> unknown = redeem("aPrxnotacode==", null, null);
        assertEquals("invalid_grant", json(unknown).get("error").getAsString());
    }

    @Test
    void checksClientCredentialsRedirectUriAndPkce() throws Exception {
        HttpResponse<String> badSecret = post("/services/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", code(null), "client_id", ConnectedApp.DEMO_CLIENT_ID, "client_secret", "wrong",
                "redirect_uri", REDIRECT));
        assertEquals("invalid_client", json(badSecret).get("error").getAsString());
        HttpResponse<String> badId = post("/services/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", "x", "client_id", "someone-else", "client_secret", "x"));
        assertEquals("invalid_client_id", json(badId).get("error").getAsString());
        HttpResponse<String> badRedirect = redeem(code(null), "redirect_uri", REDIRECT + "/other");
        assertEquals("redirect_uri_mismatch", json(badRedirect).get("error").getAsString());
        HttpResponse<String> badGrant = post("/services/oauth2/token", Map.of("grant_type", "password",
                "client_id", ConnectedApp.DEMO_CLIENT_ID, "client_secret", ConnectedApp.DEMO_CLIENT_SECRET));
        assertEquals("unsupported_grant_type", json(badGrant).get("error").getAsString());

        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("invalid_grant", json(redeem(code(challenge), "code_verifier", "wrong")).get("error")
                .getAsString());
        assertEquals(200, redeem(code(challenge), "code_verifier", verifier).statusCode());
    }

    @Test
    void basicCredentialsWorkAndRefreshSendsNoRefreshToken() throws Exception {
        String refreshToken = json(redeem(code(null), null, null)).get("refresh_token").getAsString();
        String basic = Base64.getEncoder().encodeToString((ConnectedApp.DEMO_CLIENT_ID + ":"
                + ConnectedApp.DEMO_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refreshed = send(HttpRequest.newBuilder(URI.create(org.origin() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + Http.encode(refreshToken))));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        JsonObject token = json(refreshed);
        assertFalse(token.has("refresh_token"));
        assertFalse(token.has("expires_in"));
        assertTrue(token.has("signature"));

        assertEquals(200, post("/services/oauth2/revoke", Map.of("token", refreshToken)).statusCode());
        HttpResponse<String> afterRevoke = send(HttpRequest.newBuilder(URI.create(org.origin()
                        + "/services/oauth2/userinfo"))
                .header("Authorization", "Bearer " + token.get("access_token").getAsString()));
        assertEquals(401, afterRevoke.statusCode(), "revoking the refresh token kills its access tokens");
    }

    @Test
    void userinfoNeedsAnIdentityScopeAsInSalesforce() throws Exception {
        String apiOnly = json(redeem(code(null, "api refresh_token"), null, null)).get("access_token").getAsString();
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(org.origin()
                + "/services/oauth2/userinfo")).header("Authorization", "Bearer " + apiOnly));
        assertEquals(403, refused.statusCode(), refused.body());
        HttpResponse<String> query = send(HttpRequest.newBuilder(URI.create(org.origin()
                + "/services/data/v67.0/query?q=" + Http.encode("SELECT COUNT() FROM Case WHERE IsClosed = false")))
                .header("Authorization", "Bearer " + apiOnly));
        assertEquals(200, query.statusCode(), "the api scope is enough for the REST API");
    }

    @Test
    void servesUserinfoQueriesAndTasksWithSalesforceErrors() throws Exception {
        String accessToken = json(redeem(code(null), null, null)).get("access_token").getAsString();
        HttpResponse<String> info = send(HttpRequest.newBuilder(URI.create(org.origin() + "/services/oauth2/userinfo"))
                .header("Authorization", "Bearer " + accessToken));
        JsonObject user = json(info);
        for (String field : new String[] {"user_id", "organization_id", "name", "given_name", "family_name",
                "preferred_username", "email", "locale", "zoneinfo"}) {
            assertTrue(user.has(field), field);
        }
        assertEquals("Grace", user.get("given_name").getAsString());

        HttpResponse<String> malformed = send(HttpRequest.newBuilder(URI.create(org.origin()
                + "/services/data/v67.0/query?q=" + Http.encode("SELECT FROM"))).header("Authorization",
                "Bearer " + accessToken));
        assertEquals(400, malformed.statusCode());
        JsonArray errors = JsonParser.parseString(malformed.body()).getAsJsonArray();
        assertEquals("MALFORMED_QUERY", errors.get(0).getAsJsonObject().get("errorCode").getAsString());

        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(org.origin()
                        + "/services/data/v67.0/sobjects/Task"))
                .header("Authorization", "Bearer " + accessToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Subject\":\"Call\",\"ActivityDate\":\"2026-12-02\","
                        + "\"OwnerId\":\"" + user.get("user_id").getAsString() + "\",\"Status\":\"Not Started\","
                        + "\"Priority\":\"Normal\"}")));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(json(created).get("id").getAsString().startsWith("00T"));
        assertTrue(json(created).get("success").getAsBoolean());

        HttpResponse<String> badDate = send(HttpRequest.newBuilder(URI.create(org.origin()
                        + "/services/data/v67.0/sobjects/Task"))
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"Subject\":\"x\",\"ActivityDate\":\"tomorrow\"}")));
        assertEquals(400, badDate.statusCode());

        HttpResponse<String> noToken = send(HttpRequest.newBuilder(URI.create(org.origin()
                + "/services/data/v67.0/query?q=SELECT+Id+FROM+Case")));
        assertEquals(401, noToken.statusCode());
        assertEquals("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]",
                noToken.body());
    }
}
