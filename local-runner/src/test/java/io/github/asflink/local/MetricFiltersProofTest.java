package io.github.asflink.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.asflink.local.demoorg.ConnectedApp;
import io.github.asflink.local.demoorg.DemoOrg;
import io.github.asflink.local.logmetrics.LambdaLogRecord;
import io.github.asflink.local.logmetrics.LogTransformer;
import io.github.asflink.local.logmetrics.MetricFilter;
import io.github.asflink.local.logmetrics.SessionMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the metric filters of {@code template.yaml} against the lines the functions really write: both functions run
 * in-process behind serve, against the demo org (and a closed loopback port), through every outcome this can reach.
 * Each line is wrapped as Lambda's JSON log format stores it, run through the template's transformer, and through
 * every filter; each filter must select exactly the lines the scenario says, with the dimension values and numbers
 * the scenario expects. Expectations come from the scenarios, not from the lines, so a renamed field fails here.
 */
class MetricFiltersProofTest {
    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static final String TOKEN = LocalFunctions.TOKEN_FUNCTION;
    private static final String SKILL = LocalFunctions.SKILL_FUNCTION;
    private static final String SKILL_ID = AlexaRequests.DEMO_SKILL_ID;
    private static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token");

    /** One scenario's line and what it should count as. Null fields: the scenario has none of it. */
    record Captured(String scenario, String function, String line, String level, String requestId,
                    String outcome, String grantType, boolean upstreamCall, boolean invalidClient, String intent,
                    boolean calledSalesforce) {
    }

    private record Raw(String function, String line, String level, String requestId) {
    }

    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static final List<Raw> RAW = new CopyOnWriteArrayList<>();
    private static final List<Captured> CAPTURED = new ArrayList<>();
    private static SamTemplate template;
    private static DemoOrg org;
    private static LocalServer server;
    private static SessionMetrics metrics;
    private static Flow flow;

