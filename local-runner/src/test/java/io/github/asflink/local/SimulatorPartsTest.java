package io.github.asflink.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.github.asflink.local.simulator.AlexaDevice;
import io.github.asflink.local.simulator.DialogPlayer;
import io.github.asflink.local.simulator.Diagnosis;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's pieces on their own: the directive service stand-in, a turn's view, the diagnoses. */
class SimulatorPartsTest {
    private static final String DIRECTIVE = "{\"header\":{\"requestId\":\"amzn1.echo-api.request.7\"},\"directive\":"
            + "{\"type\":\"VoicePlayer.Speak\",\"speech\":\"<speak>Let me check Salesforce.</speak>\"}}";

    @Test
    void theDirectiveServiceRecordsForTheSessionWhoseApiAccessTokenItIsAndAnswers204() throws Exception {
        SimulatorSessions sessions = new SimulatorSessions();
        SimulatorSession session = sessions.create();
        SimulatorSession other = sessions.create();
        DirectiveService service = new DirectiveService(sessions::byApiAccessToken, Clock.systemUTC());
        HttpServer server = Http.loopbackServer(0);
        server.createContext(DirectiveService.PATH, service::handle);
        server.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create(Http.origin(server) + DirectiveService.PATH);
            HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + session.apiAccessToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(DIRECTIVE)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, ok.statusCode());
            List<JsonObject> recorded = session.directivesFor("amzn1.echo-api.request.7");
            assertEquals(1, recorded.size());
            assertEquals("VoicePlayer.Speak", recorded.get(0).get("type").getAsString());
            assertTrue(other.directivesFor("amzn1.echo-api.request.7").isEmpty(), "only the token's own session");

