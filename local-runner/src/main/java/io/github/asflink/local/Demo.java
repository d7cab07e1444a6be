package io.github.asflink.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.demoorg.ConnectedApp;
import io.github.asflink.local.demoorg.DemoOrg;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code demo}: starts the demo org and serve, configured so the functions talk to the demo org, and walks the
 * account-linking flow as Alexa does, over real HTTP, printing each step. Secrets are printed masked.
 */
final class Demo {
    static final String ALEXA_REDIRECT_URI =
            "https://pitangui.amazon.com/api/skill/link/" + ConnectedApp.DEMO_VENDOR_ID;
    static final String DEMO_USER = "ada@demo.example";
    private static final Pattern HIDDEN_INPUT =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final DemoOrg org;
    private final LocalServer server;
    private final PrintStream out;
    private final ConnectedApp app = ConnectedApp.demo();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private int step;

    private Demo(DemoOrg org, LocalServer server, PrintStream out) {
        this.org = org;
        this.server = server;
        this.out = out;
    }

    /** What points the token function at the demo org: its login URL, its origin allowed as an instance URL. */
    static Map<String, String> tokenConnection(String orgOrigin) {
        return Map.of("SALESFORCE_LOGIN_URL", orgOrigin, "INSTANCE_URL_ALLOWLIST", "default," + orgOrigin);
    }

    /** What lets the skill call the demo org. */
    static Map<String, String> skillConnection(String orgOrigin) {
        return Map.of("INSTANCE_URL_ALLOWLIST", "default," + orgOrigin);
    }

    /** The demo's token settings: the demo org, and only the demo connected app. */
    static Map<String, String> tokenSettings(String orgOrigin) {
        Map<String, String> settings = new LinkedHashMap<>(tokenConnection(orgOrigin));
        settings.put(SecureDefaults.ALLOWED_CLIENT_IDS, ConnectedApp.DEMO_CLIENT_ID);
        return Map.copyOf(settings);
    }

    /** The demo's skill settings: the demo org, and the demo skill id checked. */
    static Map<String, String> skillSettings(String orgOrigin) {
        Map<String, String> settings = new LinkedHashMap<>(skillConnection(orgOrigin));
        settings.put(SecureDefaults.SKILL_ID, AlexaRequests.DEMO_SKILL_ID);
        return Map.copyOf(settings);
    }

