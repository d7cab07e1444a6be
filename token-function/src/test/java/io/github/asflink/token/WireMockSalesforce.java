package io.github.asflink.token;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import io.github.asflink.salesforceerrors.SalesforceErrorAnswer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Salesforce's token endpoint as a WireMock server on loopback. */
final class WireMockSalesforce implements AutoCloseable {

    static final String TOKEN_PATH = "/services/oauth2/token";
    static final String ACCESS_TOKEN = "00D5g00000ABCDE!AQ4AQLm1d.SFaccessToken_x9";
    static final String INSTANCE_URL = "https://acme.my.salesforce.com";
    static final String ID = "https://login.salesforce.com/id/00D5g00000ABCDEEA2/0055g00000FGHIJAA3";
    static final String ISSUED_AT = "1796153400123";
    /** The client ids the tests send; every test environment lists them unless it sets its own. */
    static final String TEST_CLIENT_IDS =
            "3MVG9demo.Consumer_Key,alexa-client,c,3MVG9demoConsumerKey.example_ABCdef123";

    private final WireMockServer server;

    WireMockSalesforce() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    String loginUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The function's environment pointing at this stand-in. */
    Map<String, String> environment(String... extra) {
        return environmentFor(loginUrl(), extra);
    }

    /** A function environment for the Salesforce at {@code loginUrl}, with the test client ids allowed. */
    static Map<String, String> environmentFor(String loginUrl, String... extra) {
        Map<String, String> env = new HashMap<>();
        env.put("SALESFORCE_LOGIN_URL", loginUrl);
        env.put("ALLOWED_CLIENT_IDS", TEST_CLIENT_IDS);
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    TokenHandler handler(String... extraEnvironment) {
        return new TokenHandler(environment(extraEnvironment));
    }

    /** A Salesforce success body, signed with {@code clientSecret} when it is not null. */
    static JsonObject grant(String clientSecret, boolean withRefreshToken) {
        JsonObject body = new JsonObject();
        body.addProperty("access_token", ACCESS_TOKEN);
        if (withRefreshToken) {
            body.addProperty("refresh_token", "5Aep861SFrefreshToken.rotated");
        }
        if (clientSecret != null) {
            body.addProperty("signature", SignatureVerifier.sign(ID, ISSUED_AT, clientSecret));
        }
        body.addProperty("scope", "refresh_token api");
        body.addProperty("instance_url", INSTANCE_URL);
        body.addProperty("id", ID);
        body.addProperty("token_type", "Bearer");
        body.addProperty("issued_at", ISSUED_AT);
        return body;
    }

    /**
     * What Salesforce answers when the External Client App issues JWT-based access tokens: a signed JWT (RS256, about
     * 1,200 characters) as the access token, {@code token_format} and {@code api_instance_url}, and no
     * {@code instance_url} and no {@code signature}.
     */
    static JsonObject jwtGrant() {
        JsonObject header = new JsonObject();
        header.addProperty("tnk", "core/prod/00D5g00000ABCDEEA2");
        header.addProperty("ver", "1.0");
        header.addProperty("kid", "CORE_ATJWT.00D5g00000ABCDE.1765400000000");
        header.addProperty("typ", "JWT");
        header.addProperty("clv", "J2.1.1");
        header.addProperty("alg", "RS256");
        JsonObject payload = new JsonObject();
        payload.addProperty("aud", "https://acme.my.salesforce.com");
        payload.addProperty("nbf", 1796153400L);
        payload.addProperty("mty", "oauth");
        payload.addProperty("sfi", "7f8c1e0d2b3a49d6a5c4e3f2b1a09d8c7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b");
        payload.addProperty("roles", "[]");
        payload.addProperty("iss", "https://acme.my.salesforce.com");
        payload.addProperty("hsc", false);
        payload.addProperty("exp", 1796160600L);
        payload.addProperty("iat", 1796153400L);
        payload.addProperty("client_id", "3MVG9demo.Consumer_Key");
        payload.addProperty("scp", "refresh_token api");
        payload.addProperty("sub", "uid:0055g00000FGHIJAA3");
        payload.addProperty("jti", "2f1e0d9c-8b7a-4695-a4b3-c2d1e0f9a8b7");
        byte[] signature = new byte[256]; // an RSA-2048 signature's length
        new java.util.Random(42).nextBytes(signature);
        java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder().withoutPadding();
        String jwt = url.encodeToString(header.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + url.encodeToString(payload.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + url.encodeToString(signature);

        JsonObject body = new JsonObject();
        body.addProperty("access_token", jwt);
        body.addProperty("refresh_token", "5Aep861SFrefreshToken.rotated");
        body.addProperty("token_format", "jwt");
        body.addProperty("scope", "refresh_token api");
        body.addProperty("api_instance_url", "https://api.salesforce.com");
        body.addProperty("id", ID);
        body.addProperty("token_type", "Bearer");
        body.addProperty("issued_at", ISSUED_AT);
        return body;
    }

    void answers(ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(response));
    }

    /** A failure answer exactly as Salesforce sends it. */
    void answers(SalesforceErrorAnswer answer) {
        answers(aResponse().withStatus(answer.status()).withHeader("Content-Type", answer.contentType())
                .withBody(answer.body()));
    }

    void answersJson(int status, JsonObject body) {
        answers(aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body.toString()));
    }

    List<LoggedRequest> requests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    /** The single form Salesforce received, decoded. */
    Map<String, String> receivedForm() {
        List<LoggedRequest> requests = requests();
        if (requests.size() != 1) {
            throw new AssertionError("expected one request to Salesforce, got " + requests.size());
        }
        Map<String, String> form = new HashMap<>();
        for (String pair : requests.get(0).getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return form;
    }

    void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }
}