    @BeforeAll
    static void captureEveryOutcome() throws Exception {
        assertTrue(Files.isRegularFile(TEMPLATE), "the proof reads the real template at " + TEMPLATE.toAbsolutePath());
        PrintStream log = new PrintStream(LOG, true, StandardCharsets.UTF_8);
        template = SamTemplate.load(TEMPLATE);
        Clock clock = Clock.systemUTC();
        metrics = SessionMetrics.from(template, clock);
        org = DemoOrg.start(0, clock, log);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "http://127.0.0.1:" + closedPort;
        LocalFunctions functions = new LocalFunctions(template, EnvVarsFile.EMPTY, Map.of(), clock, log);
        Map<String, String> tokenSettings = new HashMap<>(Demo.tokenSettings(org.origin()));
        tokenSettings.put("SALESFORCE_TIMEOUT_MS", "300"); // so the slow-Salesforce scenario is quick
        Map<String, String> skillSettings = new HashMap<>(Demo.skillSettings(org.origin()));
        skillSettings.put("INSTANCE_URL_ALLOWLIST", "default," + org.origin() + "," + unreachable);
        LocalFunction token = load(functions, TOKEN, tokenSettings, clock, log);
        LocalFunction skill = load(functions, SKILL, skillSettings, clock, log);
        server = LocalServer.start(0, List.of(token), skill, LocalRunner.demoBrowserSettings(org.origin()), clock,
                log, metrics);
        flow = new Flow(org.origin(), server.origin());

        // ---- token function ----
        JsonObject linked = tokenScenario("authorization code, Basic", "granted", "authorization_code", true, false,
                () -> flow.exchange(flow.code()));
        String refresh = linked.get("refresh_token").getAsString();
        tokenScenario("refresh, body credentials", "granted", "refresh_token", true, false,
                () -> json(flow.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh), false), 200));
        tokenScenario("refresh with a dead refresh token", "salesforce_error", "refresh_token", true, false,
                () -> json(flow.token(Map.of("grant_type", "refresh_token", "refresh_token", "5Aep861dead"), false),
                        400));
        tokenScenario("a client id not allowed", "rejected", "refresh_token", false, true,
                () -> json(postToken("3MVG9notAllowed", "whatever", Map.of("grant_type", "refresh_token",
                        "refresh_token", "5Aep861x")), 401));
        tokenScenario("no grant_type", "rejected", null, false, false,
                () -> json(flow.token(Map.of("code", "x"), true), 400));
        tokenScenario("an unknown grant_type", "rejected", null, false, false,
                () -> json(flow.token(Map.of("grant_type", "password"), true), 400));
        org.tokenDelay(Duration.ofMillis(1500));
        try {
            tokenScenario("Salesforce slower than SALESFORCE_TIMEOUT_MS", "upstream_failure", "refresh_token", true,
                    false, () -> json(flow.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh),
                            false), 504));
        } finally {
            org.tokenDelay(Duration.ZERO);
        }
        // internal_error (an unexpected exception in the token function) cannot be reached from outside; the
        // outcome test below requires it to be the only token outcome not captured.

        // ---- skill function ----
        String accessToken = flow.exchange(flow.code()).get("access_token").getAsString();
        skillScenario("launch, linked", "ANSWERED", null, true,
                () -> flow.skill(AlexaRequests.launch(SKILL_ID, accessToken)));
        skillScenario("pipeline intent", "ANSWERED", "PipelineIntent", true,
                () -> flow.skill(AlexaRequests.intent(SKILL_ID, accessToken, "PipelineIntent", Map.of(), "NONE")));
        skillScenario("help intent", "ANSWERED", "AMAZON.HelpIntent", false,
                () -> flow.skill(AlexaRequests.intent(SKILL_ID, accessToken, "AMAZON.HelpIntent", Map.of(), "NONE")));
        String tomorrow = java.time.LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        skillScenario("a reminder, confirmed", "TASK_CREATED", "CreateReminderIntent", true,
                () -> flow.skill(AlexaRequests.intent(SKILL_ID, accessToken, "CreateReminderIntent",
                        Map.of("subject", "call Globex", "date", tomorrow), "CONFIRMED")));
        skillScenario("a reminder, declined", "REMINDER_DECLINED", "CreateReminderIntent", true,
                () -> flow.skill(AlexaRequests.intent(SKILL_ID, accessToken, "CreateReminderIntent",
                        Map.of("subject", "call Globex", "date", tomorrow), "DENIED")));
        skillScenario("launch, not linked", "NOT_LINKED", null, false,
                () -> flow.skill(AlexaRequests.launch(SKILL_ID, null)));
        skillScenario("a token that is not a linked token", "TOKEN_REJECTED", null, false,
                () -> flow.skill(AlexaRequests.launch(SKILL_ID, "not-a-linked-token")));
        String instance = accessToken.substring(0, accessToken.indexOf(' '));
        skillScenario("instance URL nobody listens on", "SALESFORCE_UNREACHABLE", "OpenCasesIntent", true,
                () -> flow.skill(AlexaRequests.intent(SKILL_ID, instance + " " + unreachable, "OpenCasesIntent",
                        Map.of(), "NONE")));
        assertTrue(org.expireAccessToken(instance));
        skillScenario("an expired session", "SESSION_INVALID", null, true,
                () -> flow.skill(AlexaRequests.launch(SKILL_ID, accessToken)));
        JsonObject ended = AlexaRequests.launch(SKILL_ID, null);
        JsonObject request = ended.getAsJsonObject("request");
        request.addProperty("type", "SessionEndedRequest");
        request.addProperty("reason", "USER_INITIATED");
        skillScenario("session ended", "SESSION_ENDED", null, false, () -> flow.skill(ended));
    }

    @AfterAll
    static void stop() {
        server.close();
        org.close();
    }

    private static LocalFunction load(LocalFunctions functions, String id, Map<String, String> settings, Clock clock,
                                      PrintStream log) {
        return LocalFunction.load(template.function(id).orElseThrow(), functions.environment(id, settings), clock,
                log, (line, level, requestId) -> {
                    RAW.add(new Raw(id, line, level, requestId));
                    metrics.record(id, line, level, requestId);
                });
    }

    private interface Step {
        Object run() throws Exception;
    }

    private static JsonObject tokenScenario(String name, String outcome, String grantType, boolean upstream,
                                            boolean invalidClient, Step step) throws Exception {
        Raw line = only(TOKEN, name, step);
        CAPTURED.add(new Captured(name, TOKEN, line.line(), line.level(), line.requestId(), outcome, grantType,
                upstream, invalidClient, null, false));
        return lastResult instanceof JsonObject o ? o : null;
    }

    private static void skillScenario(String name, String outcome, String intent, boolean calledSalesforce,
                                      Step step) throws Exception {
        Raw line = only(SKILL, name, step);
        CAPTURED.add(new Captured(name, SKILL, line.line(), line.level(), line.requestId(), outcome, null, false,
                false, intent, calledSalesforce));
    }

    private static Object lastResult;

    /** Runs a step and returns the one JSON line the function wrote for it. */
    private static Raw only(String function, String name, Step step) throws Exception {
        int before = RAW.size();
        lastResult = step.run();
        List<Raw> lines = RAW.subList(before, RAW.size()).stream()
                .filter(r -> r.function().equals(function) && r.line().startsWith("{")).toList();
        assertEquals(1, lines.size(), name + ": expected one request line, got " + lines);
        return lines.get(0);
    }

    private static JsonObject json(HttpResponse<String> answer, int status) {
        assertEquals(status, answer.statusCode(), answer.body());
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    private static HttpResponse<String> postToken(String clientId, String secret, Map<String, String> form)
            throws Exception {
        return flow.send(HttpRequest.newBuilder(URI.create(server.origin() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(Http.formEncode(form))));
    }

    // ---- the proof ----------------------------------------------------------------------------------------------

    /** What each filter must publish for one scenario: metric name to dimension values (null: selects nothing). */
    private static Map<String, Map<String, String>> expected(Captured c) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (c.function().equals(TOKEN)) {
            out.put("TokenRequests", Map.of("Outcome", c.outcome()));
            out.put("TokenRequestsByGrant", c.grantType() != null && GRANTS.contains(c.grantType())
                    ? Map.of("GrantType", c.grantType(), "Outcome", c.outcome()) : null);
            out.put("TokenUpstreamLatency", c.upstreamCall() ? Map.of() : null);
            out.put("TokenInvalidClient", c.invalidClient() ? Map.of() : null);
        } else {
            out.put("SkillRequests", Map.of("Outcome", c.outcome()));
            out.put("SkillIntentRequests", c.intent() == null ? null
                    : Map.of("Intent", c.intent(), "Outcome", c.outcome()));
            out.put("SkillSalesforceLatency", c.calledSalesforce() ? Map.of() : null);
        }
        return out;
    }

    /** Every way the template's filters disagree with the scenarios' expectations; empty when they agree. */
    static List<String> mismatches(List<Captured> captured, SamTemplate template) {
        List<MetricFilter> filters = MetricFilter.from(template);
        Map<String, LogTransformer> transformers = LogTransformer.from(template);
        SessionMetrics groups = SessionMetrics.from(template, Clock.systemUTC());
        List<String> problems = new ArrayList<>();
        for (Captured c : captured) {
            String group = groups.logGroupOf(c.function());
            String record = LambdaLogRecord.of(c.line(), c.level(), c.requestId(), Instant.now());
            JsonObject transformed = transformers.get(group).apply(record);
            Map<String, Map<String, String>> expect = expected(c);
            for (MetricFilter filter : filters) {
                if (!Objects.equals(filter.logGroup(), group)) {
                    continue;
                }
                if (!expect.containsKey(filter.metricName())) {
                    problems.add(filter.logicalId() + " publishes " + filter.metricName() + ", which no scenario "
                            + "expects: add it to the proof");
                    continue;
                }
                Map<String, String> want = expect.get(filter.metricName());
                var got = filter.apply(filter.transformed() ? transformed
                        : JsonParser.parseString(record).getAsJsonObject());
                if (want == null && got.isPresent()) {
                    problems.add(filter.logicalId() + " selects '" + c.scenario() + "', which it must not");
                } else if (want != null && got.isEmpty()) {
                    problems.add(filter.logicalId() + " misses '" + c.scenario() + "'");
                } else if (want != null && !got.get().dimensions().equals(want)) {
                    problems.add(filter.logicalId() + " gives '" + c.scenario() + "' " + got.get().dimensions()
                            + ", expected " + want);
                } else if (want != null && filter.value().startsWith("$.")) {
                    double v = got.get().value();
                    if (v < 0 || v > 10_000 || v != Math.rint(v)) {
                        problems.add(filter.logicalId() + " reads " + v + " ms from '" + c.scenario() + "'");
                    }
                }
            }
        }
        return problems;
    }

    @Test
    void everyOutcomeTheScenariosReachWasCaptured() throws Exception {
        Set<String> token = new TreeSet<>(enumNames("io.github.asflink.token.TokenExchange$Outcome").stream()
                .map(name -> name.toLowerCase(java.util.Locale.ROOT)).toList());
        token.remove("internal_error");
        assertEquals(token, outcomes(TOKEN), "every token outcome but internal_error");
        Set<String> skill = outcomes(SKILL);
        assertTrue(enumNames("io.github.asflink.skill.Turn$Outcome").containsAll(skill), skill.toString());
        assertTrue(skill.containsAll(Set.of("ANSWERED", "TASK_CREATED", "REMINDER_DECLINED", "NOT_LINKED",
                "TOKEN_REJECTED", "SESSION_INVALID", "SALESFORCE_UNREACHABLE", "SESSION_ENDED")), skill.toString());
    }

    private static Set<String> enumNames(String type) throws ClassNotFoundException {
        return Arrays.stream(Class.forName(type).getEnumConstants()).map(Object::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void eachFilterSelectsExactlyTheLinesItShould() {
        assertEquals(List.of(), mismatches(CAPTURED, template));
    }

    @Test
    void aRenamedLogFieldBlindsTheFiltersAndTheProofSaysSo() {
        for (String[] rename : List.of(new String[] {"\"outcome\":", "\"result\":"},
                new String[] {"\"event\":\"token_request\"", "\"event\":\"token\""},
                new String[] {"\"upstreamLatencyMs\":", "\"upstreamMs\":"},
                new String[] {"\"salesforceCalls\":", "\"calls\":"},
                new String[] {"\"intent\":", "\"intentName\":"},
                new String[] {"\"note\":\"invalid_client", "\"note\":\"client"})) {
            List<Captured> renamed = CAPTURED.stream().map(c -> new Captured(c.scenario(), c.function(),
                    c.line().replace(rename[0], rename[1]), c.level(), c.requestId(), c.outcome(), c.grantType(),
                    c.upstreamCall(), c.invalidClient(), c.intent(), c.calledSalesforce())).toList();
            assertFalse(mismatches(renamed, template).isEmpty(), "renaming " + rename[0] + " went unnoticed");
        }
    }

    @Test
    void theUntransformedRecordShowsTheFiltersNothing() {
        // Lambda's JSON format holds the line as a string: without the transformer every pattern would select nothing.
        List<MetricFilter> filters = MetricFilter.from(template).stream().filter(MetricFilter::transformed).toList();
        assertFalse(filters.isEmpty());
        for (Captured c : CAPTURED) {
            JsonObject record = JsonParser.parseString(LambdaLogRecord.of(c.line(), c.level(), c.requestId(),
                    Instant.now())).getAsJsonObject();
            assertTrue(record.get("message").isJsonPrimitive(), "message is a string");
            for (MetricFilter filter : filters) {
                assertTrue(filter.apply(record).isEmpty(), filter.logicalId() + " on the raw record");
            }
        }
    }

    @Test
    void everyAlarmOnALogMetricWatchesWhatAFilterPublishesForALoggedOutcome() throws Exception {
        Map<String, Set<Map<String, String>>> published = new HashMap<>();
        for (Captured c : CAPTURED) {
            expected(c).forEach((metric, dims) -> {
                if (dims != null) {
                    published.computeIfAbsent(metric, k -> new LinkedHashSet<>()).add(dims);
                }
            });
        }
        Set<String> skillOutcomes = enumNames("io.github.asflink.skill.Turn$Outcome");
        Set<String> tokenOutcomes = enumNames("io.github.asflink.token.TokenExchange$Outcome");
        String namespace = MetricFilter.from(template).get(0).namespace();
        int checked = 0;
        for (var alarm : template.resourceProperties("AWS::CloudWatch::Alarm").entrySet()) {
            Map<String, Object> p = alarm.getValue();
            if (!namespace.equals(template.resolvedText(p.get("Namespace")))) {
                continue;
            }
            String metric = template.resolvedText(p.get("MetricName"));
            Map<String, String> dims = new LinkedHashMap<>();
            if (p.get("Dimensions") instanceof List<?> list) {
                for (Object d : list) {
                    Map<?, ?> dimension = (Map<?, ?>) d;
                    dims.put(template.resolvedText(dimension.get("Name")),
                            template.resolvedText(dimension.get("Value")));
                }
            }
            checked++;
            if (metric.equals("TokenApiThrottled")) {
                continue; // from the HTTP API's access log, proven in throttledRequestsCountFromTheAccessLog
            }
            boolean seen = published.getOrDefault(metric, Set.of()).contains(dims);
            // FAILED and internal_error (unexpected exceptions) cannot be reached from outside; their names must
            // still be outcomes.
            boolean loggedOutcome = metric.equals("SkillRequests") && skillOutcomes.contains(dims.get("Outcome"))
                    || metric.equals("TokenRequests") && "internal_error".equals(dims.get("Outcome"))
                    && tokenOutcomes.contains("INTERNAL_ERROR");
            assertTrue(seen || loggedOutcome, alarm.getKey() + " watches " + metric + dims
                    + ", which no captured line publishes");
        }
        assertTrue(checked >= 7, "alarms on log metrics checked: " + checked);
    }

    @Test
    void throttledRequestsCountFromTheAccessLog() {
        // The access log line as API Gateway writes it from the template's Format (plain JSON, no Lambda envelope).
        Map<String, Object> api = template.resourceProperties("AWS::Serverless::HttpApi").get("TokenApi");
        String format = template.resolvedText(((Map<?, ?>) api.get("AccessLogSettings")).get("Format"));
        MetricFilter throttled = MetricFilter.from(template).stream()
                .filter(f -> f.metricName().equals("TokenApiThrottled")).findFirst().orElseThrow();
        assertEquals("TokenApiAccessLogGroup", throttled.logGroup());
        for (String status : List.of("429", "200", "503")) {
            JsonObject line = JsonParser.parseString(format.replace("$context.status", status)
                    .replaceAll("\\$context\\.[A-Za-z.]+", "-")).getAsJsonObject();
            assertEquals(status.equals("429"), throttled.apply(line).isPresent(), status);
        }
    }

    @Test
    void metricsPageShowsTheSessionsFigures() throws Exception {
        HttpResponse<String> page = flow.get(server.origin() + "/metrics");
        assertEquals(200, page.statusCode());
        String body = page.body();
        assertTrue(body.contains("TokenRequests {Outcome=granted}"), body);
        assertTrue(body.contains("TokenRequestsByGrant {GrantType=refresh_token, Outcome=salesforce_error}"), body);
        assertTrue(body.contains("SkillRequests {Outcome=SESSION_INVALID}"), body);
        assertTrue(body.matches("(?s).*TokenUpstreamLatency +n=\\d+ p50=\\d+ p90=\\d+ max=\\d+ ms.*"), body);
        assertTrue(body.matches("(?s).*SkillSalesforceLatency +n=\\d+ .*"), body);
        assertFalse(body.contains(ConnectedApp.DEMO_CLIENT_SECRET), "no secret on the page");
    }

    private static Set<String> outcomes(String function) {
        return CAPTURED.stream().filter(c -> c.function().equals(function)).map(Captured::outcome)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
