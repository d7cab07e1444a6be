package io.github.asflink.token;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.asflink.token.HttpApiEventBuilder.basic;
import static io.github.asflink.token.HttpApiEventBuilder.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Salesforce call, the rewritten answer, and how failures are mapped. */
class TokenExchangeWithSalesforceTest {

    static final String CLIENT_ID = "3MVG9demo.Consumer_Key";
    /** Characters that break naive form or Basic handling. */
    static final String SECRET = "s3+cr/et=&%20x";
    static final String CODE = "aPrx+code/with=&%chars";
    static final String REDIRECT = "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA";

    private static WireMockSalesforce salesforce;
    private static TokenHandler handler;

    @BeforeAll
    static void start() {
        salesforce = new WireMockSalesforce();
        handler = salesforce.handler("TOKEN_EXPIRES_IN", "3600");
    }

    @AfterAll
    static void stop() {
        salesforce.close();
    }

    @AfterEach
    void reset() {
        salesforce.reset();
    }

    private static HttpApiEventBuilder codeRequestWithBodyCredentials(String... extra) {
        String[] base = {"grant_type", "authorization_code", "code", CODE, "redirect_uri", REDIRECT,
            "client_id", CLIENT_ID, "client_secret", SECRET};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return HttpApiEventBuilder.post().formBody(form(all));
    }

    private static Invocation call(HttpApiEventBuilder event) {
        return Invocation.of(handler, event.json());
    }

