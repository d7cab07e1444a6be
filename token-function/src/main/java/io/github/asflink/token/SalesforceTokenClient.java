package io.github.asflink.token;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls Salesforce's OAuth token endpoint and sorts its answer into a grant, a Salesforce OAuth error (passed on as it
 * came, so {@code invalid_grant} still tells Alexa the link is gone) or a transient failure (5xx, so Alexa keeps the
 * link and tries again).
 */
final class SalesforceTokenClient {

    /** What the last call cost; read by the access log. */
    record Call(int upstreamStatus, long latencyMillis) {
    }

    static final String TIMED_OUT = "Salesforce did not answer in time";
    static final String UNREACHABLE = "Salesforce could not be reached";
    /** JWT-based access tokens are long, and their answer has no instance_url or signature: nothing to link. */
    static final String JWT_ISSUED = "Salesforce issued a JWT-based access token; turn off Issue JSON Web Token (JWT)-"
            + "based access tokens in the External Client App OAuth settings";

    private final URI endpoint;
    private final SalesforceTransport transport;

    SalesforceTokenClient(URI endpoint, SalesforceTransport transport) {
        this.endpoint = endpoint;
        this.transport = transport;
    }

    /**
     * @param budget how long the whole call may take; when none is left Salesforce is not called at all (an abandoned
     *               code exchange would spend the user's code without an answer reaching Alexa)
     */
    SalesforceGrant exchange(TokenRequest request, Duration budget, CallRecorder recorder)
            throws TokenError, InterruptedException {
        if (budget.isZero() || budget.isNegative()) {
            recorder.record(new Call(0, 0));
            throw TokenError.temporarilyUnavailable(504, TIMED_OUT);
        }
        Map<String, String> form = new LinkedHashMap<>(request.grant().salesforceParameters());
        form.put("client_id", request.client().clientId());
        form.put("client_secret", request.client().clientSecret());

        long start = System.nanoTime();
        SalesforceTransport.Reply reply;
        try {
            reply = transport.postForm(endpoint, FormEncoder.encode(form), budget);
        } catch (SalesforceTransport.Incomplete e) {
            recorder.record(new Call(e.statusSeen(), elapsedMillis(start)));
            throw e.timedOut() ? TokenError.temporarilyUnavailable(504, TIMED_OUT)
                    : TokenError.temporarilyUnavailable(503, UNREACHABLE);
        } catch (HttpTimeoutException e) {
            recorder.record(new Call(0, elapsedMillis(start)));
            throw TokenError.temporarilyUnavailable(504, TIMED_OUT);
        } catch (IOException e) {
            recorder.record(new Call(0, elapsedMillis(start)));
            throw TokenError.temporarilyUnavailable(503, UNREACHABLE);
        }
        recorder.record(new Call(reply.status(), elapsedMillis(start)));
        return classify(reply, request);
    }

    private static SalesforceGrant classify(SalesforceTransport.Reply reply, TokenRequest request) throws TokenError {
        int status = reply.status();
        if (status >= 500 || status == 429 || status == 408) {
            throw TokenError.temporarilyUnavailable(503, "Salesforce is temporarily unavailable");
        }
        JsonObject body = jsonObject(reply.body());
        if (status >= 400 && status < 500) {
            String error = body == null ? null : string(body, "error");
            if (error == null || !error.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw TokenError.badGateway("Salesforce answered " + status + " without an OAuth error");
            }
            String description = ErrorText.scrub(string(body, "error_description"), request);
            throw TokenError.fromSalesforce(status, error, description, request.client().usedBasic());
        }
        if (status != 200) {
            throw TokenError.badGateway("Salesforce answered " + status);
        }
        if (body == null) {
            throw TokenError.badGateway("Salesforce answered with a body that is not JSON");
        }
        if ("jwt".equalsIgnoreCase(string(body, "token_format"))
                || (string(body, "instance_url") == null && string(body, "api_instance_url") != null)) {
            throw TokenError.badGateway(JWT_ISSUED);
        }
        String accessToken = string(body, "access_token");
        String instanceUrl = string(body, "instance_url");
        if (accessToken == null || instanceUrl == null) {
            throw TokenError.badGateway("Salesforce's answer has no access_token or instance_url");
        }
        return new SalesforceGrant(accessToken, instanceUrl, string(body, "refresh_token"), string(body, "scope"),
                string(body, "id"), string(body, "issued_at"), string(body, "signature"));
    }

    private static JsonObject jsonObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonElement element = JsonParser.parseString(body);
            return element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }

    private static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || !value.isJsonPrimitive()) {
            return null;
        }
        String text = value.getAsString();
        return text.isEmpty() ? null : text;
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Receives the cost of the call, also when it fails. */
    interface CallRecorder {
        void record(Call call);
    }
}