    static boolean run(LocalFunctions functions, int port, boolean once, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        try (DemoOrg org = DemoOrg.start(0, Clock.systemUTC(), err);
             LocalServer server = startServer(functions, port, org, err)) {
            out.println("alexa-salesforce-link demo: account linking as Alexa does it, all on this machine");
            out.println("  demo org (a Salesforce stand-in)  " + org.origin());
            out.println("  local runner (serve)              " + server.origin() + "  POST /token, POST /skill");
            if (port != 0 && server.port() != port) {
                out.println("  (port " + port + " was taken; serving on " + server.port() + " instead)");
            }
            out.println();
            boolean ok = new Demo(org, server, out).walk();
            out.println();
            out.printf("%s in %d ms.%n", ok ? "Every step worked" : "A step FAILED; the log above (stderr) has details",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            out.println();
            out.println("What the stack's metric filters would publish for these requests (also GET /metrics):");
            functions.metrics().render().lines().forEach(line -> out.println("  " + line));
            out.println();
            out.println("Keep trying by hand:");
            out.println("  token endpoint   POST " + server.origin() + "/token   (client " + ConnectedApp.DEMO_CLIENT_ID
                    + ", the demo secret in ConnectedApp.java)");
            out.println("  skill endpoint   POST " + server.origin()
                    + "/skill   (Alexa request envelopes, events/skill-*.json)");
            out.println("  simulator page   http://localhost:" + server.port()
                    + "/  (\"Link account\", then log in as " + DEMO_USER + " / demo)");
            out.println("  demo org         " + org.origin() + "/services/oauth2/authorize  (client "
                    + ConnectedApp.DEMO_CLIENT_ID + "; users ada@, grace@, katherine@demo.example, password demo)");
            out.flush();
            if (once) {
                return ok;
            }
            out.println();
            out.println("Serving until Ctrl-C.");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
            return ok;
        }
    }

    private static LocalServer startServer(LocalFunctions functions, int port, DemoOrg org, PrintStream err)
            throws IOException {
        Map<String, String> token = tokenSettings(org.origin());
        Map<String, String> skill = skillSettings(org.origin());
        BrowserLink.Settings link = LocalRunner.demoBrowserSettings(org.origin());
        try {
            return LocalRunner.startServer(functions, port, token, skill, link, err);
        } catch (BindException e) {
            return LocalRunner.startServer(functions, 0, token, skill, link, err);
        }
    }

    // ---- the walk-through -------------------------------------------------------------------------------------

    private boolean walk() {
        try {
            String state = random();
            String loginPage = authorize(state);
            String code = logIn(loginPage, state);
            JsonObject linked = exchangeCode(code);
            String linkedToken = linked.get("access_token").getAsString();
            String refreshToken = linked.get("refresh_token").getAsString();
            codeReused(code);
            String refreshed = refresh(refreshToken,
                    "Later, Alexa refreshes the token (credentials in the body this time)");
            skill("a LaunchRequest", AlexaRequests.launch(AlexaRequests.DEMO_SKILL_ID, refreshed), null);
            skill("a PipelineIntent (\"how is my pipeline?\")", AlexaRequests.intent(AlexaRequests.DEMO_SKILL_ID,
                    refreshed, "PipelineIntent", Map.of(), "NONE"), null);
            skill("an OpenCasesIntent (\"what are my open cases?\")", AlexaRequests.intent(AlexaRequests.DEMO_SKILL_ID,
                    refreshed, "OpenCasesIntent", Map.of(), "NONE"), null);
            // Alexa resolves "tomorrow" on the user's device, in the user's time zone, not in UTC.
            String tomorrow = LocalDate.now(ZoneId.of(org.data().users().getFirst().zoneinfo())).plusDays(1).toString();
            skill("a CreateReminderIntent, confirmed (\"remind me to call Globex & Sons tomorrow\")",
                    AlexaRequests.intent(AlexaRequests.DEMO_SKILL_ID, refreshed, "CreateReminderIntent",
                            Map.of("subject", "call Globex & Sons", "date", tomorrow), "CONFIRMED"), null);
            skill("a LaunchRequest from a user who has not linked", AlexaRequests.launch(AlexaRequests.DEMO_SKILL_ID,
                    null), "LinkAccount");
            expireSessions();
            deadToken("a LaunchRequest with the expired token (userinfo answers 403 Bad_OAuth_Token)",
                    AlexaRequests.launch(AlexaRequests.DEMO_SKILL_ID, refreshed));
            String renewed = refresh(refreshToken, "Alexa refreshes again: the refresh token outlives the session");
            skill("a LaunchRequest with the new token", AlexaRequests.launch(AlexaRequests.DEMO_SKILL_ID, renewed),
                    null);
            revoke(renewed);
            deadToken("a LaunchRequest with the revoked token", AlexaRequests.launch(AlexaRequests.DEMO_SKILL_ID,
                    renewed));
            conversations(refresh(refreshToken, "Alexa refreshes once more: revoking an access token leaves the"
                    + " refresh token"));
            return true;
        } catch (StepFailed e) {
            out.println("   [FAILED] " + e.getMessage());
            return false;
        } catch (IOException e) {
            out.println("   [FAILED] " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("   [FAILED] interrupted");
            return false;
        }
    }

    private String authorize(String state) throws IOException, InterruptedException, StepFailed {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", app.clientId());
        query.put("redirect_uri", ALEXA_REDIRECT_URI);
        query.put("state", state);
        query.put("scope", "api refresh_token id");
        String url = org.origin() + "/services/oauth2/authorize?" + Http.formEncode(query);
        title("The Alexa app opens the Authorization URI (the org's login page)");
        out.println("   GET " + url.replace(Http.encode(state), Mask.secret(state)));
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url)).GET());
        check(page.statusCode() == 200 && page.body().contains("<form"), "expected a login page, got HTTP "
                + page.statusCode());
        ok("200, a login page");
        return page.body();
    }

    private String logIn(String loginPage, String state) throws IOException, InterruptedException, StepFailed {
        title("The user logs in as " + DEMO_USER);
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN_INPUT.matcher(loginPage);
        while (hidden.find()) {
            form.put(hidden.group(1), unescapeHtml(hidden.group(2)));
        }
        form.put("username", DEMO_USER);
        form.put("pw", "demo");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(org.origin()
                        + "/services/oauth2/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.formEncode(form))));
        String location = answer.headers().firstValue("Location").orElse("");
        check(answer.statusCode() == 302 && location.startsWith(ALEXA_REDIRECT_URI + "?"),
                "expected a redirect to " + ALEXA_REDIRECT_URI + ", got HTTP " + answer.statusCode());
        Map<String, String> params = Http.parseForm(URI.create(location).getRawQuery());
        check(state.equals(params.get("state")), "the redirect carries a different state");
        String code = params.get("code");
        check(code != null && !code.isEmpty(), "the redirect carries no code");
        ok("302 to " + ALEXA_REDIRECT_URI + " with code " + Mask.secret(code) + " and the same state");
        return code;
    }

    private JsonObject exchangeCode(String code) throws IOException, InterruptedException, StepFailed {
        title("Alexa calls the Access Token URI with the code (form body, HTTP Basic client credentials)");
        out.println("   POST " + server.origin() + "/token  grant_type=authorization_code&code=" + Mask.secret(code)
                + "&redirect_uri=" + ALEXA_REDIRECT_URI);
        JsonObject answer = token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", ALEXA_REDIRECT_URI), true, 200);
        check(answer.has("access_token") && answer.has("refresh_token") && answer.has("expires_in"),
                "the answer lacks access_token, refresh_token or expires_in");
        String linked = answer.get("access_token").getAsString();
        int space = linked.lastIndexOf(' ');
        check(space > 0 && linked.substring(space + 1).equals(org.origin()),
                "the linked token does not end with the demo org's instance URL");
        ok("200 access_token \"" + Mask.secret(linked) + " " + org.origin() + "\" (Salesforce token + instance URL), "
                + "token_type " + answer.get("token_type").getAsString() + ", expires_in "
                + answer.get("expires_in").getAsString() + ", refresh_token "
                + Mask.secret(answer.get("refresh_token").getAsString()));
        return answer;
    }

    private void codeReused(String code) throws IOException, InterruptedException, StepFailed {
        title("The same code again (a code works once)");
        JsonObject answer = token(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", ALEXA_REDIRECT_URI), true, 400);
        check("invalid_grant".equals(string(answer, "error")), "expected invalid_grant, got " + answer);
        ok("400 invalid_grant, passed through: Alexa knows the code is spent");
    }

    private String refresh(String refreshToken, String what) throws IOException, InterruptedException, StepFailed {
        title(what);
        out.println("   POST " + server.origin() + "/token  grant_type=refresh_token&refresh_token="
                + Mask.secret(refreshToken) + "&client_id=" + app.clientId() + "&client_secret=…");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", app.clientId());
        form.put("client_secret", app.clientSecret());
        JsonObject answer = token(form, false, 200);
        check(answer.has("access_token"), "the answer has no access_token");
        check(refreshToken.equals(string(answer, "refresh_token")),
                "the answer does not carry the refresh token on (Salesforce sends none on refresh)");
        String linked = answer.get("access_token").getAsString();
        ok("200 a new access_token " + Mask.secret(linked) + "; refresh_token " + Mask.secret(refreshToken)
                + " carried on (Salesforce sends none on refresh)");
        return linked;
    }

    private void skill(String what, JsonObject envelope, String expectedCard)
            throws IOException, InterruptedException, StepFailed {
        title("Alexa sends the skill " + what);
        String card = AlexaRequests.cardType(skillResponse(envelope));
        if (expectedCard != null) {
            check(expectedCard.equals(card), "expected a " + expectedCard + " card");
        } else {
            check(!"LinkAccount".equals(card), "the skill asked to link again");
        }
        ok(null);
    }

    /** Sends an envelope to {@code /skill} and prints what Alexa would say. */
    private JsonObject skillResponse(JsonObject envelope) throws IOException, InterruptedException, StepFailed {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(server.origin() + "/skill"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(envelope.toString())));
        check(answer.statusCode() == 200, "the skill answered HTTP " + answer.statusCode());
        JsonObject response;
        try {
            response = AlexaRequests.parse(answer.body());
        } catch (RuntimeException e) {
            throw new StepFailed("the skill's answer is not a JSON response envelope");
        }
        String speech = AlexaRequests.speech(response);
        String card = AlexaRequests.cardType(response);
        check(!speech.isEmpty(), "the skill said nothing");
        out.println("   Alexa says: \"" + speech + "\"" + (card.isEmpty() ? "" : "  [" + card + " card]"));
        return response;
    }

    /**
     * The agenda, a deal by name (two match, then "the renewal"), a confirmed stage move and a logged call, each turn
     * as Alexa sends it: a later turn carries the session attributes the skill's previous answer set. Each step checks
     * what the skill says and the dialog directive it sends, and what the demo org then holds.
     */
    private void conversations(String linkedToken) throws IOException, InterruptedException, StepFailed {
        String skillId = AlexaRequests.DEMO_SKILL_ID;
        conversationTurn("an AgendaIntent (\"what's on my agenda today?\")",
                AlexaRequests.intent(skillId, linkedToken, "AgendaIntent", Map.of(), "NONE"),
                "Pipeline review", "");

        JsonObject which = conversationTurn("a DealStatusIntent (\"how is the Globex deal?\"): two deals match",
                AlexaRequests.intent(skillId, linkedToken, "DealStatusIntent", Map.of("deal", "the Globex deal"),
                        "NONE"), "Which one?", "Dialog.ElicitSlot");
        conversationTurn("the answer to \"which one?\" (\"the renewal\"), with the session attributes",
                followUp(AlexaRequests.intent(skillId, linkedToken, "DealStatusIntent",
                        Map.of("deal", "the renewal"), "NONE"), which), "Proposal/Price Quote", "");

        Map<String, String> move = Map.of("deal", "the Globex renewal", "stage", "negotiation");
        JsonObject confirm = conversationTurn("a MoveStageIntent (\"move the Globex renewal to negotiation\")",
                AlexaRequests.intent(skillId, linkedToken, "MoveStageIntent", move, "NONE"),
                "from Proposal/Price Quote to Negotiation/Review?", "Dialog.ConfirmIntent");
        conversationTurn("the user's \"yes\" (the intent CONFIRMED)",
                followUp(AlexaRequests.intent(skillId, linkedToken, "MoveStageIntent", move, "CONFIRMED"), confirm),
                "Done.", "");
        demoOrgHolds(linkedToken, "SELECT StageName FROM Opportunity WHERE Name = 'Globex & Sons renewal'",
                "StageName", "Globex & Sons renewal's stage", "\"Negotiation/Review\"");
        conversationTurn("a DealStatusIntent (\"how is the Globex renewal?\")",
                AlexaRequests.intent(skillId, linkedToken, "DealStatusIntent", Map.of("deal", "Globex renewal"),
                        "NONE"), "is in Negotiation/Review", "");

        Map<String, String> call = Map.of("target", "Hank Scorpio", "notes", "they want the quote by Friday");
        JsonObject confirmCall = conversationTurn("a LogCallIntent (\"log a call with Hank Scorpio\": \""
                + call.get("notes") + "\")", AlexaRequests.intent(skillId, linkedToken, "LogCallIntent", call,
                "NONE"), "Log a call with Hank Scorpio", "Dialog.ConfirmIntent");
        conversationTurn("the user's \"yes\"", followUp(AlexaRequests.intent(skillId, linkedToken, "LogCallIntent",
                call, "CONFIRMED"), confirmCall), "Logged your call", "");
        demoOrgHolds(linkedToken, "SELECT COUNT(Id) calls FROM Task WHERE Subject = 'Call: they want the quote by"
                + " Friday'", "calls", "logged calls with that note", "1");
    }

    /**
     * One turn of a conversation: prints what the skill says and the directives it sends (ElicitSlot, ...), and
     * checks the speech holds {@code expectedSpeech} and the directives are exactly {@code expectedDirectives}.
     */
    private JsonObject conversationTurn(String what, JsonObject envelope, String expectedSpeech,
                                        String expectedDirectives)
            throws IOException, InterruptedException, StepFailed {
        title("Alexa sends the skill " + what);
        JsonObject response = skillResponse(envelope);
        String directives = AlexaRequests.directives(response);
        check(!"LinkAccount".equals(AlexaRequests.cardType(response)), "the skill asked to link again");
        check(AlexaRequests.speech(response).contains(expectedSpeech),
                "expected the skill to say \"" + expectedSpeech + "\"");
        check(directives.equals(expectedDirectives), "expected directives [" + expectedDirectives + "], got ["
                + directives + "]");
        ok(directives.isEmpty() ? null : "directives: " + directives);
        return response;
    }

    /**
     * A later turn of the same session, as Alexa sends it: not new, the dialog in progress, and the session
     * attributes of the skill's previous answer.
     */
    private static JsonObject followUp(JsonObject envelope, JsonObject previousResponse) {
        JsonObject session = envelope.getAsJsonObject("session");
        session.addProperty("new", false);
        JsonElement attributes = previousResponse.get("sessionAttributes");
        session.add("attributes", attributes != null && attributes.isJsonObject() ? attributes.deepCopy()
                : new JsonObject());
        envelope.getAsJsonObject("request").addProperty("dialogState", "IN_PROGRESS");
        return envelope;
    }

    /** Prints one value the demo org now holds, read with the linked user's own token (as the skill reads it). */
    private void demoOrgHolds(String linkedToken, String soql, String field, String what, String expected)
            throws IOException, InterruptedException, StepFailed {
        String salesforceToken = linkedToken.substring(0, linkedToken.lastIndexOf(' '));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(org.origin()
                        + "/services/data/v67.0/query?q=" + Http.encode(soql).replace("+", "%20")))
                .header("Authorization", "Bearer " + salesforceToken));
        check(answer.statusCode() == 200, "the demo org answered the query with HTTP " + answer.statusCode());
        JsonObject record = JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonArray("records").get(0)
                .getAsJsonObject();
        out.println("   demo org: " + what + ": " + record.get(field));
        out.flush();
        check(expected.equals(String.valueOf(record.get(field))), "expected " + what + " " + expected);
    }

    private void expireSessions() {
        title("The org's session timeout ends the Salesforce session before Alexa refreshes (expires_in is a guess)");
        int ended = org.expireAccessTokens();
        ok(ended + " access token" + (ended == 1 ? "" : "s") + " expired; the refresh token still works");
    }

    /**
     * A request with a dead token: userinfo answers {@code 403 Bad_OAuth_Token} (the data API {@code 401
     * INVALID_SESSION_ID}), and the skill asks the user to link again, with a LinkAccount card.
     */
    private void deadToken(String what, JsonObject envelope) throws IOException, InterruptedException, StepFailed {
        title("Alexa sends the skill " + what + "; the skill asks to link again");
        JsonObject response = skillResponse(envelope);
        String card = AlexaRequests.cardType(response);
        check("LinkAccount".equals(card), "expected a LinkAccount card, got " + (card.isEmpty() ? "none" : card));
        ok("the re-link speech and a LinkAccount card");
    }

    private void revoke(String linkedToken) throws IOException, InterruptedException, StepFailed {
        String salesforceToken = linkedToken.substring(0, linkedToken.lastIndexOf(' '));
        title("The user revokes the app's access in Salesforce");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(org.origin() + "/services/oauth2/revoke"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + Http.encode(salesforceToken))));
        check(answer.statusCode() == 200, "revoke answered HTTP " + answer.statusCode());
        ok("200, the access token " + Mask.secret(salesforceToken) + " is dead");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private JsonObject token(Map<String, String> form, boolean basic, int expectedStatus)
            throws IOException, InterruptedException, StepFailed {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.origin() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Http.formEncode(new LinkedHashMap<>(form))));
        if (basic) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (Http.encode(app.clientId()) + ":" + Http.encode(app.clientSecret()))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> answer = send(request);
        JsonObject body;
        try {
            body = JsonParser.parseString(answer.body()).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new StepFailed("/token answered HTTP " + answer.statusCode() + " without a JSON object");
        }
        check(answer.statusCode() == expectedStatus, "/token answered HTTP " + answer.statusCode() + " "
                + string(body, "error") + " (expected " + expectedStatus + ")");
        return body;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void title(String text) {
        out.println(++step + ". " + text);
        out.flush();
    }

    private void ok(String detail) {
        out.println("   [ok]" + (detail == null ? "" : " " + detail));
        out.flush();
    }

    private static void check(boolean condition, String failure) throws StepFailed {
        if (!condition) {
            throw new StepFailed(failure);
        }
    }

    private static String string(JsonObject object, String name) {
        return object.has(name) && object.get(name).isJsonPrimitive() ? object.get(name).getAsString() : "";
    }

    private static String random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String unescapeHtml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static final class StepFailed extends Exception {
        StepFailed(String message) {
            super(message);
        }
    }
}
