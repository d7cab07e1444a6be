package io.github.asflink.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.demoorg.ConnectedApp;
import io.github.asflink.local.demoorg.DemoOrg;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** serve + the demo org on free loopback ports, driven over real HTTP the way Alexa and a browser drive them. */
class EndToEndTest {
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static final PrintStream LOG_STREAM = new PrintStream(LOG, true, StandardCharsets.UTF_8);
    private static final String SKILL_ID = AlexaRequests.DEMO_SKILL_ID;

    private static DemoOrg org;
    private static LocalServer server;
    private static Flow flow;

    @BeforeAll
    static void start() throws IOException {
        org = DemoOrg.start(0, Clock.systemUTC(), LOG_STREAM);
        String template;
        try (InputStream in = EndToEndTest.class.getResourceAsStream("/e2e-template.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        LocalFunctions functions = new LocalFunctions(SamTemplate.parse(template), EnvVarsFile.EMPTY, Map.of(),
                Clock.systemUTC(), LOG_STREAM);
        server = LocalRunner.startServer(functions, 0, Demo.tokenSettings(org.origin()),
                Demo.skillSettings(org.origin()), LocalRunner.demoBrowserSettings(org.origin()), LOG_STREAM);
        flow = new Flow(org.origin(), server.origin());
    }

    @AfterAll
    static void stop() {
        server.close();
        org.close();
    }

    @Test
    void linksTheWayAlexaDoesAndTheSkillAnswersWithTheLinkedToken() throws Exception {
        String location = flow.logIn(flow.authorizeUrl(Flow.REDIRECT_URI, "state-123"), "ada@demo.example", "demo");
        assertTrue(location.startsWith(Flow.REDIRECT_URI + "?"), location);
        Map<String, String> redirect = Http.parseForm(URI.create(location).getRawQuery());
        assertEquals("state-123", redirect.get("state"));

        HttpResponse<String> answer = flow.token(Map.of("grant_type", "authorization_code",
                "code", redirect.get("code"), "redirect_uri", Flow.REDIRECT_URI), true);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
        JsonObject linked = JsonParser.parseString(answer.body()).getAsJsonObject();
        String token = linked.get("access_token").getAsString();
        assertTrue(token.matches("00D[0-9A-Za-z]{12}![A-Za-z0-9._]{90,} " + org.origin()), "linked token shape");
        assertEquals(5400, linked.get("expires_in").getAsInt());
        assertTrue(linked.get("refresh_token").getAsString().startsWith("5Aep861"));

        String launch = Flow.ssml(flow.skill(AlexaRequests.launch(SKILL_ID, token)));
        assertTrue(launch.contains("Ada"), launch);
        String pipeline = Flow.ssml(flow.skill(AlexaRequests.intent(SKILL_ID, token, "PipelineIntent", Map.of(),
                "NONE")));
        assertTrue(pipeline.contains("5 open opportunities"), pipeline);
        assertTrue(pipeline.contains("Globex &amp; Sons renewal"), "escaped for SSML: " + pipeline);
        String cases = Flow.ssml(flow.skill(AlexaRequests.intent(SKILL_ID, token, "OpenCasesIntent", Map.of(),
                "NONE")));
        assertTrue(cases.contains("4 open cases"), cases);
        assertTrue(cases.contains("R&amp;D") && cases.contains("&lt;null&gt;"), "escaped for SSML: " + cases);

        String due = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        String reminder = Flow.ssml(flow.skill(AlexaRequests.intent(SKILL_ID, token, "CreateReminderIntent",
                Map.of("subject", "send the Q4 <draft> to Acme", "date", due), "CONFIRMED")));
        assertTrue(reminder.contains("added a task"), reminder);
        String salesforceToken = token.substring(0, token.indexOf(' '));
        HttpResponse<String> tasks = flow.send(HttpRequest.newBuilder(URI.create(org.origin()
                        + "/services/data/v67.0/query?q=" + Http.encode(
                        "SELECT Id, Subject, ActivityDate, Status, OwnerId FROM Task"
                                + " WHERE Subject = 'send the Q4 <draft> to Acme'")))
                .header("Authorization", "Bearer " + salesforceToken));
        JsonObject result = JsonParser.parseString(tasks.body()).getAsJsonObject();
        assertEquals(1, result.get("totalSize").getAsInt(), tasks.body());
        JsonObject task = result.getAsJsonArray("records").get(0).getAsJsonObject();
        assertEquals(due, task.get("ActivityDate").getAsString());
        assertEquals("Not Started", task.get("Status").getAsString());
        assertEquals(org.data().users().get(0).id(), task.get("OwnerId").getAsString());
        assertEquals("Task", task.getAsJsonObject("attributes").get("type").getAsString());
    }

    @Test
    void refreshKeepsTheRefreshTokenAndTheNewTokenWorks() throws Exception {
        JsonObject linked = flow.exchange(flow.code());
        String refreshToken = linked.get("refresh_token").getAsString();
        HttpResponse<String> answer = flow.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                false);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject refreshed = JsonParser.parseString(answer.body()).getAsJsonObject();
        assertEquals(refreshToken, refreshed.get("refresh_token").getAsString(),
                "Salesforce sends no refresh token on refresh; the token function carries the old one on");
        assertNotEquals(linked.get("access_token").getAsString(), refreshed.get("access_token").getAsString());
        String launch = Flow.ssml(flow.skill(AlexaRequests.launch(SKILL_ID,
                refreshed.get("access_token").getAsString())));
        assertTrue(launch.contains("Ada"), launch);
    }

