package io.github.asflink.token;

import static io.github.asflink.token.HttpApiEventBuilder.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.asflink.linkedtoken.LinkedToken;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public entry point the benchmark uses: the real handler, its Salesforce exchange answered in memory. */
class OfflineHandlerTest {

    private static final String SECRET = "offline+secret/=";
    private static final Map<String, String> ENVIRONMENT = WireMockSalesforce.environmentFor(
            "https://login.salesforce.com");

    private static String codeRequest() {
        return HttpApiEventBuilder.post().formBody(form("grant_type", "authorization_code", "code", "aPrxOffline",
                "redirect_uri", "https://pitangui.amazon.com/api/skill/link/M", "client_id", "alexa-client",
                "client_secret", SECRET)).json();
    }

    @Test
    void runsTheRealExchangeAgainstTheAnswerGiven() {
        List<HttpRequest> sent = new ArrayList<>();
        RequestStreamHandler handler = OfflineHandler.create(ENVIRONMENT, request -> {
            sent.add(request);
            return Map.entry(200, WireMockSalesforce.grant(SECRET, true).toString());
        });

        Invocation answer = Invocation.of(handler, codeRequest());

        assertEquals(200, answer.status(), answer.rawBody());
        assertEquals(WireMockSalesforce.ACCESS_TOKEN + " " + WireMockSalesforce.INSTANCE_URL,
                answer.string("access_token"), "the linked token, as " + LinkedToken.class.getSimpleName() + " joins");
        assertEquals("granted", answer.logLine().get("outcome").getAsString());
        assertEquals(1, sent.size());
        HttpRequest request = sent.get(0);
        assertEquals("POST", request.method());
        assertEquals("https://login.salesforce.com/services/oauth2/token", request.uri().toString());
        assertEquals("application/x-www-form-urlencoded;charset=UTF-8",
                request.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(request.timeout().isPresent(), "bounded as on the network");
    }

    @Test
    void salesforceFailuresAreClassifiedAsTheyAreOnTheNetwork() {
        RequestStreamHandler handler = OfflineHandler.create(ENVIRONMENT, request -> Map.entry(503, "down"));

        Invocation answer = Invocation.of(handler, codeRequest());

        assertEquals(503, answer.status());
        assertEquals("temporarily_unavailable", answer.error());
        assertEquals("upstream_failure", answer.logLine().get("outcome").getAsString());
    }

    @Test
    void aBadEnvironmentFailsAsAtARealStart() {
        assertThrows(IllegalStateException.class, () -> OfflineHandler.create(Map.of(), request -> Map.entry(200, "")),
                "ALLOWED_CLIENT_IDS is required");
    }
}
