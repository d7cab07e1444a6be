package io.github.asflink.local.demoorg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.Http;
import io.github.asflink.local.MovableClock;
import io.github.asflink.local.RawHttp;
import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo org on its own, over HTTP, as Salesforce's endpoints behave. */
class DemoOrgTest {
    private static final String REDIRECT = "https://layla.amazon.com/api/skill/link/DEMOVENDOR";

    private static final String ID_PATTERN = "http://127\\.0\\.0\\.1:\\d+/id/00D[0-9A-Za-z]{15}/005[0-9A-Za-z]{15}";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
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
        return code(codeChallenge, scope, "grace@demo.example");
    }

    private String code(String codeChallenge, String scope, String username) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("response_type", "code");
        form.put("client_id", ConnectedApp.DEMO_CLIENT_ID);
        form.put("redirect_uri", REDIRECT);
        form.put("scope", scope);
        if (codeChallenge != null) {
            form.put("code_challenge", codeChallenge);
        }
        form.put("username", username);
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
        assertEquals(List.of("access_token", "refresh_token", "signature", "scope", "instance_url", "id",
                "token_type", "issued_at"), List.copyOf(token.keySet()), "Salesforce's fields, no expires_in");
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
        assertEquals(SalesforceErrors.expiredCode().body(), expired.body());

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
        HttpResponse<String> refreshed = send(HttpRequest.newBuilder(
                URI.create(org.origin() + "/services/oauth2/token"))
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
        assertEquals(403, afterRevoke.statusCode(), "revoking the refresh token kills its access tokens");
        assertEquals("Bad_OAuth_Token", afterRevoke.body());
    }

    @Test
    void userinfoNeedsAnIdentityScopeAsInSalesforce() throws Exception {
        String apiOnly = json(redeem(code(null, "api refresh_token"), null, null)).get("access_token").getAsString();
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(org.origin()
                + "/services/oauth2/userinfo")).header("Authorization", "Bearer " + apiOnly));
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(SalesforceErrors.identityScopeMissing().body(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertFalse(List.of("Bad_OAuth_Token", "Missing_OAuth_Token").contains(refused.body()),
                "a live token without the id scope is not a dead token");
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

    // ---- dead tokens: the identity service says 403 in plain text, the data API 401 in JSON ---------------------

    private HttpResponse<String> userinfo(String accessToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(org.origin() + "/services/oauth2/userinfo"));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return send(request);
    }

    private HttpResponse<String> query(String accessToken, String soql) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(org.origin() + "/services/data/v67.0/query?q="
                        + Http.encode(soql).replace("+", "%20")))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json"));
    }

    private static void assertAnswer(SalesforceErrorAnswer expected, HttpResponse<String> actual) {
        assertEquals(expected.status(), actual.statusCode(), actual.body());
        assertEquals(expected.body(), actual.body());
        assertEquals(expected.contentType(), actual.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void userinfoAnswersMissingAndDeadTokensWithThePlainTextCodes() throws Exception {
        assertAnswer(SalesforceErrors.identityMissingToken(), userinfo(null));
        assertAnswer(SalesforceErrors.identityBadToken(), userinfo("00D5g0000000000!AQnotatoken"));
        String live = json(redeem(code(null), null, null)).get("access_token").getAsString();
        assertEquals(200, userinfo(live).statusCode());
        post("/services/oauth2/revoke", Map.of("token", live));
        assertAnswer(SalesforceErrors.identityBadToken(), userinfo(live));
    }

    @Test
    void expiredSessionsGetTheDeadTokenAnswersAndARefreshGrantIssuesANewToken() throws Exception {
        JsonObject linked = json(redeem(code(null), null, null));
        String expired = linked.get("access_token").getAsString();
        assertEquals(1, org.expireAccessTokens());

        assertAnswer(SalesforceErrors.identityBadToken(), userinfo(expired));
        HttpResponse<String> data = query(expired, "SELECT COUNT() FROM Case USING SCOPE mine WHERE IsClosed = false");
        assertAnswer(SalesforceErrors.dataInvalidSession(), data);

        HttpResponse<String> refreshed = post("/services/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", linked.get("refresh_token").getAsString(), "client_id", ConnectedApp.DEMO_CLIENT_ID,
                "client_secret", ConnectedApp.DEMO_CLIENT_SECRET));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String renewed = json(refreshed).get("access_token").getAsString();
        assertFalse(renewed.equals(expired));
        assertEquals(200, userinfo(renewed).statusCode());

        assertTrue(org.expireAccessToken(renewed));
        assertFalse(org.expireAccessToken(renewed), "an expired token is not live any more");
        assertAnswer(SalesforceErrors.identityBadToken(), userinfo(renewed));
    }

    @Test
    void aSessionDiesAfterTwoHoursWithoutUseLikeSalesforcesDefaultTimeout() throws Exception {
        String token = json(redeem(code(null), null, null)).get("access_token").getAsString();
        clock.advance(Duration.ofMinutes(110));
        assertEquals(200, userinfo(token).statusCode(), "every call resets the idle timer");
        clock.advance(Duration.ofMinutes(110));
        assertEquals(200, userinfo(token).statusCode());
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        assertAnswer(SalesforceErrors.identityBadToken(), userinfo(token));
    }

    @Test
    void tokenEndpointRefusalsAreSalesforcesOwnAnswers() throws Exception {
        assertAnswer(SalesforceErrors.wrongClientSecret(), post("/services/oauth2/token", Map.of(
                "grant_type", "authorization_code", "code", code(null), "client_id", ConnectedApp.DEMO_CLIENT_ID,
                "client_secret", "wrong", "redirect_uri", REDIRECT)));
        assertAnswer(SalesforceErrors.unknownClient(), post("/services/oauth2/token", Map.of(
                "grant_type", "refresh_token", "refresh_token", "x", "client_id", "someone-else",
                "client_secret", "x")));
        assertAnswer(SalesforceErrors.redirectUriMismatch(), redeem(code(null), "redirect_uri", REDIRECT + "/other"));
        assertAnswer(SalesforceErrors.unsupportedGrantType(), post("/services/oauth2/token", Map.of(
                "grant_type", "password", "client_id", ConnectedApp.DEMO_CLIENT_ID,
                "client_secret", ConnectedApp.DEMO_CLIENT_SECRET)));
        assertAnswer(SalesforceErrors.expiredGrant(), post("/services/oauth2/token", Map.of(
                "grant_type", "refresh_token", "refresh_token", "5Aep861revoked", "client_id",
                ConnectedApp.DEMO_CLIENT_ID, "client_secret", ConnectedApp.DEMO_CLIENT_SECRET)));
        assertAnswer(SalesforceErrors.missingCodeVerifier(), redeem(code("challenge-without-verifier"), null, null));
    }

    @Test
    void dataApiRefusalsAreSalesforcesOwnAnswers() throws Exception {
        String token = json(redeem(code(null), null, null)).get("access_token").getAsString();
        assertAnswer(SalesforceErrors.notFound(), send(HttpRequest.newBuilder(URI.create(org.origin()
                + "/services/data/v67.0/nothing")).header("Authorization", "Bearer " + token)));
        assertAnswer(SalesforceErrors.malformedQuery("A query string has to be specified"), send(HttpRequest
                .newBuilder(URI.create(org.origin() + "/services/data/v67.0/query"))
                .header("Authorization", "Bearer " + token)));
        assertAnswer(SalesforceErrors.dataInvalidSession(), send(HttpRequest.newBuilder(URI.create(org.origin()
                + "/services/data/v67.0/query?q=SELECT+Id+FROM+Case"))));
    }

    // ---- the skill's queries, over HTTP, as Salesforce answers them ---------------------------------------------

    static final String Q1 = "SELECT COUNT(Id) openCount, SUM(Amount) openAmount FROM Opportunity USING SCOPE mine"
            + " WHERE IsClosed = false";
    static final String Q2M = "SELECT Name, Amount, CurrencyIsoCode, CloseDate FROM Opportunity USING SCOPE mine"
            + " WHERE IsClosed = false ORDER BY CloseDate ASC NULLS LAST LIMIT 1";
    static final String Q2S = "SELECT Name, Amount, CloseDate FROM Opportunity USING SCOPE mine WHERE IsClosed = false"
            + " ORDER BY CloseDate ASC NULLS LAST LIMIT 1";
    static final String Q3 = "SELECT DefaultCurrencyIsoCode FROM Organization LIMIT 1";
    static final String Q4 = "SELECT COUNT() FROM Case USING SCOPE mine WHERE IsClosed = false";
    static final String Q5 = "SELECT Id, CaseNumber, Subject, Priority, Status FROM Case USING SCOPE mine"
            + " WHERE IsClosed = false ORDER BY Priority ASC NULLS LAST, CaseNumber ASC LIMIT 3";

    private JsonObject ok(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject body = json(answer);
        assertTrue(body.get("done").getAsBoolean());
        return body;
    }

    @Test
    void pipelineTotalsAreOneAggregateResultOverTheUsersOwnOpportunities() throws Exception {
        String grace = json(redeem(code(null), null, null)).get("access_token").getAsString();
        JsonObject body = ok(query(grace, Q1));
        assertEquals(1, body.get("totalSize").getAsInt());
        JsonObject row = body.getAsJsonArray("records").get(0).getAsJsonObject();
        assertEquals(List.of("attributes", "openCount", "openAmount"), List.copyOf(row.keySet()));
        assertEquals("{\"type\":\"AggregateResult\"}", row.get("attributes").toString());
        assertEquals(2, row.get("openCount").getAsInt(), "Grace's two open opportunities, not Ada's");
        assertEquals(325_000.0, row.get("openAmount").getAsDouble());

        String katherine = json(redeem(code(null, "api refresh_token id", "katherine@demo.example"), null, null))
                .get("access_token").getAsString();
        JsonObject hers = ok(query(katherine, Q1)).getAsJsonArray("records").get(0).getAsJsonObject();
        assertEquals(1, hers.get("openCount").getAsInt(), "Katherine's Cyberdyne deal");
        assertEquals(60_000.0, hers.get("openAmount").getAsDouble());
    }

    @Test
    void countsAreExactAboveAnyQueryLimit() throws Exception {
        String graceId = org.data().users().get(1).id();
        for (int i = 0; i < 2_500; i++) {
            org.data().opportunity("Bulk " + i, i % 2 == 0 ? 100.0 : null, LocalDate.of(2027, 1, 1), "Prospecting",
                    graceId);
        }
        String grace = json(redeem(code(null), null, null)).get("access_token").getAsString();
        JsonObject row = ok(query(grace, Q1)).getAsJsonArray("records").get(0).getAsJsonObject();
        assertEquals(2_502, row.get("openCount").getAsInt());
        assertEquals(325_000.0 + 1_250 * 100.0, row.get("openAmount").getAsDouble(), "null amounts are skipped");
        JsonObject capped = ok(query(grace, "SELECT Id, Name, Amount, CloseDate FROM Opportunity WHERE OwnerId = '"
                + graceId + "' AND IsClosed = false ORDER BY CloseDate ASC NULLS LAST LIMIT 2000"));
        assertEquals(2_000, capped.get("totalSize").getAsInt(), "a record query's totalSize stops at its LIMIT");
    }

    @Test
    void theSingleCurrencyOrgRefusesCurrencyIsoCodeAndNamesItsCurrencyOnTheOrganization() throws Exception {
        String grace = json(redeem(code(null), null, null)).get("access_token").getAsString();
        assertAnswer(SalesforceErrors.invalidField("CurrencyIsoCode", "Opportunity"), query(grace, Q2M));

        JsonObject next = ok(query(grace, Q2S));
        assertEquals(1, next.get("totalSize").getAsInt());
        JsonObject opportunity = next.getAsJsonArray("records").get(0).getAsJsonObject();
        assertEquals(List.of("attributes", "Name", "Amount", "CloseDate"), List.copyOf(opportunity.keySet()));
        assertEquals("Opportunity", opportunity.getAsJsonObject("attributes").get("type").getAsString());
        assertTrue(opportunity.getAsJsonObject("attributes").get("url").getAsString()
                .matches("/services/data/v67\\.0/sobjects/Opportunity/006[0-9A-Za-z]{15}"));
        assertEquals("Stark Industries support", opportunity.get("Name").getAsString());
        assertEquals(75_000.0, opportunity.get("Amount").getAsDouble());
        assertEquals(LocalDate.now(clock).plusDays(3).toString(), opportunity.get("CloseDate").getAsString());

        JsonObject organization = ok(query(grace, Q3));
        assertEquals(1, organization.get("totalSize").getAsInt());
        JsonObject record = organization.getAsJsonArray("records").get(0).getAsJsonObject();
        assertEquals("USD", record.get("DefaultCurrencyIsoCode").getAsString());
        assertEquals("Organization", record.getAsJsonObject("attributes").get("type").getAsString());
        assertEquals("/services/data/v67.0/sobjects/Organization/" + DemoData.ORG_ID,
                record.getAsJsonObject("attributes").get("url").getAsString());
        assertTrue(DemoData.ORG_ID.startsWith("00D"));
    }

    @Test
    void openCasesAreACountAndTheTopThreeOfTheUsersOwn() throws Exception {
        String ada = json(redeem(code(null, "api refresh_token id", "ada@demo.example"), null, null))
                .get("access_token").getAsString();
        JsonObject count = ok(query(ada, Q4));
        assertEquals(4, count.get("totalSize").getAsInt());
        assertEquals(0, count.getAsJsonArray("records").size(), "COUNT() answers totalSize only");

        JsonObject top = ok(query(ada, Q5));
        assertEquals(3, top.get("totalSize").getAsInt());
        JsonObject first = top.getAsJsonArray("records").get(0).getAsJsonObject();
        assertEquals(List.of("attributes", "Id", "CaseNumber", "Subject", "Priority", "Status"),
                List.copyOf(first.keySet()));
        assertEquals("Case", first.getAsJsonObject("attributes").get("type").getAsString());
        assertEquals("High", first.get("Priority").getAsString());
        assertEquals("Login fails for R&D team", first.get("Subject").getAsString());
    }

    // ---- DNS rebinding ------------------------------------------------------------------------------------------

    @Test
    void refusesRequestsAddressedToAnotherHost() throws Exception {
        int port = URI.create(org.origin()).getPort();
        String rebound = RawHttp.get(port, "attacker.example:" + port, "/services/oauth2/userinfo");
        assertTrue(rebound.startsWith("HTTP/1.1 421"), rebound);
        assertTrue(rebound.contains("text/plain"), rebound);
        assertTrue(RawHttp.get(port, "attacker.example", "/services/oauth2/authorize").startsWith("HTTP/1.1 421"));
        assertTrue(RawHttp.get(port, "127.0.0.1:" + (port + 1), "/").startsWith("HTTP/1.1 421"), "another port");
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port)) {
            String answer = RawHttp.get(port, host, "/services/oauth2/userinfo");
            assertTrue(answer.startsWith("HTTP/1.1 403") && answer.endsWith("Missing_OAuth_Token"), host + ": "
                    + answer);
        }
    }
}