    @Test
    void aReusedCodeIsInvalidGrantNotATransientError() throws Exception {
        String code = flow.code();
        flow.exchange(code);
        HttpResponse<String> again = flow.token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", Flow.REDIRECT_URI), true);
        assertEquals(400, again.statusCode(), again.body());
        assertEquals("invalid_grant",
                JsonParser.parseString(again.body()).getAsJsonObject().get("error").getAsString());
    }

    @Test
    void aWrongRedirectUriOrPasswordGetsNoCode() throws Exception {
        HttpResponse<String> wrongRedirect = flow.get(flow.authorizeUrl("https://evil.example/cb", "s"));
        assertEquals(400, wrongRedirect.statusCode());
        assertTrue(wrongRedirect.body().contains("redirect_uri_mismatch"));

        String url = flow.authorizeUrl(Flow.REDIRECT_URI, "s");
        flow.get(url);
        HttpResponse<String> wrongPassword = flow.postForm(org.origin() + "/services/oauth2/authorize", Map.of(
                "response_type", "code", "client_id", ConnectedApp.DEMO_CLIENT_ID, "redirect_uri", Flow.REDIRECT_URI,
                "username", "ada@demo.example", "pw", "wrong"));
        assertEquals(200, wrongPassword.statusCode());
        assertTrue(wrongPassword.body().contains("check your username and password"));
        assertTrue(wrongPassword.headers().firstValue("Location").isEmpty());
    }

    /**
     * A dead link: the skill asks the user to link again (the re-link speech and a LinkAccount card) once it reads
     * userinfo's {@code 403 Bad_OAuth_Token} as a dead token; a skill build that reads any 403 from userinfo as a
     * refusal apologises instead, without a card. Either way it never answers with the user's data.
     */
    private static void assertDeadLinkAnswer(JsonObject response) {
        String ssml = Flow.ssml(response);
        String card = AlexaRequests.cardType(response);
        assertFalse(ssml.contains("Ada"), "no greeting with a dead token: " + ssml);
        assertEquals("LinkAccount", card, "a dead token is answered with a LinkAccount card: " + ssml);
        assertTrue(ssml.contains("link your Salesforce account again"), ssml);
    }

    private static HttpResponse<String> userinfo(String salesforceToken) throws Exception {
        return flow.send(HttpRequest.newBuilder(URI.create(org.origin() + "/services/oauth2/userinfo"))
                .header("Authorization", "Bearer " + salesforceToken));
    }

