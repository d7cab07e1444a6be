package io.github.asflink.token;

import static io.github.asflink.token.HttpApiEventBuilder.basic;
import static io.github.asflink.token.HttpApiEventBuilder.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests that are answered without calling Salesforce. */
class TokenRequestValidationTest {

    private static WireMockSalesforce salesforce;
    private static TokenHandler handler;

    @BeforeAll
    static void start() {
        salesforce = new WireMockSalesforce();
        handler = salesforce.handler();
    }

    @AfterAll
    static void stop() {
        salesforce.close();
    }

    @AfterEach
    void nothingReachedSalesforce() {
        int reached = salesforce.requests().size();
        salesforce.reset(); // first, so one failure does not fail the tests after it
        assertEquals(0, reached, "no request may reach Salesforce");
    }

    private static Invocation call(HttpApiEventBuilder event) {
        return Invocation.of(handler, event.json());
    }

    private static void assertOAuthError(Invocation answer, int status, String error) {
        assertEquals(status, answer.status());
        assertEquals(error, answer.error());
        assertTrue(answer.string("error_description") != null && !answer.string("error_description").isBlank());
        assertEquals("application/json;charset=UTF-8", answer.headers().get("content-type"));
        assertEquals("no-store", answer.headers().get("cache-control"));
        assertEquals("no-cache", answer.headers().get("pragma"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "OPTIONS"})
    void onlyPostIsAccepted(String method) {
        Invocation answer = call(HttpApiEventBuilder.post().method(method));
        assertOAuthError(answer, 405, "invalid_request");
        assertEquals("POST", answer.headers().get("allow"));
    }

    @Test
    void bodyOverSixteenKibibytesIsRefused() {
        String big = form("grant_type", "authorization_code", "code", "x".repeat(17 * 1024), "client_id", "c");
        assertOAuthError(call(HttpApiEventBuilder.post().formBody(big)), 413, "invalid_request");
        assertOAuthError(call(HttpApiEventBuilder.post().header("content-type", "application/x-www-form-urlencoded")
                .rawBody(big, false)), 413, "invalid_request");
    }

    @Test
    void bodyMarkedBase64ThatIsNotIsABadRequest() {
        assertOAuthError(call(HttpApiEventBuilder.post().rawBody("grant_type=authorization_code&code=***", true)), 400,
                "invalid_request");
    }

    @Test
    void jsonThatIsNotAnObjectIsABadRequest() {
        assertOAuthError(call(HttpApiEventBuilder.post().header("content-type", "application/json")
                .rawBody("[\"grant_type\"]", false)), 400, "invalid_request");
        assertOAuthError(call(HttpApiEventBuilder.post().header("content-type", "application/json")
                .rawBody("{\"grant_type\": {\"nested\": 1}}", false)), 400, "invalid_request");
        assertOAuthError(call(HttpApiEventBuilder.post().header("content-type", "application/json")
                .rawBody("{not json", false)), 400, "invalid_request");
    }

    @Test
    void malformedPercentEncodingIsABadRequest() {
        assertOAuthError(call(HttpApiEventBuilder.post()
                .formBody("grant_type=authorization_code&code=%ZZ&client_id=c")), 400, "invalid_request");
    }

    @Test
    void repeatedParameterIsABadRequest() {
        Invocation answer = call(HttpApiEventBuilder.post().formBody("grant_type=refresh_token&refresh_token=a"
                + "&refresh_token=b&client_id=c"));
        assertOAuthError(answer, 400, "invalid_request");
        assertTrue(answer.string("error_description").contains("refresh_token"));
    }

    private static Invocation json(String body) {
        return call(HttpApiEventBuilder.post().header("content-type", "application/json").rawBody(body, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"refresh_token\"", "\"authorization_code\"", "null", "\"\""})
    void repeatedJsonMemberIsABadRequestLikeARepeatedFormParameter(String firstValue) {
        String body = "{\"grant_type\":" + firstValue + ",\"grant_type\":\"refresh_token\",\"refresh_token\":\"r\","
                + "\"client_id\":\"c\"}";
        Invocation answer = json(body);
        assertOAuthError(answer, 400, "invalid_request");
        assertEquals("parameter grant_type is repeated", answer.string("error_description"));
        // without a Content-Type the body is recognised as JSON and judged the same
        assertEquals("parameter grant_type is repeated",
                call(HttpApiEventBuilder.post().rawBody(body, false)).string("error_description"));
    }

    @Test
    void repeatedFormParameterCountsEvenWhenOneIsEmpty() {
        Invocation answer = call(HttpApiEventBuilder.post().formBody("grant_type=refresh_token&refresh_token="
                + "&refresh_token=b&client_id=c"));
        assertOAuthError(answer, 400, "invalid_request");
        assertEquals("parameter refresh_token is repeated", answer.string("error_description"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"grant_type\":\"refresh_token\",\"refresh_token\":5,\"client_id\":\"c\"}",
        "{\"grant_type\":\"refresh_token\",\"refresh_token\":true,\"client_id\":\"c\"}",
        "{\"grant_type\":\"refresh_token\",\"refresh_token\":[\"r\"],\"client_id\":\"c\"}",
        "{\"grant_type\":\"refresh_token\",\"refresh_token\":{\"value\":\"r\"},\"client_id\":\"c\"}",
    })
    void nonStringJsonValuesAreABadRequest(String body) {
        Invocation answer = json(body);
        assertOAuthError(answer, 400, "invalid_request");
        assertEquals("JSON parameters must be strings", answer.string("error_description"));
    }

    @Test
    void deeplyNestedJsonIsABadRequestNotACrash() {
        String objects = "{\"a\":".repeat(2500) + "\"x\"" + "}".repeat(2500);
        String arrays = "[".repeat(8000) + "]".repeat(8000);
        String inside = "{\"grant_type\":" + "[".repeat(7000) + "]".repeat(7000) + "}";
        for (String body : new String[] {objects, arrays, inside}) {
            assertTrue(body.length() < RequestParameters.MAX_BODY_BYTES);
            Invocation answer = json(body);
            assertOAuthError(answer, 400, "invalid_request");
            assertEquals("rejected", answer.logLine().get("outcome").getAsString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"grant_type\":\"refresh_token\"} {\"client_id\":\"c\"}",
        "{\"grant_type\":\"refresh_token\",}", "{grant_type:\"refresh_token\"}", "{\"grant_type\":'x'}",
        "{\"grant_type\":\"refresh_token\""})
    void jsonThatIsNotStrictlyOneObjectIsABadRequest(String body) {
        assertOAuthError(json(body), 400, "invalid_request");
    }

    @Test
    void jsonBodyOverTheLimitIsStillRefused() {
        String big = "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + "x".repeat(17 * 1024) + "\"}";
        assertOAuthError(json(big), 413, "invalid_request");
    }

    @Test
    void emptyBodyIsABadRequest() {
        assertOAuthError(call(HttpApiEventBuilder.post()), 400, "invalid_request");
    }

    @Test
    void missingGrantTypeIsInvalidRequest() {
        assertOAuthError(call(HttpApiEventBuilder.post().formBody(form("code", "abc", "client_id", "c"))), 400,
                "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "client_credentials", "urn:ietf:params:oauth:grant-type:jwt-bearer",
        "AUTHORIZATION_CODE"})
    void otherGrantTypesAreUnsupported(String grantType) {
        assertOAuthError(call(HttpApiEventBuilder.post().formBody(form("grant_type", grantType, "client_id", "c"))),
                400,
                "unsupported_grant_type");
    }

    @Test
    void authorizationCodeGrantNeedsACode() {
        Invocation answer = call(HttpApiEventBuilder.post().formBody(form("grant_type", "authorization_code",
                "client_id", "c", "client_secret", "s")));
        assertOAuthError(answer, 400, "invalid_request");
        assertEquals("code is required", answer.string("error_description"));
    }

    @Test
    void emptyCodeCountsAsMissing() {
        assertOAuthError(call(HttpApiEventBuilder.post().formBody("grant_type=authorization_code&code=&client_id=c")),
                400,
                "invalid_request");
    }

    @Test
    void refreshGrantNeedsARefreshToken() {
        Invocation answer = call(HttpApiEventBuilder.post()
                .formBody(form("grant_type", "refresh_token", "client_id", "c")));
        assertOAuthError(answer, 400, "invalid_request");
        assertEquals("refresh_token is required", answer.string("error_description"));
    }

    @Test
    void missingClientIdIsInvalidRequest() {
        assertOAuthError(call(HttpApiEventBuilder.post()
                .formBody(form("grant_type", "authorization_code", "code", "x"))),
                400, "invalid_request");
    }

    @Test
    void basicAndBodyCredentialsThatDifferAreRefused() {
        Invocation answer = call(HttpApiEventBuilder.post().header("authorization", basic("alexa-client", "s3cret"))
                .formBody(form("grant_type", "authorization_code", "code", "x", "client_id", "other-client")));
        assertOAuthError(answer, 400, "invalid_request");
        Invocation secretDiffers = call(HttpApiEventBuilder.post()
                .header("authorization", basic("alexa-client", "s3cret"))
                .formBody(form("grant_type", "authorization_code", "code", "x", "client_secret", "other")));
        assertOAuthError(secretDiffers, 400, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "Basic !!!notbase64", "Basic "})
    void unusableAuthorizationHeaderIsInvalidRequest(String authorization) {
        assertOAuthError(call(HttpApiEventBuilder.post().header("authorization", authorization)
                .formBody(form("grant_type", "authorization_code", "code", "x"))), 400, "invalid_request");
    }

    @Test
    void basicWithoutColonIsInvalidRequest() {
        String noColon = "Basic " + Base64.getEncoder().encodeToString("justanid".getBytes(StandardCharsets.UTF_8));
        assertOAuthError(call(HttpApiEventBuilder.post().header("authorization", noColon)
                .formBody(form("grant_type", "authorization_code", "code", "x"))), 400, "invalid_request");
    }

    @Test
    void basicWithAnEmptyClientIdIsInvalidRequest() {
        String noId = "Basic " + Base64.getEncoder().encodeToString(":s3cret".getBytes(StandardCharsets.UTF_8));
        Invocation answer = call(HttpApiEventBuilder.post().header("authorization", noId)
                .formBody(form("grant_type", "authorization_code", "code", "x")));
        assertOAuthError(answer, 400, "invalid_request");
        assertEquals("Authorization: Basic value must be client_id:client_secret", answer.string("error_description"));
    }

    /** A form of exactly {@code bytes} bytes that names a client and no grant, so it is refused before Salesforce. */
    private static String formOf(int bytes) {
        String start = "client_id=c&pad=";
        return start + "x".repeat(bytes - start.length());
    }

    @Test
    void bodyOfExactlySixteenKibibytesIsReadEitherWay() {
        String limit = formOf(RequestParameters.MAX_BODY_BYTES);
        for (Invocation answer : List.of(call(HttpApiEventBuilder.post().formBody(limit)),
                call(HttpApiEventBuilder.post().header("content-type", "application/x-www-form-urlencoded")
                        .rawBody(limit, false)))) {
            assertOAuthError(answer, 400, "invalid_request");
            assertEquals("grant_type is required", answer.string("error_description"), "read, not refused for size");
        }
        String over = formOf(RequestParameters.MAX_BODY_BYTES + 1);
        assertOAuthError(call(HttpApiEventBuilder.post().formBody(over)), 413, "invalid_request");
        assertOAuthError(call(HttpApiEventBuilder.post().header("content-type", "application/x-www-form-urlencoded")
                .rawBody(over, false)), 413, "invalid_request");
    }

    @Test
    void bodyOverSixteenKibibytesInMultiByteCharactersIsRefusedToo() {
        // 6,000 characters, 18,000 bytes: the limit is in bytes, not characters
        String euros = "client_id=c&pad=" + "\u20ac".repeat(6000);
        assertOAuthError(call(HttpApiEventBuilder.post().header("content-type", "application/x-www-form-urlencoded")
                .rawBody(euros, false)), 413, "invalid_request");
    }

    @Test
    void repeatedNamelessParameterIsStillARepeat() {
        Invocation answer = call(HttpApiEventBuilder.post().formBody("client_id=c&grant_type=refresh_token&=a&=b"));
        assertOAuthError(answer, 400, "invalid_request");
        assertEquals("parameter (unnamed) is repeated", answer.string("error_description"));
    }

    @Test
    void jsonIsReadStrictlyNotWithGsonsLegacyLeniency() {
        // Gson's legacy strictness accepts the invalid escape \' (and raw control characters) inside strings.
        Invocation answer = json("{\"client_id\":\"c\",\"grant_type\":\"refresh\\'token\"}");
        assertOAuthError(answer, 400, "invalid_request");
        assertEquals("body is neither a form nor valid JSON", answer.string("error_description"));
    }

    @Test
    void clientOutsideTheAllowListIsInvalidClientWithBasicChallengeWhenBasicWasUsed() {
        TokenHandler restricted = salesforce.handler("ALLOWED_CLIENT_IDS", "alexa-client, second-client");
        Invocation basicAnswer = Invocation.of(restricted, HttpApiEventBuilder.post()
                .header("authorization", basic("intruder", "s"))
                .formBody(form("grant_type", "authorization_code", "code", "x")).json());
        assertOAuthError(basicAnswer, 401, "invalid_client");
        assertTrue(basicAnswer.headers().get("www-authenticate").startsWith("Basic"));

        Invocation bodyAnswer = Invocation.of(restricted, HttpApiEventBuilder.post()
                .formBody(form("grant_type", "refresh_token", "refresh_token", "r", "client_id", "intruder")).json());
        assertOAuthError(bodyAnswer, 401, "invalid_client");
        assertNull(bodyAnswer.headers().get("www-authenticate"));
    }

    @Test
    void eventThatIsNotAnHttpApiEventGetsAnOAuthError() {
        Invocation answer = Invocation.of(handler, "[1,2,3]");
        assertOAuthError(answer, 400, "invalid_request");
        assertFalse(answer.rawBody().contains("Exception"));
    }
}
