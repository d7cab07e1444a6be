package io.github.asflink.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.demoorg.ConnectedApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line: invoke's exit codes, --help, and demo --once. */
class LocalRunnerTest {
    /** A Salesforce access token or refresh token in full (masked ones are six characters and an ellipsis). */
    private static final Pattern UNMASKED_TOKEN =
            Pattern.compile("00D[0-9A-Za-z]{12}![A-Za-z0-9._]{10,}|5Aep861[A-Za-z0-9._]{10,}|aPrx[A-Za-z0-9+/=]{10,}");

    @TempDir
    Path dir;
    private Path template;
    private Path event;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void files() throws IOException {
        template = copy("/test-template.yaml", "template.yaml");
        event = dir.resolve("event.json");
        Files.writeString(event, "{\"version\":\"2.0\",\"rawPath\":\"/echo\"}");
    }

    private Path copy(String resource, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private int run(Map<String, String> env, String... args) {
        return LocalRunner.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void invokePrintsTheFunctionsResultAndExitsZero() {
        assertEquals(0, run("invoke", "EchoFunction", "--event", event.toString(), "--template", template.toString()),
                err.toString(StandardCharsets.UTF_8));
        JsonObject result = JsonParser.parseString(stdout()).getAsJsonObject();
        assertEquals(200, result.get("statusCode").getAsInt());
        JsonObject body = JsonParser.parseString(result.get("body").getAsString()).getAsJsonObject();
        assertEquals("{\"version\":\"2.0\",\"rawPath\":\"/echo\"}", body.get("event").getAsString());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("echo handler ran"), "the function's log on stderr");
    }

    @Test
    void invokeTakesTheProcessEnvironmentAndAnEnvVarsFile() throws IOException {
        Path envVars = dir.resolve("env.json");
        Files.writeString(envVars, "{\"EchoFunction\": {\"SHARED\": \"from-file\"}, "
                + "\"Parameters\": {\"TOKEN_EXPIRES_IN\": \"120\"}}");
        assertEquals(0, run(Map.of("SALESFORCE_LOGIN_URL", "https://test.salesforce.com", "SHARED", "from-process"),
                "invoke", "EchoFunction", "--event", event.toString(), "--template", template.toString(),
                "--env-vars", envVars.toString()));
        JsonObject result = JsonParser.parseString(stdout()).getAsJsonObject();
        JsonObject env = JsonParser.parseString(result.get("body").getAsString()).getAsJsonObject()
                .getAsJsonObject("environment");
        assertEquals("from-file", env.get("SHARED").getAsString());
        assertEquals("120", env.get("TOKEN_EXPIRES_IN").getAsString());
        assertEquals("https://test.salesforce.com", env.get("SALESFORCE_LOGIN_URL").getAsString());
    }

    @Test
    void invokeExitsOneWhenTheFunctionThrows() {
        assertEquals(1, run("invoke", "FailingFunction", "--event", event.toString(), "--template",
                template.toString()));
        JsonObject error = JsonParser.parseString(stdout()).getAsJsonObject();
        assertEquals("java.lang.IllegalStateException", error.get("errorType").getAsString());
    }

    @Test
    void invokeExitsOneWhenTheFunctionTimesOut() {
        long start = System.nanoTime();
        assertEquals(1, run("invoke", "SlowFunction", "--event", event.toString(), "--template", template.toString()));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 5_000, "cut off at the template's Timeout of 1 s, took " + ms + " ms");
        JsonObject error = JsonParser.parseString(stdout()).getAsJsonObject();
        assertEquals("Sandbox.Timedout", error.get("errorType").getAsString());
        assertTrue(error.get("errorMessage").getAsString().contains("Task timed out after 1.00 seconds"));
    }