    @Test
    void aRevokedTokenGetsTheDeadTokenAnswersAndTheSkillNeverAnswersWithData() throws Exception {
        String token = flow.exchange(flow.code()).get("access_token").getAsString();
        String salesforceToken = token.substring(0, token.indexOf(' '));
        HttpResponse<String> revoked = flow.postForm(org.origin() + "/services/oauth2/revoke",
                Map.of("token", salesforceToken));
        assertEquals(200, revoked.statusCode());
        HttpResponse<String> identity = userinfo(salesforceToken);
        assertEquals(403, identity.statusCode());
        assertEquals("Bad_OAuth_Token", identity.body());
        assertDeadLinkAnswer(flow.skill(AlexaRequests.launch(SKILL_ID, token)));
        JsonObject unlinked = flow.skill(AlexaRequests.launch(SKILL_ID, null));
        assertEquals("LinkAccount", AlexaRequests.cardType(unlinked));
    }

    @Test
    void anExpiredSessionIsADeadLinkUntilAlexaRefreshes() throws Exception {
        JsonObject linked = flow.exchange(flow.code());
        String token = linked.get("access_token").getAsString();
        assertTrue(org.expireAccessToken(token.substring(0, token.indexOf(' '))));
        assertDeadLinkAnswer(flow.skill(AlexaRequests.launch(SKILL_ID, token)));

        HttpResponse<String> refreshed = flow.token(Map.of("grant_type", "refresh_token",
                "refresh_token", linked.get("refresh_token").getAsString()), false);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        String renewed = JsonParser.parseString(refreshed.body()).getAsJsonObject().get("access_token").getAsString();
        String launch = Flow.ssml(flow.skill(AlexaRequests.launch(SKILL_ID, renewed)));
        assertTrue(launch.contains("Ada"), launch);
    }

    @Test
    void serveRefusesRequestsAddressedToAnotherHostButAnswersItsOwnNames() throws Exception {
        int port = server.port();
        for (String path : List.of("/", "/link", "/callback?state=x&code=y")) {
            String rebound = RawHttp.get(port, "rebound.attacker.example:" + port, path);
            assertTrue(rebound.startsWith("HTTP/1.1 421"), path + ": " + rebound);
            assertTrue(rebound.contains("Misdirected request"), rebound);
        }
        assertTrue(RawHttp.get(port, "localhost:" + port, "/").startsWith("HTTP/1.1 200"));
        for (String host : List.of("127.0.0.1:" + port, "[::1]:" + port)) {
            String answer = RawHttp.get(port, host, "/");
            assertTrue(answer.startsWith("HTTP/1.1 302"), host + ": " + answer);
            assertTrue(answer.contains("Location: http://localhost:" + port + "/"), "the page lives on localhost, "
                    + "where its callback is registered: " + answer);
        }
    }

    @Test
    void theFunctionGetsAnApiGatewayEventBase64ForFormsButNotForJson() throws Exception {
        JsonObject form = echo("application/x-www-form-urlencoded", "a=1&b=%2B");
        assertTrue(form.get("isBase64Encoded").getAsBoolean());
        assertEquals("a=1&b=%2B", new String(Base64.getDecoder().decode(form.get("body").getAsString()),
                StandardCharsets.UTF_8));
        assertEquals("POST /echo", form.get("routeKey").getAsString());
        assertEquals("2.0", form.get("version").getAsString());
        assertEquals("application/x-www-form-urlencoded", form.getAsJsonObject("headers").get("content-type")
                .getAsString());
        assertEquals("POST", form.getAsJsonObject("requestContext").getAsJsonObject("http").get("method")
                .getAsString());

        JsonObject json = echo("application/json", "{\"grant_type\":\"refresh_token\"}");
        assertFalse(json.get("isBase64Encoded").getAsBoolean());
        assertEquals("{\"grant_type\":\"refresh_token\"}", json.get("body").getAsString());

        HttpResponse<String> wrongMethod = flow.get(server.origin() + "/echo");
        assertEquals(404, wrongMethod.statusCode(), "no GET /echo route, as API Gateway answers");
        assertEquals("{\"message\":\"Not Found\"}", wrongMethod.body());
    }

