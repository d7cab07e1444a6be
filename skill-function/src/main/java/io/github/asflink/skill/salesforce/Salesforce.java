package io.github.asflink.skill.salesforce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asflink.linkedtoken.LinkedToken;
import io.github.asflink.linkedtoken.LinkedTokenException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What every request shares to reach Salesforce: the settings, the transport, the JSON mapper and what was learned
 * about orgs' currencies, built once per execution environment. {@link #connect} turns one request's linked token
 * into a {@link SalesforceClient}.
 */
public final class Salesforce {

    private final SalesforceSettings settings;
    private final SalesforceTransport transport;
    private final ObjectMapper json;
    private final Clock clock;
    private final OrgCurrencies orgs = new OrgCurrencies();

    Salesforce(SalesforceSettings settings, SalesforceTransport transport, Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.clock = clock;
        this.json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The real thing: HTTPS through the execution environment's one HttpClient, built on the first call. */
    public static Salesforce overHttp(SalesforceSettings settings, Clock clock) {
        return new Salesforce(settings, new HttpTransport(), clock);
    }

    /**
     * Every request answered in memory by {@code answers} (status, body), with no socket: SnapStart priming and
     * offline measurement. An exception thrown by {@code answers} counts as a connection failure.
     */
    public static Salesforce answeredBy(SalesforceSettings settings, Clock clock,
                                        Function<HttpRequest, Map.Entry<Integer, String>> answers) {
        return new Salesforce(settings, new AnsweredTransport(answers), clock);
    }

    /**
     * Builds the execution environment's HttpClient now (it loads the TLS context, the largest single cold-start
     * cost), so that a SnapStart snapshot holds it. Opens no connection.
     */
    public static void buildHttpClient() {
        HttpTransport.client();
    }

    /**
     * Splits and checks the linked token Alexa sent. A missing, malformed or disallowed token fails here, before any
     * request is built, so nothing is ever sent to an origin outside the allow-list.
     */
    public SalesforceClient connect(String linkedToken, RequestBudget budget, CallMeter meter)
            throws LinkedTokenException {
        LinkedToken token = LinkedToken.split(linkedToken, settings.instanceUrls());
        return new SalesforceClient(token, settings, transport, json, orgs, budget, meter);
    }

    /**
     * Sends a request that is not for Salesforce (Alexa's directive service) through the same transport: the
     * execution environment's one HttpClient, or the in-memory answers, so there is no second client and no socket
     * offline. The future holds the status and never the body. Completing it exceptionally (a timeout, a cancel) gives
     * the exchange up, which closes its connection.
     */
    public CompletableFuture<Integer> sendElsewhere(HttpRequest request) {
        CompletableFuture<SalesforceTransport.Reply> reply;
        try {
            reply = transport.send(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Integer> status = reply.thenApply(SalesforceTransport.Reply::status);
        status.whenComplete((code, error) -> {
            if (error != null) {
                reply.cancel(true);
            }
        });
        return status;
    }

    /** The clock the skill reads "today" from (in the user's zone). */
    public Clock clock() {
        return clock;
    }

    /** The one JSON mapper of the execution environment (numbers as BigDecimal). */
    public ObjectMapper json() {
        return json;
    }
}