    @Test
    void invokeExitsThreeWhenTheFunctionAnswers5xx() {
        assertEquals(3, run("invoke", "BadGatewayFunction", "--event", event.toString(), "--template",
                template.toString()));
        assertEquals(502, JsonParser.parseString(stdout()).getAsJsonObject().get("statusCode").getAsInt());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertEquals(2, run("invoke", "NoSuchFunction", "--event", event.toString(),
                "--template", template.toString()));
        assertEquals(2, run("invoke", "EchoFunction", "--template", template.toString()));
        assertEquals(2, run("invoke", "EchoFunction", "--event", dir.resolve("missing.json").toString(),
                "--template", template.toString()));
        assertEquals(2, run("invoke", "EchoFunction", "--event", event.toString(), "--template",
                dir.resolve("missing.yaml").toString()));
        Path badEnv = dir.resolve("bad.json");
        Files.writeString(badEnv, "[]");
        assertEquals(2, run("invoke", "EchoFunction", "--event", event.toString(), "--template", template.toString(),
                "--env-vars", badEnv.toString()));
        assertEquals(2, run("serve", "--port", "99999"));
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run());
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "invoke", "demo"})
    void everyCommandHasHelp(String command) {
        assertEquals(0, run(command, "--help"));
        assertTrue(stdout().startsWith("usage: " + command), stdout());
    }

    @Test
    void demoOnceWalksTheWholeFlowAndExitsZero() throws IOException {
        Path e2e = copy("/e2e-template.yaml", "e2e.yaml");
        assertEquals(0, run("demo", "--once", "--port", "0", "--template", e2e.toString()),
                stdout() + err.toString(StandardCharsets.UTF_8));
        assertDemoNarrative();
    }

    /** The same against the project's real template.yaml, when the module is built inside the project. */
    @Test
    void demoOnceWorksWithTheProjectTemplate() {
        Path real = Path.of("..", "template.yaml");
        assumeTrue(Files.isRegularFile(real), "no ../template.yaml");
        assertEquals(0, run("demo", "--once", "--port", "0", "--template", real.toString()),
                stdout() + err.toString(StandardCharsets.UTF_8));
        assertDemoNarrative();
        String narrative = stdout();
        for (String figure : List.of("What the stack's metric filters would publish", "TokenRequests {Outcome=granted}",
                "TokenRequestsByGrant {GrantType=authorization_code, Outcome=granted}",
                "SkillRequests {Outcome=ANSWERED}", "SkillIntentRequests {Intent=PipelineIntent, Outcome=ANSWERED}",
                "SkillRequests {Outcome=SESSION_INVALID}", "TokenUpstreamLatency")) {
            assertTrue(narrative.contains(figure), "demo figures lack '" + figure + "':\n" + narrative);
        }
    }

    private void assertDemoNarrative() {
        String narrative = stdout();
        for (String expected : List.of("Every step worked", "Alexa says: \"Hi Ada", "5 open opportunities",
                "Globex & Sons renewal", "4 open cases", "added a task", "[LinkAccount card]", "invalid_grant",
                "/token", "/skill", "ada@demo.example", "an AgendaIntent", "a DealStatusIntent", "a MoveStageIntent",
                "the user's \"yes\" (the intent CONFIRMED)", "demo org: Globex & Sons renewal's stage: \"",
                "a LogCallIntent", "demo org: logged calls with that note: ")) {
            assertTrue(narrative.contains(expected), "demo output lacks '" + expected + "':\n" + narrative);
        }
        assertFalse(narrative.contains("[FAILED]"), narrative);
        List<String> leaks = new ArrayList<>();
        for (String stream : List.of(narrative, err.toString(StandardCharsets.UTF_8))) {
            if (stream.contains(ConnectedApp.DEMO_CLIENT_SECRET)) {
                leaks.add("client secret");
            }
            UNMASKED_TOKEN.matcher(stream).results().forEach(m -> leaks.add(m.group()));
        }
        assertEquals(List.of(), leaks, "secrets printed in full");
    }

    // ---- secure settings: supplied against the demo org, required against a real org ---------------------------

    private Path noDefaults() throws IOException {
        return copy("/no-defaults-template.yaml", "no-defaults.yaml");
    }

    /** The environment an echo function reported on stdout. */
    private JsonObject echoedEnvironment() {
        JsonObject result = JsonParser.parseString(stdout()).getAsJsonObject();
        return JsonParser.parseString(result.get("body").getAsString()).getAsJsonObject()
                .getAsJsonObject("environment");
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void invokeAgainstARealOrgStopsWithoutAllowedClientIdsAndSaysWhereToSetIt() throws IOException {
        Path template = noDefaults();
        assertEquals(2, run("invoke", "TokenFunction", "--event", event.toString(), "--template", template.toString()));
        assertTrue(stderr().contains("ALLOWED_CLIENT_IDS is not set for TokenFunction"), stderr());
        assertTrue(stderr().contains("--env-vars") && stderr().contains("ALLOWED_CLIENT_IDS=<consumer key>"), stderr());
        assertEquals("", stdout(), "the function never ran");

        assertEquals(2, run("invoke", "SkillFunction", "--event", event.toString(), "--template", template.toString()));
        assertTrue(stderr().contains("SKILL_ID is not set for SkillFunction"), stderr());
    }

    @Test
    void invokeAgainstARealOrgTakesTheUsersSettings() throws IOException {
        Path template = noDefaults();
        assertEquals(0, run(Map.of("ALLOWED_CLIENT_IDS", "3MVG9mine"), "invoke", "TokenFunction", "--event",
                event.toString(), "--template", template.toString()), stderr());
        assertEquals("3MVG9mine", echoedEnvironment().get("ALLOWED_CLIENT_IDS").getAsString());

        out.reset();
        Path envVars = dir.resolve("env.json");
        Files.writeString(envVars, "{\"SkillFunction\": {\"SKILL_ID\": \"amzn1.ask.skill.0000-mine\"}}");
        assertEquals(0, run("invoke", "SkillFunction", "--event", event.toString(), "--template", template.toString(),
                "--env-vars", envVars.toString()), stderr());
        assertEquals("amzn1.ask.skill.0000-mine", echoedEnvironment().get("SKILL_ID").getAsString());
    }

    @Test
    void invokeAgainstTheDemoOrgSuppliesItsConsumerKeyAndTheDemoSkillId() throws IOException {
        Path template = noDefaults();
        assertEquals(0, run("invoke", "TokenFunction", "--demo-org", "--event", event.toString(), "--template",
                template.toString()), stderr());
        JsonObject token = echoedEnvironment();
        assertEquals(ConnectedApp.DEMO_CLIENT_ID, token.get("ALLOWED_CLIENT_IDS").getAsString());
        assertTrue(token.get("SALESFORCE_LOGIN_URL").getAsString().matches("http://127\\.0\\.0\\.1:\\d+"),
                token.toString());

        out.reset();
        assertEquals(0, run("invoke", "SkillFunction", "--demo-org", "--event", event.toString(), "--template",
                template.toString()), stderr());
        assertEquals(AlexaRequests.DEMO_SKILL_ID, echoedEnvironment().get("SKILL_ID").getAsString());

        out.reset();
        assertEquals(0, run(Map.of("SKILL_ID", "amzn1.ask.skill.0000-mine"), "invoke", "SkillFunction", "--demo-org",
                "--event", event.toString(), "--template", template.toString()), stderr());
        assertEquals("amzn1.ask.skill.0000-mine", echoedEnvironment().get("SKILL_ID").getAsString(),
                "what the user set wins over the default");
    }

    @Test
    void serveAgainstARealOrgStopsWithoutAllowedClientIds() throws IOException {
        assertEquals(2, run("serve", "--port", "0", "--template", noDefaults().toString()));
        assertTrue(stderr().contains("ALLOWED_CLIENT_IDS is not set"), stderr());
    }

    @Test
    void serveAgainstARealOrgTakesTheBrowserPagesConsumerKeyAndTheirSkillId() throws IOException {
        LocalFunctions functions = LocalFunctions.from(noDefaults(), null, Map.of(), java.time.Clock.systemUTC(),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        LocalFunctions serve = functions.withDefaults(SecureDefaults.serveRealOrg("3MVG9browser"));
        assertEquals("3MVG9browser", serve.environment("TokenFunction", Map.of()).get("ALLOWED_CLIENT_IDS"));
        assertEquals(AlexaRequests.DEMO_SKILL_ID, serve.environment("SkillFunction", Map.of()).get("SKILL_ID"));
        assertEquals("", functions.withDefaults(SecureDefaults.serveRealOrg(null))
                .environment("TokenFunction", Map.of()).get("ALLOWED_CLIENT_IDS"), "no consumer key to supply");
        LocalFunctions own = LocalFunctions.from(noDefaults(), null, Map.of("ALLOWED_CLIENT_IDS", "3MVG9own"),
                java.time.Clock.systemUTC(), new PrintStream(err, true, StandardCharsets.UTF_8))
                .withDefaults(SecureDefaults.serveRealOrg("3MVG9browser"));
        assertEquals("3MVG9own", own.environment("TokenFunction", Map.of()).get("ALLOWED_CLIENT_IDS"));
    }

    @Test
    void serveWithTheDemoOrgSuppliesTheSettingsAndServesUntilStopped() throws Exception {
        Path template = noDefaults();
        Thread serving = new Thread(() -> run("serve", "--demo-org", "--port", "0", "--template", template.toString()));
        serving.start();
        try {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!stdout().contains("SkillFunction SKILL_ID=") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String narrative = stdout();
            assertTrue(narrative.contains("against the embedded demo org at http://127.0.0.1:"), narrative);
            assertTrue(narrative.contains("TokenFunction ALLOWED_CLIENT_IDS=" + ConnectedApp.DEMO_CLIENT_ID),
                    narrative);
            assertTrue(narrative.contains("SkillFunction SKILL_ID=" + AlexaRequests.DEMO_SKILL_ID), narrative);
            java.util.regex.Matcher origin = Pattern.compile("Serving on (http://127\\.0\\.0\\.1:\\d+)")
                    .matcher(narrative);
            assertTrue(origin.find(), narrative);
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
            java.net.http.HttpResponse<String> link = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(origin.group(1) + "/link")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(302, link.statusCode(), "the browser pages link with the demo connected app");
            assertTrue(link.headers().firstValue("Location").orElse("")
                    .contains("client_id=" + ConnectedApp.DEMO_CLIENT_ID), link.headers().toString());
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertFalse(serving.isAlive(), "serve stops when interrupted");
    }
}
