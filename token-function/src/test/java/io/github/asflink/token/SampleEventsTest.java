package io.github.asflink.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample events in the repository's {@code events/} folder, the ones users try with {@code ./asl invoke} or
 * {@code sam local invoke}, run through the handler as Lambda runs them.
 */
class SampleEventsTest {

    /** The client secret the sample events carry (see events/token-*.json). */
    static final String SAMPLE_SECRET = "DEMO+SECRET/with=special&chars%";
    static final String SAMPLE_CODE = "aPrxdemoCode+/=&%25Example==";

    private static WireMockSalesforce salesforce;

    @BeforeAll
    static void start() {
        salesforce = new WireMockSalesforce();
    }

    @AfterAll
    static void stop() {
        salesforce.close();
    }

    @AfterEach
    void reset() {
        salesforce.reset();
    }

    private static String sample(String name) throws IOException {
        InputStream in = SampleEventsTest.class.getResourceAsStream("/events/" + name);
        // sam build copies token-function/ alone, without ../events: nothing to check there.
        assumeTrue(in != null, "events/ folder not present in this build");
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "token-auth-code-json-no-content-type.json, authorization_code, true",
        "token-auth-code-form-body-credentials.json, authorization_code, false",
        "token-auth-code-basic.json, authorization_code, true",
        "token-auth-code-form-base64.json, authorization_code, true",
        "token-refresh.json, refresh_token, true",
    })
    void sampleEventIsAnHttpApiEventThatTheHandlerExchanges(String file, String grantType, boolean base64)
            throws IOException {
        String json = sample(file);
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/" + file);
        assertEquals("POST", event.getRequestContext().getHttp().getMethod());
        assertEquals("/token", event.getRawPath());
        assertEquals(base64, event.getIsBase64Encoded());
        assertNotNull(event.getRequestContext().getRequestId());

        salesforce.answersJson(200, WireMockSalesforce.grant(SAMPLE_SECRET, grantType.equals("authorization_code")));
        Invocation answer = Invocation.of(salesforce.handler(), json);

        assertEquals(200, answer.status(), answer.rawBody());
        Map<String, String> sent = salesforce.receivedForm();
        assertEquals(grantType, sent.get("grant_type"));
        assertEquals("3MVG9demoConsumerKey.example_ABCdef123", sent.get("client_id"));
        assertEquals(SAMPLE_SECRET, sent.get("client_secret"));
        if (grantType.equals("authorization_code")) {
            assertEquals(SAMPLE_CODE, sent.get("code"));
            assertEquals("https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA", sent.get("redirect_uri"));
        }
        assertTrue(answer.string("access_token").endsWith(" " + WireMockSalesforce.INSTANCE_URL));
        assertNotNull(answer.string("refresh_token"));
    }

    @ParameterizedTest
    @CsvSource({"token-malformed.json, 400, invalid_request"})
    void malformedSampleGetsAnOAuthErrorWithoutCallingSalesforce(String file, int status, String error)
            throws IOException {
        Invocation answer = Invocation.of(salesforce.handler(), sample(file));
        assertEquals(status, answer.status());
        assertEquals(error, answer.error());
        assertEquals(0, salesforce.requests().size());
    }
}
