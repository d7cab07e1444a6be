package io.github.asflink.skill;

import com.amazon.ask.AlexaSkill;
import com.amazon.ask.request.impl.BaseSkillRequest;
import com.amazon.ask.response.SkillResponse;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import io.github.asflink.skill.salesforce.Salesforce;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. Before Lambda snapshots the initialised environment, {@link #beforeCheckpoint} runs the real
 * request path (envelope bytes → ASK SDK → handler → Salesforce client → response bytes) for an unlinked launch, a
 * linked launch, the pipeline and the cases questions, a confirmed reminder, a launch with a dead token, the agenda
 * and a deal by name, both turns of a stage move and of a logged call, and the pipeline on a screen device (the APL
 * list), with Salesforce answered in memory: no network, no token, no user data. The classes they load
 * (Jackson's request model, the handlers, the client) are in the snapshot, so the first real request after a restore
 * does not load them. It also builds the shared {@code HttpClient}, whose TLS
 * context is the largest single cost of a linked request. No connection is opened, so there is nothing to
 * re-establish after restore; nothing captured is unique to a request or tied to the time of the snapshot.
 */
final class SnapStartPriming implements Resource {

    static final String INSTANCE = "https://priming.my.salesforce.com";
    private static final String TOKEN = "00D000000000001!PRIMING";
    private static final String DEAD_TOKEN = "00D000000000001!PRIMING-EXPIRED";
    private static final String USER_ID = "005000000000001AAA";

    private final Supplier<Map<String, String>> environment;

    SnapStartPriming(Supplier<Map<String, String>> environment) {
        this.environment = environment;
    }

    /** Registers the hook with the global CRaC context; on a JVM without CRaC the hook is simply never called. */
    static SnapStartPriming register() {
        SnapStartPriming priming = new SnapStartPriming(System::getenv);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
        Salesforce.buildHttpClient();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to do: priming opened no connection, and the HttpClient connects on first use.
    }

    /** Runs the primed requests; returns each response envelope, for tests. */
    List<String> prime() {
        SkillConfig config = SkillConfig.fromEnvironment(environment.get())
                .withInstanceUrls(InstanceUrlPolicy.parse(INSTANCE));
        AlexaSkill<?, ?> skill = SalesforceSkill.create(config,
                Salesforce.answeredBy(config.salesforceSettings(), Clock.systemUTC(), SnapStartPriming::answer));
        // The configured id: requests for any other skill are refused, so priming with another would prime the refusal.
        String skillId = config.skillId();
        List<String> responses = new ArrayList<>();
        responses.add(run(skill, envelope(skillId, null, launch())));
        String token = TOKEN + " " + INSTANCE;
        responses.add(run(skill, envelope(skillId, token, launch())));
        responses.add(run(skill, envelope(skillId, token, intent("PipelineIntent", "NONE", ""))));
        responses.add(run(skill, envelope(skillId, token, intent("OpenCasesIntent", "NONE", ""))));
        responses.add(run(skill, envelope(skillId, token, intent("CreateReminderIntent", "CONFIRMED", """
                "subject":{"name":"subject","value":"priming"},"date":{"name":"date","value":"2026-01-31"}"""))));
        responses.add(run(skill, envelope(skillId, DEAD_TOKEN + " " + INSTANCE, launch())));
        responses.add(run(skill, envelope(skillId, token, intent("AgendaIntent", "NONE", """
                "day":{"name":"day","value":"2026-01-31"}"""))));
        responses.add(run(skill, envelope(skillId, token, intent("DealStatusIntent", "NONE", """
                "deal":{"name":"deal","value":"priming"}"""))));
        String move = """
                "deal":{"name":"deal","value":"priming"},"stage":{"name":"stage","value":"qualification"}""";
        responses.add(run(skill, envelope(skillId, token, intent("MoveStageIntent", "NONE", move))));
        responses.add(run(skill, envelope(skillId, token, intent("MoveStageIntent", "CONFIRMED", move), """
                {"opportunityId":"006000000000001AAA","name":"Priming","fromStage":"Prospecting",\
                "toStage":"Qualification","toStageLabel":"Qualification"}""", NO_SCREEN)));
        String call = """
                "target":{"name":"target","value":"priming"},"notes":{"name":"notes","value":"priming"}""";
        responses.add(run(skill, envelope(skillId, token, intent("LogCallIntent", "NONE", call))));
        responses.add(run(skill, envelope(skillId, token, intent("LogCallIntent", "CONFIRMED", call), """
                {"whatId":"001000000000001AAA","name":"Priming","notes":"priming","activityDate":"2026-01-31"}""",
                NO_SCREEN)));
        responses.add(run(skill, envelope(skillId, token, intent("PipelineIntent", "NONE", ""), "{}", SCREEN)));
        return responses;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String run(AlexaSkill skill, String envelope) {
        SkillResponse<?> response = skill.execute(
                new BaseSkillRequest(envelope.getBytes(StandardCharsets.UTF_8)), new PrimingContext());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String launch() {
        return """
                {"type":"LaunchRequest","requestId":"amzn1.echo-api.request.priming",\
                "timestamp":"2026-01-01T00:00:00Z","locale":"en-US"}""";
    }

    private static String intent(String name, String confirmationStatus, String slots) {
        return """
                {"type":"IntentRequest","requestId":"amzn1.echo-api.request.priming",\
                "timestamp":"2026-01-01T00:00:00Z","locale":"en-US",\
                "dialogState":"COMPLETED","intent":{"name":"%s","confirmationStatus":"%s","slots":{%s}}}"""
                .formatted(name, confirmationStatus, slots);
    }

    private static String envelope(String skillId, String accessToken, String request) {
        return envelope(skillId, accessToken, request, "{}", NO_SCREEN);
    }

    /** An Echo Show's interfaces: APL at a runtime the list document needs, and its viewport. */
    private static final String SCREEN = """
            {"Alexa.Presentation.APL":{"runtime":{"maxVersion":"2023.3"}}}""";
    private static final String NO_SCREEN = "{}";
    private static final String SCREEN_VIEWPORT = """
            ,"Viewport":{"experiences":[{"arcMinuteWidth":221,"arcMinuteHeight":162,"canRotate":false,\
            "canResize":false}],"mode":"HUB","shape":"RECTANGLE","pixelWidth":1280,"pixelHeight":800,"dpi":160,\
            "currentPixelWidth":1280,"currentPixelHeight":800}""";

    private static String envelope(String skillId, String accessToken, String request, String attributes,
                                   String interfaces) {
        String user = accessToken == null
                ? "{\"userId\":\"amzn1.ask.account.PRIMING\"}"
                : "{\"userId\":\"amzn1.ask.account.PRIMING\",\"accessToken\":\"" + accessToken + "\"}";
        return """
                {"version":"1.0",\
                "session":{"new":%4$s,"sessionId":"amzn1.echo-api.session.priming",\
                "application":{"applicationId":"%1$s"},"user":%2$s,"attributes":%5$s},\
                "context":{"System":{"application":{"applicationId":"%1$s"},"user":%2$s,\
                "device":{"deviceId":"amzn1.ask.device.PRIMING","supportedInterfaces":%6$s},\
                "apiEndpoint":"https://api.amazonalexa.com"}%7$s},\
                "request":%3$s}""".formatted(skillId, user, request, attributes.equals("{}"), attributes, interfaces,
                interfaces.equals(SCREEN) ? SCREEN_VIEWPORT : "");
    }

    /**
     * Answers the skill's Salesforce calls from memory, as a single-currency org does (so the pipeline takes its
     * longest path: the multi-currency form refused, the single-currency form, the org's currency), and a dead token
     * as the identity service does: {@code 403} with the plain-text code.
     */
    private static Map.Entry<Integer, String> answer(HttpRequest request) {
        String path = request.uri().getPath();
        if (request.headers().firstValue("Authorization").orElse("").endsWith(DEAD_TOKEN)) {
            return Map.entry(403, "Bad_OAuth_Token\n");
        }
        if (path.endsWith("/services/oauth2/userinfo")) {
            return Map.entry(200, """
                    {"user_id":"%s","organization_id":"00D000000000001AAA","name":"Priming User",\
                    "given_name":"Priming","family_name":"User","locale":"en_US","zoneinfo":"America/New_York"}"""
                    .formatted(USER_ID));
        }
        if (request.method().equals("PATCH") && path.contains("/sobjects/Opportunity/")) {
            return Map.entry(204, "");
        }
        if (path.endsWith("/sobjects/Task")) {
            return Map.entry(201, "{\"id\":\"00T000000000001AAA\",\"success\":true,\"errors\":[]}");
        }
        String soql = request.uri().getQuery() == null ? "" : request.uri().getQuery();
        if (soql.contains("FROM OpportunityStage")) {
            return Map.entry(200, """
                    {"totalSize":2,"done":true,"records":[{"attributes":{"type":"OpportunityStage"},\
                    "ApiName":"Prospecting","MasterLabel":"Prospecting","IsClosed":false,"IsWon":false},\
                    {"attributes":{"type":"OpportunityStage"},"ApiName":"Qualification",\
                    "MasterLabel":"Qualification","IsClosed":false,"IsWon":false}]}""");
        }
        if (soql.contains("FROM Account")) {
            return Map.entry(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Account"},\
                    "Id":"001000000000001AAA","Name":"Priming"}]}""");
        }
        if (soql.contains("FROM Contact") || soql.contains("SELECT Id, Name, AccountId")) {
            return Map.entry(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}");
        }
        if (soql.contains("FROM Organization")) {
            return Map.entry(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Organization"},\
                    "DefaultCurrencyIsoCode":"USD"}]}""");
        }
        if (soql.contains("CurrencyIsoCode")) {
            return Map.entry(400, """
                    [{"message":"No such column 'CurrencyIsoCode' on entity 'Opportunity'.",\
                    "errorCode":"INVALID_FIELD"}]""");
        }
        if (soql.contains("SELECT Id, Name, StageName")) {
            return Map.entry(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Opportunity"},\
                    "Id":"006000000000001AAA","Name":"Priming","StageName":"Prospecting","IsClosed":false,\
                    "Amount":1000.5,"CloseDate":"2026-01-31","NextStep":"Priming"}]}""");
        }
        if (soql.contains("FROM Event")) {
            return Map.entry(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Event"},\
                    "Subject":"Priming","StartDateTime":"2026-01-31T15:00:00.000+0000","Location":null}]}""");
        }
        if (soql.contains("FROM Task")) {
            return Map.entry(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Task"},\
                    "Subject":"Priming","Priority":"High"}]}""");
        }
        if (soql.contains("COUNT(Id)")) {
            return Map.entry(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"AggregateResult"},\
                    "openCount":1,"openAmount":1000.5}]}""");
        }
        if (soql.contains("FROM Opportunity")) {
            return Map.entry(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Opportunity"},\
                    "Name":"Priming","Amount":1000.5,"CloseDate":"2026-01-31"}]}""");
        }
        if (soql.contains("COUNT()")) {
            return Map.entry(200, "{\"totalSize\":1,\"done\":true,\"records\":[]}");
        }
        if (soql.contains("FROM Case")) {
            return Map.entry(200, """
                    {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Case"},"Id":"500000000000001AAA",\
                    "CaseNumber":"00001001","Subject":"Priming","Priority":"High","Status":"New"}]}""");
        }
        return Map.entry(404, """
                [{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}]""");
    }

    /** A Lambda context for priming: a fixed request id and a logger that drops the primed requests' log lines. */
    private static final class PrimingContext implements Context {
        private static final LambdaLogger SILENT = new LambdaLogger() {
            @Override
            public void log(String message) {
            }

            @Override
            public void log(byte[] message) {
            }
        };

        @Override
        public String getAwsRequestId() {
            return "snapstart-priming";
        }

        @Override
        public String getLogGroupName() {
            return null;
        }

        @Override
        public String getLogStreamName() {
            return null;
        }

        @Override
        public String getFunctionName() {
            return null;
        }

        @Override
        public String getFunctionVersion() {
            return null;
        }

        @Override
        public String getInvokedFunctionArn() {
            return null;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 7000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 0;
        }

        @Override
        public LambdaLogger getLogger() {
            return SILENT;
        }
    }
}
