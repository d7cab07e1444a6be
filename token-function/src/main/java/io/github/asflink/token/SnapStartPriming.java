package io.github.asflink.token;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs the real request path once before SnapStart takes its snapshot, so the classes a token exchange needs are
 * loaded (and partly compiled) in the snapshot instead of on the user's first request.
 *
 * <p>Salesforce is answered from memory: no connection is opened, so none is captured in the snapshot, and nothing
 * unique or time-bound is created (request ids and timestamps come with each real request). The HTTP client is built
 * (its TLS context is the single largest init cost) but has not connected anywhere.
 */
final class SnapStartPriming implements Resource {

    /** CRaC holds resources weakly; this keeps the registered one alive. */
    private static SnapStartPriming registered;

    private static final String PRIMING_FORM = "grant_type=authorization_code&code=priming-code"
            + "&redirect_uri=https%3A%2F%2Fpitangui.amazon.com%2Fapi%2Fskill%2Flink%2FPRIMING"
            + "&client_id=priming-client&client_secret=priming-secret";
    private static final String PRIMING_GRANT = "{\"access_token\":\"00DPRIMING!priming\","
            + "\"instance_url\":\"https://priming.my.salesforce.com\",\"id\":\"https://login.salesforce.com/id/00D/005\","
            + "\"issued_at\":\"0\",\"token_type\":\"Bearer\",\"scope\":\"api refresh_token\"}";

    private final TokenConfig config;
    private final List<Integer> primedStatuses = new ArrayList<>();

    SnapStartPriming(TokenConfig config) {
        this.config = config;
    }

    static synchronized void register(TokenConfig config) {
        registered = new SnapStartPriming(config);
        Core.getGlobalContext().register(registered);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws IOException {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: priming opened no connection, and every request reads the clock itself.
    }

    /** A granted exchange and a rejected one, through the handler exactly as Lambda calls it. */
    void prime() throws IOException {
        SalesforceTransport inMemory = (endpoint, form, timeout) ->
                new SalesforceTransport.Reply(200, "application/json", PRIMING_GRANT);
        TokenHandler handler = new TokenHandler(config, inMemory);
        String base64Form = Base64.getEncoder().encodeToString(PRIMING_FORM.getBytes(StandardCharsets.UTF_8));
        for (String event : new String[] {event(base64Form, true), event("grant_type=password", false)}) {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), answer,
                    SilentContext.INSTANCE);
            primedStatuses.add(HttpApiAnswerStatus.of(answer));
        }
        JdkHttpTransport.warmUp(config.upstreamTimeout());
    }

    /** The status of each primed answer, so a test can see the whole path ran. */
    List<Integer> primedStatuses() {
        return List.copyOf(primedStatuses);
    }

    /** Reads statusCode back from a payload 2.0 answer. */
    private static final class HttpApiAnswerStatus {
        static int of(ByteArrayOutputStream answer) {
            return com.google.gson.JsonParser.parseString(answer.toString(StandardCharsets.UTF_8))
                    .getAsJsonObject().get("statusCode").getAsInt();
        }
    }

    private static String event(String body, boolean base64) {
        return "{\"version\":\"2.0\",\"routeKey\":\"POST /token\",\"rawPath\":\"/token\",\"headers\":{"
                + "\"content-type\":\"application/x-www-form-urlencoded;charset=UTF-8\"},\"requestContext\":{"
                + "\"http\":{\"method\":\"POST\",\"path\":\"/token\"},\"requestId\":\"priming\"},\"body\":\""
                + body + "\",\"isBase64Encoded\":" + base64 + "}";
    }

    /** A context whose logger drops lines, so priming writes nothing to the function's logs. */
    private enum SilentContext implements Context, LambdaLogger {
        INSTANCE;

        @Override public String getAwsRequestId() { return "priming"; }
        @Override public String getLogGroupName() { return null; }
        @Override public String getLogStreamName() { return null; }
        @Override public String getFunctionName() { return null; }
        @Override public String getFunctionVersion() { return null; }
        @Override public String getInvokedFunctionArn() { return null; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 0; }
        @Override public int getMemoryLimitInMB() { return 0; }
        @Override public LambdaLogger getLogger() { return this; }
        @Override public void log(String message) { }
        @Override public void log(byte[] message) { }
        @Override public void log(String message, LogLevel level) { }
    }
}
