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
import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import java.net.URLEncoder;
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

    private static final String CLIENT_ID = "priming-client";
    private static final String CLIENT_SECRET = "priming-secret";
    private static final String REDIRECT_URI = "https%3A%2F%2Fpitangui.amazon.com%2Fapi%2Fskill%2Flink%2FPRIMING";
    private static final String REFRESH_TOKEN = "5AepPRIMING";
    private static final String ID = "https://login.salesforce.com/id/00D000000000001AAA/005000000000001AAA";
    private static final String ISSUED_AT = "1700000000000";

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

    /**
     * Every shape of request Alexa sends, through the handler exactly as Lambda calls it: an authorization code with
     * the credentials in the body, a refresh with HTTP Basic credentials (Salesforce's answer has no refresh_token,
     * so the incoming one is echoed), and a rejected request. Salesforce's answers are signed as Salesforce signs
     * them, so the signature check (javax.crypto's HMAC) is primed as well.
     */
    void prime() throws IOException {
        String instanceUrl = instanceUrlAllowedBy(config);
        String codeGrant = grant(true, instanceUrl);
        String refreshGrant = grant(false, instanceUrl);
        SalesforceTransport inMemory = (endpoint, form, timeout) -> new SalesforceTransport.Reply(200,
                form.contains("grant_type=refresh_token") ? refreshGrant : codeGrant);
        TokenHandler handler = new TokenHandler(config, inMemory);
        // An unlisted client is rejected before Salesforce: prime as a listed one (any will do with *).
        String clientId = URLEncoder.encode(config.allowedClients().ids().stream().sorted().findFirst()
                .orElse(CLIENT_ID), StandardCharsets.UTF_8);
        String basic = "Basic " + base64(clientId + ":" + CLIENT_SECRET);
        List<String> events = List.of(
                event(base64("grant_type=authorization_code&code=priming-code&redirect_uri=" + REDIRECT_URI
                        + "&client_id=" + clientId + "&client_secret=" + CLIENT_SECRET), true, null),
                event(base64("grant_type=refresh_token&refresh_token=" + REFRESH_TOKEN), true, basic),
                event("grant_type=password", false, null));
        for (String event : events) {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), answer,
                    SilentContext.INSTANCE);
            primedStatuses.add(statusOf(answer));
        }
        JdkHttpTransport.warmUp();
    }

    /** A Salesforce token answer with a valid signature; fixed values, nothing unique or time-bound. */
    private static String grant(boolean withRefreshToken, String instanceUrl) {
        return "{\"access_token\":\"00DPRIMING!priming\",\"instance_url\":\"" + instanceUrl + "\","
                + "\"id\":\"" + ID + "\",\"issued_at\":\"" + ISSUED_AT + "\",\"signature\":\""
                + SignatureVerifier.sign(ID, ISSUED_AT, CLIENT_SECRET) + "\","
                + (withRefreshToken ? "\"refresh_token\":\"" + REFRESH_TOKEN + "\"," : "")
                + "\"token_type\":\"Bearer\",\"scope\":\"api refresh_token\"}";
    }

    /** An instance URL the configured allow-list accepts, so priming runs the whole granted path. */
    private static String instanceUrlAllowedBy(TokenConfig config) {
        InstanceUrlPolicy policy = config.instanceUrls();
        if (!policy.hostSuffixes().isEmpty()) {
            return "https://priming" + policy.hostSuffixes().get(0);
        }
        return policy.exactOrigins().get(0).toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The status of each primed answer, so a test can see the whole path ran. */
    List<Integer> primedStatuses() {
        return List.copyOf(primedStatuses);
    }

    /** Reads statusCode back from a payload 2.0 answer. */
    private static int statusOf(ByteArrayOutputStream answer) {
        return com.google.gson.JsonParser.parseString(answer.toString(StandardCharsets.UTF_8))
                .getAsJsonObject().get("statusCode").getAsInt();
    }

    private static String event(String body, boolean base64, String authorization) {
        String auth = authorization == null ? "" : ",\"authorization\":\"" + authorization + "\"";
        return "{\"version\":\"2.0\",\"routeKey\":\"POST /token\",\"rawPath\":\"/token\",\"headers\":{"
                + "\"content-type\":\"application/x-www-form-urlencoded;charset=UTF-8\"" + auth + "},"
                + "\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/token\"},\"requestId\":\"priming\"},"
                + "\"body\":\"" + body + "\",\"isBase64Encoded\":" + base64 + "}";
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
        /** Ample: a priming request must never find its Salesforce call out of time. */
        @Override public int getRemainingTimeInMillis() { return 60_000; }
        @Override public int getMemoryLimitInMB() { return 0; }
        @Override public LambdaLogger getLogger() { return this; }
        @Override public void log(String message) { }
        @Override public void log(byte[] message) { }
        @Override public void log(String message, LogLevel level) { }
    }
}