    @Test
    void authorizationCodeIsForwardedAsASalesforceFormWithEverySpecialCharacterIntact() {
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));

        Invocation answer = call(codeRequestWithBodyCredentials("code_verifier", "verifier-~._+/="));

        assertEquals(200, answer.status());
        LoggedRequest sent = salesforce.requests().get(0);
        assertEquals("/services/oauth2/token", sent.getUrl());
        assertEquals("application/json", sent.getHeader("Accept"));
        assertTrue(sent.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertEquals(Map.of("grant_type", "authorization_code", "code", CODE, "redirect_uri", REDIRECT,
                "client_id", CLIENT_ID, "client_secret", SECRET, "code_verifier", "verifier-~._+/="),
                salesforce.receivedForm());
        String body = sent.getBodyAsString();
        assertTrue(body.contains("code=aPrx%2Bcode%2Fwith%3D%26%25chars"), body);
        assertFalse(body.contains("null") || body.contains("undefined"), body);
    }

    @Test
    void basicCredentialsAreDecodedPerRfc6749AndSentInTheBody() {
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));

        Invocation answer = call(HttpApiEventBuilder.post().header("authorization", basic(CLIENT_ID, SECRET))
                .formBody(form("grant_type", "authorization_code", "code", CODE, "redirect_uri", REDIRECT)));

        assertEquals(200, answer.status());
        Map<String, String> sent = salesforce.receivedForm();
        assertEquals(CLIENT_ID, sent.get("client_id"));
        assertEquals(SECRET, sent.get("client_secret"));
        assertNull(sent.get("code_verifier"), "absent parameters are not sent");
    }

    @Test
    void basicAndIdenticalBodyCredentialsAreAccepted() {
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));
        Invocation answer = call(HttpApiEventBuilder.post().header("authorization", basic(CLIENT_ID, SECRET))
                .formBody(form("grant_type", "authorization_code", "code", CODE, "client_id", CLIENT_ID)));
        assertEquals(200, answer.status());
    }

    @Test
    void jsonBodyWithoutContentTypeIsUnderstood() {
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));
        JsonObject json = new JsonObject();
        json.addProperty("grant_type", "authorization_code");
        json.addProperty("code", CODE);
        json.addProperty("client_id", CLIENT_ID);
        json.addProperty("client_secret", SECRET);
        json.add("redirect_uri", null);

        Invocation answer = call(HttpApiEventBuilder.post().rawBody(json.toString(), false));

        assertEquals(200, answer.status());
        assertEquals(CODE, salesforce.receivedForm().get("code"));
        assertFalse(salesforce.receivedForm().containsKey("redirect_uri"));
    }

    @Test
    void formBodyWithoutContentTypeIsUnderstood() {
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));
        String form = form("grant_type", "authorization_code", "code", CODE, "client_id", CLIENT_ID,
                "client_secret", SECRET);
        Invocation answer = call(HttpApiEventBuilder.post().rawBody(
                java.util.Base64.getEncoder().encodeToString(form.getBytes()), true));
        assertEquals(200, answer.status());
        assertEquals(SECRET, salesforce.receivedForm().get("client_secret"));
    }

    @Test
    void configuredRedirectUriIsUsedOnlyWhenAlexaSendsNone() {
        TokenHandler withDefault = salesforce.handler("DEFAULT_REDIRECT_URI", "https://layla.amazon.com/api/skill/link/X");
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));

        Invocation.of(withDefault, HttpApiEventBuilder.post().formBody(form("grant_type", "authorization_code",
                "code", CODE, "client_id", CLIENT_ID, "client_secret", SECRET)).json());
        assertEquals("https://layla.amazon.com/api/skill/link/X", salesforce.receivedForm().get("redirect_uri"));

        salesforce.reset();
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));
        Invocation.of(withDefault, codeRequestWithBodyCredentials().json());
        assertEquals(REDIRECT, salesforce.receivedForm().get("redirect_uri"));
    }

    @Test
    void successAnswerCarriesTheLinkedTokenAndWhatAlexaNeeds() {
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));

        Invocation answer = call(codeRequestWithBodyCredentials());

        assertEquals(200, answer.status());
        assertEquals(WireMockSalesforce.ACCESS_TOKEN + " " + WireMockSalesforce.INSTANCE_URL,
                answer.string("access_token"));
        assertEquals("Bearer", answer.string("token_type"));
        assertEquals(3600, answer.body().get("expires_in").getAsInt());
        assertEquals("5Aep861SFrefreshToken.rotated", answer.string("refresh_token"));
        assertEquals("refresh_token api", answer.string("scope"));
        assertEquals(Map.of("content-type", "application/json;charset=UTF-8", "cache-control", "no-store",
                "pragma", "no-cache"), answer.headers());
        assertFalse(answer.body().has("instance_url") || answer.body().has("signature"),
                "Salesforce-only fields are not passed on");
    }

    @Test
    void defaultExpiresInIsNinetyMinutes() {
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));
        Invocation answer = Invocation.of(salesforce.handler(), codeRequestWithBodyCredentials().json());
        assertEquals(5400, answer.body().get("expires_in").getAsInt());
    }

    @Test
    void refreshWithoutRotationGivesAlexaBackItsRefreshToken() {
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, false));

        Invocation answer = call(HttpApiEventBuilder.post().formBody(form("grant_type", "refresh_token",
                "refresh_token", "5Aep861original+/=", "client_id", CLIENT_ID, "client_secret", SECRET)));

        assertEquals(200, answer.status());
        assertEquals("5Aep861original+/=", answer.string("refresh_token"));
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "5Aep861original+/=",
                "client_id", CLIENT_ID, "client_secret", SECRET), salesforce.receivedForm());
    }

    @Test
    void refreshWithRotationPassesTheNewRefreshTokenOn() {
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));
        Invocation answer = call(HttpApiEventBuilder.post().formBody(form("grant_type", "refresh_token",
                "refresh_token", "5Aep861original", "client_id", CLIENT_ID, "client_secret", SECRET)));
        assertEquals("5Aep861SFrefreshToken.rotated", answer.string("refresh_token"));
    }

    @Test
    void aGrantWithoutARefreshTokenIsLoggedWithTheScopeToAdd() {
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, false));
        Invocation answer = call(codeRequestWithBodyCredentials());
        assertEquals(200, answer.status());
        assertNull(answer.string("refresh_token"));
        assertEquals("no refresh_token: grant the refresh_token scope", answer.logLine().get("note").getAsString());

        salesforce.reset();
        salesforce.answersJson(200, WireMockSalesforce.grant(SECRET, true));
        assertNull(call(codeRequestWithBodyCredentials()).logLine().get("note"), "no note when all is well");
    }

    @Test
    void answerWithoutSignatureIsAcceptedWhenSalesforceSendsNone() {
        salesforce.answersJson(200, WireMockSalesforce.grant(null, true));
        assertEquals(200, call(codeRequestWithBodyCredentials()).status());
    }

    @Test
    void badSignatureIsAGatewayErrorNotAToken() {
        salesforce.answersJson(200, WireMockSalesforce.grant("another-secret", true));
        Invocation answer = call(codeRequestWithBodyCredentials());
        assertEquals(502, answer.status());
        assertEquals("server_error", answer.error());
        assertNull(answer.string("access_token"));
    }

    @Test
    void signatureThatIsNotBase64IsAGatewayErrorNotAToken() {
        JsonObject grant = WireMockSalesforce.grant(SECRET, true);
        grant.addProperty("signature", "not*base64!");
        salesforce.answersJson(200, grant);
        Invocation answer = call(codeRequestWithBodyCredentials());
        assertEquals(502, answer.status());
        assertEquals("Salesforce's answer failed the signature check", answer.string("error_description"));
        assertNull(answer.string("access_token"));
    }

    @Test
    void signatureWithoutIssuedAtIsRejected() {
        JsonObject grant = WireMockSalesforce.grant(SECRET, true);
        grant.remove("issued_at");
        salesforce.answersJson(200, grant);
        assertEquals(502, call(codeRequestWithBodyCredentials()).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://attacker.example", "http://acme.my.salesforce.com",
        "https://acme.my.salesforce.com.evil.example", "https://user@acme.my.salesforce.com", "not a url"})
    void instanceUrlOutsideTheAllowListIsAGatewayError(String instanceUrl) {
        JsonObject grant = WireMockSalesforce.grant(SECRET, true);
        grant.addProperty("instance_url", instanceUrl);
        salesforce.answersJson(200, grant);
        Invocation answer = call(codeRequestWithBodyCredentials());
        assertEquals(502, answer.status());
        assertEquals("server_error", answer.error());
    }

    @Test
    void allowListFromTheEnvironmentIsHonoured() {
        JsonObject grant = WireMockSalesforce.grant(SECRET, true);
        grant.addProperty("instance_url", "https://sf.internal.example");
        salesforce.answersJson(200, grant);
        TokenHandler custom = salesforce.handler("INSTANCE_URL_ALLOWLIST", "default,https://sf.internal.example");
        Invocation answer = Invocation.of(custom, codeRequestWithBodyCredentials().json());
        assertEquals(WireMockSalesforce.ACCESS_TOKEN + " https://sf.internal.example", answer.string("access_token"));
    }

    @Test
    void gatewayErrorsSayWhichPartOfTheAnswerCannotBeLinked() {
        JsonObject foreign = WireMockSalesforce.grant(SECRET, true);
        foreign.addProperty("instance_url", "https://attacker.example");
        salesforce.answersJson(200, foreign);
        assertEquals("Salesforce's instance_url is not an allowed Salesforce origin",
                call(codeRequestWithBodyCredentials()).string("error_description"));

        salesforce.reset();
        JsonObject spaced = WireMockSalesforce.grant(SECRET, true);
        spaced.addProperty("access_token", "00D5g!two words");
        salesforce.answersJson(200, spaced);
        assertEquals("Salesforce's access token cannot be linked",
                call(codeRequestWithBodyCredentials()).string("error_description"));

        salesforce.reset();
        JsonObject huge = WireMockSalesforce.grant(SECRET, true);
        huge.addProperty("access_token", "00D5g!" + "a".repeat(2048));
        salesforce.answersJson(200, huge);
        assertEquals("Salesforce's access token is too long to link",
                call(codeRequestWithBodyCredentials()).string("error_description"));
    }

    static final String JWT_DESCRIPTION = "Salesforce issued a JWT-based access token; turn off Issue JSON Web Token "
            + "(JWT)-based access tokens in the External Client App OAuth settings";

    @Test
    void jwtBasedAccessTokenIsAGatewayErrorNamingTheSettingToTurnOff() {
        JsonObject jwt = WireMockSalesforce.jwtGrant();
        String token = jwt.get("access_token").getAsString();
        assertTrue(token.length() > 1000 && token.split("\\.").length == 3, "a realistic JWT: " + token.length());
        salesforce.answersJson(200, jwt);

        for (HttpApiEventBuilder request : List.of(codeRequestWithBodyCredentials(),
                HttpApiEventBuilder.post().formBody(form(
                "grant_type", "refresh_token", "refresh_token", "5Aep861old", "client_id", CLIENT_ID,
                "client_secret", SECRET)))) {
            Invocation answer = call(request);

            assertEquals(502, answer.status());
            assertEquals("server_error", answer.error());
            assertEquals(JWT_DESCRIPTION, answer.string("error_description"));
            assertTrue(JWT_DESCRIPTION.matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+"),
                    "RFC 6749 error_description characters only");
            assertNull(answer.string("access_token"));
            assertFalse(answer.rawBody().contains(token) || answer.logLines().get(0).contains(token));
            assertEquals("no-store", answer.headers().get("cache-control"));
            JsonObject line = answer.logLine();
            assertEquals("upstream_failure", line.get("outcome").getAsString());
            assertEquals(200, line.get("upstreamStatus").getAsInt());
            assertEquals("server_error: " + JWT_DESCRIPTION, line.get("note").getAsString());
        }
    }

    @Test
    void jwtShapedAnswerWithoutTokenFormatIsRecognisedToo() {
        JsonObject jwt = WireMockSalesforce.jwtGrant();
        jwt.remove("token_format"); // api_instance_url instead of instance_url is the same setting
        salesforce.answersJson(200, jwt);
        Invocation answer = call(codeRequestWithBodyCredentials());
        assertEquals(502, answer.status());
        assertEquals(JWT_DESCRIPTION, answer.string("error_description"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"access_token", "instance_url"})
    void answerMissingAnEssentialFieldIsAGatewayError(String field) {
        JsonObject grant = WireMockSalesforce.grant(SECRET, true);
        grant.remove(field);
        salesforce.answersJson(200, grant);
        Invocation answer = call(codeRequestWithBodyCredentials());
        assertEquals(502, answer.status());
        assertEquals("server_error", answer.error());
    }

    @Test
    void salesforceInvalidGrantPassesThroughAsInvalidGrant() {
        salesforce.answers(SalesforceErrors.expiredGrant());

        Invocation answer = call(HttpApiEventBuilder.post().formBody(form("grant_type", "refresh_token",
                "refresh_token", "5Aep861old", "client_id", CLIENT_ID, "client_secret", SECRET)));

        assertEquals(400, answer.status());
        assertEquals("invalid_grant", answer.error());
        assertEquals("expired access/refresh token", answer.string("error_description"));
        assertEquals("no-store", answer.headers().get("cache-control"));
    }

    @Test
    void salesforceErrorDescriptionNeverEchoesASecret() {
        salesforce.answers(SalesforceErrors.oauth(400, "invalid_grant", "bad code " + CODE + " for secret " + SECRET));
        Invocation answer = call(codeRequestWithBodyCredentials());
        assertEquals("invalid_grant", answer.error());
        assertFalse(answer.rawBody().contains(CODE) || answer.rawBody().contains(SECRET), answer.rawBody());
    }

    @Test
    void salesforceInvalidClientWithBasicIsA401WithABasicChallenge() {
        salesforce.answers(SalesforceErrors.wrongClientSecret()); // Salesforce says 400; RFC 6749 §5.2 wants 401
        Invocation answer = call(HttpApiEventBuilder.post().header("authorization", basic(CLIENT_ID, SECRET))
                .formBody(form("grant_type", "authorization_code", "code", CODE)));
        assertEquals(401, answer.status());
        assertEquals("invalid_client", answer.error());
        assertEquals("invalid client credentials", answer.string("error_description"));
        assertTrue(answer.headers().get("www-authenticate").startsWith("Basic"));
    }

    @Test
    void salesforce401IsPassedOnWithABasicChallengeOnlyWhenBasicWasUsed() {
        salesforce.answers(SalesforceErrors.oauth(401, "unauthorized_client", "client is not authorized"));
        Invocation basicAnswer = call(HttpApiEventBuilder.post().header("authorization", basic(CLIENT_ID, SECRET))
                .formBody(form("grant_type", "authorization_code", "code", CODE)));
        assertEquals(401, basicAnswer.status());
        assertEquals("unauthorized_client", basicAnswer.error());
        assertEquals("Basic realm=\"token\"", basicAnswer.headers().get("www-authenticate"));

        Invocation bodyAnswer = call(codeRequestWithBodyCredentials());
        assertEquals(401, bodyAnswer.status());
        assertEquals("unauthorized_client", bodyAnswer.error());
        assertNull(bodyAnswer.headers().get("www-authenticate"));
    }

    @Test
    void salesforceInvalidClientWithBodyCredentialsStaysA400WithoutChallenge() {
        salesforce.answers(SalesforceErrors.wrongClientSecret());
        Invocation answer = call(codeRequestWithBodyCredentials());
        assertEquals(400, answer.status());
        assertEquals("invalid_client", answer.error());
        assertNull(answer.headers().get("www-authenticate"));
    }

    @Test
    void salesforceGrantErrorsPassThroughAsSalesforceWordsThem() {
        for (SalesforceErrorAnswer error : List.of(SalesforceErrors.expiredCode(),
                SalesforceErrors.missingCodeVerifier(), SalesforceErrors.redirectUriMismatch(),
                SalesforceErrors.unknownClient(), SalesforceErrors.unsupportedGrantType())) {
            salesforce.reset();
            salesforce.answers(error);
            Invocation answer = call(codeRequestWithBodyCredentials());
            JsonObject sent = com.google.gson.JsonParser.parseString(error.body()).getAsJsonObject();
            assertEquals(400, answer.status(), error.body());
            assertEquals(sent.get("error").getAsString(), answer.error());
            assertEquals(sent.get("error_description").getAsString(), answer.string("error_description"));
            assertEquals("salesforce_error", answer.logLine().get("outcome").getAsString());
        }
    }

    @ParameterizedTest
    @CsvSource({"500,503", "502,503", "503,503", "504,503", "429,503", "408,503"})
    void salesforceOutagesAreTransientErrorsNeverInvalidGrant(int salesforceStatus, int expected) {
        // even if a broken proxy says so, a 5xx is not permanent
        salesforce.answers(SalesforceErrors.oauth(salesforceStatus, "invalid_grant", "expired access/refresh token"));
        Invocation answer = call(codeRequestWithBodyCredentials());
        assertEquals(expected, answer.status());
        assertEquals("temporarily_unavailable", answer.error());
    }

    @Test
    void statusesAroundTheOAuthErrorRangeAreNotReadAsOAuthErrors() {
        for (int status : new int[] {399, 500}) {
            salesforce.reset();
            salesforce.answers(SalesforceErrors.oauth(status, "invalid_grant", "expired access/refresh token"));
            Invocation answer = call(codeRequestWithBodyCredentials());
            assertEquals(status == 500 ? 503 : 502, answer.status(), "Salesforce said " + status);
            assertFalse("invalid_grant".equals(answer.error()), "Salesforce said " + status);
        }
    }

    @Test
    void nonJsonAnswersAreGatewayErrors() {
        salesforce.answers(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html>maintenance</html>"));
        assertEquals(502, call(codeRequestWithBodyCredentials()).status());

        salesforce.reset();
        salesforce.answers(aResponse().withStatus(400).withHeader("Content-Type", "text/html")
                .withBody("<html>bad request</html>"));
        Invocation answer = call(codeRequestWithBodyCredentials());
        assertEquals(502, answer.status());
        assertEquals("server_error", answer.error());
    }

    @Test
    void redirectFromSalesforceIsNotFollowed() {
        salesforce.answers(aResponse().withStatus(302).withHeader("Location", "https://attacker.example/token"));
        assertEquals(502, call(codeRequestWithBodyCredentials()).status());
        assertEquals(1, salesforce.requests().size());
    }

    @Test
    void slowSalesforceIsAGatewayTimeout() {
        salesforce.answers(aResponse().withStatus(200).withFixedDelay(1500)
                .withBody(WireMockSalesforce.grant(SECRET, true).toString()));
        TokenHandler impatient = salesforce.handler("SALESFORCE_TIMEOUT_MS", "300");

        long start = System.nanoTime();
        Invocation answer = Invocation.of(impatient, codeRequestWithBodyCredentials().json());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(504, answer.status());
        assertEquals("temporarily_unavailable", answer.error());
        assertTrue(millis < 1400, "answered after the timeout, not after Salesforce: " + millis + " ms");
    }

    @Test
    void droppedConnectionIsTemporarilyUnavailable() {
        salesforce.answers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        Invocation answer = call(codeRequestWithBodyCredentials());
        assertEquals(503, answer.status());
        assertEquals("temporarily_unavailable", answer.error());
    }

    @Test
    void unreachableSalesforceIsTemporarilyUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TokenHandler nowhere = new TokenHandler(WireMockSalesforce.environmentFor("http://127.0.0.1:" + closedPort));
        Invocation answer = Invocation.of(nowhere, codeRequestWithBodyCredentials().json());
        assertEquals(503, answer.status());
        assertEquals("temporarily_unavailable", answer.error());
    }
}