            HttpResponse<String> broken = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + session.apiAccessToken)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"directive\":{}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, broken.statusCode());
            assertFalse(broken.body().contains(session.apiAccessToken));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTurnShowsTheAplListTheProgressiveResponseAndMasksTheTokens() {
        SimulatorSession session = new SimulatorSessions().create();
        AlexaDevice device = new AlexaDevice("amzn1.ask.skill.x",
                "00DsecretAccessToken1234 https://acme.my.salesforce.com", true, "http://127.0.0.1:3000",
                session.apiAccessToken);
        JsonObject request = AlexaDevice.request("IntentRequest");
        request.addProperty("requestId", "amzn1.echo-api.request.7");
        JsonObject intent = new JsonObject();
        intent.addProperty("name", "DealStatusIntent");
        intent.addProperty("confirmationStatus", "NONE");
        request.add("intent", intent);
        JsonObject envelope = device.envelope(request, "amzn1.echo-api.session.1", true, new JsonObject());
        JsonObject response = JsonParser.parseString("""
                {"version":"1.0","response":{"outputSpeech":{"type":"SSML","ssml":"<speak>I found 2 deals.</speak>"},
                 "directives":[{"type":"Alexa.Presentation.APL.RenderDocument","token":"salesforce-list",
                  "document":{"type":"APL"},"datasources":{"list":{"title":"Deals matching globex","rows":[
                   {"primary":"Globex & Sons renewal","secondary":"Proposal/Price Quote","value":"$48,000.50"},
                   {"primary":"Globex & Sons services","secondary":"Qualification","value":"$18,000"}]}}},
                  {"type":"Dialog.ElicitSlot","slotToElicit":"deal"}]}}""").getAsJsonObject();
        session.directive(JsonParser.parseString("{\"requestId\":\"amzn1.echo-api.request.7\",\"type\":"
                + "\"VoicePlayer.Speak\",\"speech\":\"<speak>Let me check Salesforce.</speak>\"}").getAsJsonObject());
        DialogPlayer.Turn turn = new DialogPlayer.Turn("DealStatusIntent {deal=globex}",
                List.of(new DialogPlayer.Call(envelope, 200, response, 42)), Optional.empty(), true,
                "a value for deal");

        JsonObject view = TurnView.render("how is the globex deal", turn, session);
        assertEquals("I found 2 deals.", view.get("alexa").getAsString());
        JsonObject call = view.getAsJsonArray("calls").get(0).getAsJsonObject();
        JsonObject screen = call.getAsJsonArray("directives").get(0).getAsJsonObject().getAsJsonObject("screen");
        assertEquals("Deals matching globex", screen.get("title").getAsString());
        assertEquals("Globex & Sons services", screen.getAsJsonArray("rows").get(1).getAsJsonObject().get("primary")
                .getAsString());
        assertEquals("slot deal", call.getAsJsonArray("directives").get(1).getAsJsonObject().get("detail")
                .getAsString());
        assertEquals("Let me check Salesforce.", call.getAsJsonArray("progressive").get(0).getAsJsonObject()
                .get("speech").getAsString());
        String shown = call.get("request").getAsString();
        assertFalse(shown.contains("00DsecretAccessToken1234"), shown);
        assertTrue(shown.contains("00Dsec… https://acme.my.salesforce.com"), shown);
        assertFalse(shown.contains(session.apiAccessToken), "apiAccessToken masked: " + shown);
        assertTrue(shown.contains("Alexa.Presentation.APL"), "the screen device is in the request");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "redirect_uri_mismatch|false|authorization_code|Callback URL",
        "invalid_code_verifier|false|authorization_code|Turn on PKCE",
        "invalid_code_verifier|true|authorization_code|Link again",
        "expired_refresh|false|refresh_token|link again",
        "unknown_client|false|authorization_code|Consumer Key",
        "client_not_allowed|false|authorization_code|AllowedClientIds",
        "timed_out|false|refresh_token|UpstreamTimeoutMs"})
    void explainsTheRealErrorAnswers(String answer, boolean pkce, String grant, String advice) {
        JsonObject body = JsonParser.parseString(switch (answer) {
            case "redirect_uri_mismatch" -> SalesforceErrors.redirectUriMismatch().body();
            case "invalid_code_verifier" -> SalesforceErrors.missingCodeVerifier().body();
            case "expired_refresh" -> SalesforceErrors.expiredGrant().body();
            case "unknown_client" -> SalesforceErrors.unknownClient().body();
            case "client_not_allowed" -> "{\"error\":\"invalid_client\",\"error_description\":\"client is not "
                    + "allowed to use this endpoint\"}";
            default -> "{\"error\":\"temporarily_unavailable\",\"error_description\":\"Salesforce did not answer "
                    + "in time\"}";
        }).getAsJsonObject();
        int status = answer.equals("timed_out") ? 504 : answer.equals("client_not_allowed") ? 401 : 400;
        Diagnosis diagnosis = Diagnosis.tokenAnswer(status, body.get("error").getAsString(),
                body.get("error_description").getAsString(), pkce, grant).orElseThrow();
        assertTrue(diagnosis.fix().contains(advice), diagnosis.toString());
    }

    @Test
    void explainsTheSkillsAnswers() {
        assertTrue(Diagnosis.skillAnswer(200, "Your Salesforce sign-in has expired. Please link your Salesforce "
                + "account again", "LinkAccount").orElseThrow().fix().contains("TokenExpiresIn"));
        assertTrue(Diagnosis.skillAnswer(200, "Sorry, I couldn't get an answer from Salesforce just now.", "")
                .orElseThrow().why().contains("SalesforceTimeoutMs"));
        assertEquals(Optional.empty(), Diagnosis.skillAnswer(200, "You have 3 open opportunities", ""));
        assertTrue(Diagnosis.tokenAnswer(200, null, null, false, "refresh_token").isEmpty());
    }

    @Test
    void demoEnvelopesCanBePointedAtTheRunnersDirectiveService() {
        JsonObject envelope = AlexaRequests.withDirectiveService(AlexaRequests.launch("amzn1.ask.skill.x", "t"),
                "http://127.0.0.1:3000", "api-token");
        JsonObject system = envelope.getAsJsonObject("context").getAsJsonObject("System");
        assertEquals("http://127.0.0.1:3000", system.get("apiEndpoint").getAsString());
        assertEquals("api-token", system.get("apiAccessToken").getAsString());
    }

    @Test
    void aRealOrgIsNeverAskedForTheDemoOrgsSwitches() {
        OrgSwitches real = new OrgSwitches(HttpClient.newHttpClient(), "https://login.salesforce.com", "id", "secret");
        assertFalse(real.demoControls());
        assertTrue(real.control(java.util.Map.of("action", "down")).isEmpty());
    }
}