    private static JsonObject echo(String contentType, String body) throws Exception {
        HttpResponse<String> answer = flow.send(HttpRequest.newBuilder(URI.create(server.origin() + "/echo"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, answer.statusCode(), answer.body());
        String event = JsonParser.parseString(answer.body()).getAsJsonObject().get("event").getAsString();
        return JsonParser.parseString(event).getAsJsonObject();
    }

    @Test
    void eachInvocationGetsAContextAndTheTemplatesEnvironment() throws Exception {
        HttpResponse<String> answer = flow.send(HttpRequest.newBuilder(URI.create(server.origin() + "/echo"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals("yes", answer.headers().firstValue("X-Echo").orElse(""), "the function's headers come back");
        JsonObject body = JsonParser.parseString(answer.body()).getAsJsonObject();
        assertEquals("EchoFunction", body.get("functionName").getAsString());
        assertEquals(1024, body.get("memory").getAsInt());
        int remaining = body.get("remainingMs").getAsInt();
        assertTrue(remaining > 9_000 && remaining <= 10_000, "remaining time from Timeout: " + remaining);
        assertEquals("from-template", body.getAsJsonObject("environment").get("SHARED").getAsString());
        JsonObject again = JsonParser.parseString(flow.send(HttpRequest.newBuilder(URI.create(server.origin()
                        + "/echo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).body()).getAsJsonObject();
        assertNotEquals(body.get("requestId").getAsString(), again.get("requestId").getAsString());
    }

    @Test
    void concurrentTokenRequestsRunInParallel() throws Exception {
        String refreshToken = flow.exchange(flow.code()).get("refresh_token").getAsString();
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "refresh_token", refreshToken);
        flow.token(refresh, false); // warm
        org.tokenDelay(Duration.ofMillis(200));
        try {
            long start = System.nanoTime();
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return flow.token(refresh, false).statusCode();
                    } catch (IOException | InterruptedException e) {
                        return -1;
                    }
                }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()));
            }
            for (CompletableFuture<Integer> call : calls) {
                assertEquals(200, call.join());
            }
            long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
            System.out.println("32 concurrent token requests, 200 ms upstream delay: " + elapsedMs + " ms");
            assertTrue(elapsedMs < 1_500, "32 requests with a 200 ms upstream took " + elapsedMs + " ms");
        } finally {
            org.tokenDelay(Duration.ZERO);
        }
    }

    @Test
    void theBrowserLinkFlowExchangesTheCodeThroughTokenAndShowsItMasked() throws Exception {
        HttpResponse<String> link = flow.get(server.origin() + "/link");
        assertEquals(302, link.statusCode());
        String authorize = link.headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.startsWith(org.origin() + "/services/oauth2/authorize?"), authorize);
        assertTrue(authorize.contains(Http.encode("http://localhost:" + server.port() + "/callback")));
        String cookie = link.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertTrue(link.headers().firstValue("Set-Cookie").orElseThrow().contains("HttpOnly"));

        String callback = flow.logIn(authorize, "grace@demo.example", "demo");
        assertTrue(callback.startsWith("http://localhost:" + server.port() + "/callback?"), callback);
        String local = callback.replace("http://localhost:", "http://127.0.0.1:");
        HttpResponse<String> foreign = flow.get(local);
        assertEquals(400, foreign.statusCode(), "without this browser's cookie the state is refused");
        assertTrue(foreign.body().contains("another browser session"), foreign.body());

        // A state issued to another browser (a /link without this cookie) and brought back with this cookie.
        String again = flow.logIn(flow.get(server.origin() + "/link").headers().firstValue("Location")
                .orElseThrow(), "grace@demo.example", "demo");
        HttpResponse<String> stranger = flow.send(HttpRequest.newBuilder(URI.create(again.replace(
                "http://localhost:", "http://127.0.0.1:"))).header("Cookie", cookie));
        assertEquals(400, stranger.statusCode(), "a state issued to another session is refused: " + stranger.body());

        HttpResponse<String> linkAgain = flow.send(HttpRequest.newBuilder(URI.create(server.origin() + "/link"))
                .header("Cookie", cookie));
        String mine = flow.logIn(linkAgain.headers().firstValue("Location").orElseThrow(), "grace@demo.example",
                "demo").replace("http://localhost:", "http://127.0.0.1:");
        HttpResponse<String> linked = flow.send(HttpRequest.newBuilder(URI.create(mine)).header("Cookie", cookie));
        assertEquals(303, linked.statusCode(), linked.body());
        assertEquals("/#link", linked.headers().firstValue("Location").orElse(""));

        String pageToken = pageToken(cookie);
        HttpResponse<String> state = flow.send(HttpRequest.newBuilder(URI.create(server.origin()
                + "/sim/api/state")).header("Cookie", cookie).header(BrowserLink.PAGE_HEADER, pageToken));
        assertEquals(200, state.statusCode(), state.body());
        assertTrue(state.body().contains("00D5g0…"), state.body());
        assertFalse(state.body().matches("(?s).*00D[0-9A-Za-z]{12}![A-Za-z0-9._]{20,}.*"), "token shown masked");

        HttpResponse<String> tried = flow.send(HttpRequest.newBuilder(URI.create(server.origin() + "/sim/api/talk"))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .header(BrowserLink.PAGE_HEADER, pageToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"utterance\":\"how is my pipeline\"}")));
        assertEquals(200, tried.statusCode());
        assertTrue(tried.body().contains("open opportunities"), tried.body());

        HttpResponse<String> replayed = flow.send(HttpRequest.newBuilder(URI.create(mine)).header("Cookie", cookie));
        assertEquals(400, replayed.statusCode(), "a state works once");
    }

    @Test
    void theSimulatorsJsonEndpointsAnswerOnlyThePageItself() throws Exception {
        HttpResponse<String> page = flow.get("http://localhost:" + server.port() + "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String pageToken = pageToken(cookie);
        String talk = "{\"launch\":true}";
        HttpResponse<String> noToken = flow.send(HttpRequest.newBuilder(URI.create(server.origin() + "/sim/api/talk"))
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString(talk)));
        assertEquals(403, noToken.statusCode(), "a cross-site form cannot send the page token");
        HttpResponse<String> crossSite = flow.send(HttpRequest.newBuilder(URI.create(server.origin()
                        + "/sim/api/talk")).header("Cookie", cookie).header(BrowserLink.PAGE_HEADER, pageToken)
                .header("Origin", "https://attacker.example").POST(HttpRequest.BodyPublishers.ofString(talk)));
        assertEquals(403, crossSite.statusCode(), "another origin is refused");
        HttpResponse<String> noCookie = flow.send(HttpRequest.newBuilder(URI.create(server.origin()
                        + "/sim/api/talk")).header(BrowserLink.PAGE_HEADER, pageToken)
                .POST(HttpRequest.BodyPublishers.ofString(talk)));
        assertEquals(403, noCookie.statusCode());
        HttpResponse<String> own = flow.send(HttpRequest.newBuilder(URI.create(server.origin() + "/sim/api/talk"))
                .header("Cookie", cookie).header(BrowserLink.PAGE_HEADER, pageToken)
                .header("Origin", "http://localhost:" + server.port()).POST(HttpRequest.BodyPublishers.ofString(talk)));
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(own.body().contains("please link your Salesforce account"), "not linked yet: " + own.body());
    }

    @Test
    void theDirectiveServiceStandInRecordsProgressiveResponsesForAKnownApiAccessTokenOnly() throws Exception {
        String directive = "{\"header\":{\"requestId\":\"amzn1.echo-api.request.1\"},\"directive\":{\"type\":"
                + "\"VoicePlayer.Speak\",\"speech\":\"<speak>Let me check Salesforce.</speak>\"}}";
        HttpResponse<String> unknown = flow.send(HttpRequest.newBuilder(URI.create(server.origin()
                        + "/v1/directives")).header("Authorization", "Bearer not-a-token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(directive)));
        assertEquals(401, unknown.statusCode());
        HttpResponse<String> none = flow.send(HttpRequest.newBuilder(URI.create(server.origin() + "/v1/directives"))
                .POST(HttpRequest.BodyPublishers.ofString(directive)));
        assertEquals(401, none.statusCode());
        assertFalse(LOG.toString(StandardCharsets.UTF_8).contains("not-a-token"), "no token logged");
    }

    @Test
    void revokingTheRefreshTokenMakesTheNextRefreshInvalidGrantAndThePageSaysWhy() throws Exception {
        HttpResponse<String> link = flow.get(server.origin() + "/link");
        String cookie = link.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String callback = flow.logIn(link.headers().firstValue("Location").orElseThrow(), "ada@demo.example", "demo")
                .replace("http://localhost:", "http://127.0.0.1:");
        assertEquals(303, flow.send(HttpRequest.newBuilder(URI.create(callback)).header("Cookie", cookie))
                .statusCode());
        String pageToken = pageToken(cookie);
        HttpResponse<String> broken = flow.send(HttpRequest.newBuilder(URI.create(server.origin()
                        + "/sim/api/break")).header("Cookie", cookie).header(BrowserLink.PAGE_HEADER, pageToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"revoke\"}")));
        assertEquals(200, broken.statusCode(), broken.body());
        JsonObject result = JsonParser.parseString(broken.body()).getAsJsonObject();
        JsonObject revoke = result.getAsJsonArray("steps").get(0).getAsJsonObject();
        assertEquals(200, revoke.get("status").getAsInt(), revoke.toString());
        JsonObject refresh = result.getAsJsonArray("steps").get(1).getAsJsonObject();
        assertEquals(400, refresh.get("status").getAsInt(), refresh.toString());
        assertTrue(refresh.get("responseBody").getAsString().contains("invalid_grant"), refresh.toString());
        assertTrue(refresh.get("why").getAsString().contains("refresh token"), refresh.toString());
        assertTrue(result.getAsJsonObject("turn").get("alexa").getAsString().contains("sign-in has expired"),
                "the revoked access token gets the re-link prompt: " + result);
        assertFalse(broken.body().contains(ConnectedApp.DEMO_CLIENT_SECRET));
        assertFalse(broken.body().matches("(?s).*5Aep861[A-Za-z0-9._]{20,}.*"), "refresh token masked");
    }

    private static String pageToken(String cookie) throws Exception {
        HttpResponse<String> page = flow.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
                + "/")).header("Cookie", cookie));
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"asl-page\" content=\"([^\"]+)\"")
                .matcher(page.body());
        assertTrue(token.find(), page.body());
        return token.group(1);
    }

    @Test
    void noSecretReachesTheLogs() throws Exception {
        String code = flow.code();
        JsonObject linked = flow.exchange(code);
        flow.token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", Flow.REDIRECT_URI), true);
        String token = linked.get("access_token").getAsString();
        flow.skill(AlexaRequests.launch(SKILL_ID, token));
        // The dead-token paths too: an expired session, then the refresh that follows it.
        org.expireAccessToken(token.substring(0, token.indexOf(' ')));
        flow.skill(AlexaRequests.launch(SKILL_ID, token));
        flow.skill(AlexaRequests.intent(SKILL_ID, token, "OpenCasesIntent", Map.of(), "NONE"));
        String renewed = JsonParser.parseString(flow.token(Map.of("grant_type", "refresh_token", "refresh_token",
                linked.get("refresh_token").getAsString()), false).body()).getAsJsonObject().get("access_token")
                .getAsString();
        String log = LOG.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains(renewed.substring(0, renewed.indexOf(' '))), "refreshed access token in the log");
        assertFalse(log.isEmpty(), "the functions log");
        assertFalse(log.contains(ConnectedApp.DEMO_CLIENT_SECRET), "client secret in the log");
        assertFalse(log.contains(code), "authorization code in the log");
        assertFalse(log.contains(token.substring(0, token.indexOf(' '))), "access token in the log");
        assertFalse(log.contains(linked.get("refresh_token").getAsString()), "refresh token in the log");
    }
}
