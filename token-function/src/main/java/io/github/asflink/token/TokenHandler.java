package io.github.asflink.token;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Alexa's Access Token URI, behind an API Gateway HTTP API. A stream handler on purpose: reading the event with Gson
 * skips the runtime's conversion into the events POJO, a large part of a cold start.
 */
public final class TokenHandler implements RequestStreamHandler {

    private final TokenConfig config;
    private final TokenExchange exchange;

    /** What Lambda calls: configuration from the function's environment, read once per execution environment. */
    public TokenHandler() {
        this(TokenConfig.fromEnvironment(System.getenv()), true);
    }

    /** For the local runner, which runs the function in-process with the environment from {@code template.yaml}. */
    public TokenHandler(Map<String, String> environment) {
        this(TokenConfig.fromEnvironment(environment), false);
    }

    /** Only the instance Lambda creates registers the SnapStart hook; in-process copies need none. */
    private TokenHandler(TokenConfig config, boolean primeBeforeSnapshot) {
        this(config, JdkHttpTransport.SHARED);
        if (primeBeforeSnapshot) {
            SnapStartPriming.register(config);
        }
    }

    TokenHandler(TokenConfig config, SalesforceTransport transport) {
        this.config = config;
        this.exchange = new TokenExchange(config, transport);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long start = System.nanoTime();
        String apiRequestId = null;
        TokenExchange.Result result;
        try {
            HttpApiRequest request = HttpApiRequest.read(input);
            apiRequestId = request.requestId();
            // Never wait for Salesforce past Lambda's own timeout: the caller would get a bare 503 and the log no line.
            result = exchange.handle(request, config.salesforceBudget(context.getRemainingTimeInMillis()));
        } catch (IOException e) {
            TokenError error = TokenError.invalidRequest("the request is not an HTTP API payload 2.0 event");
            result = TokenExchange.Result.failure(error, error.description());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            TokenError error = TokenError.temporarilyUnavailable(503, "the token endpoint is shutting down");
            result = TokenExchange.Result.failure(error, error.description());
        } catch (RuntimeException e) {
            // Never the message: it could quote input. The class is enough to find the bug.
            result = TokenExchange.Result.failure(TokenError.internal(), e.getClass().getName());
        }
        result.response().writeTo(output);
        AccessLog.write(context.getLogger(), context.getAwsRequestId(), apiRequestId, result,
                (System.nanoTime() - start) / 1_000_000, config.allowedClients().any());
    }
}
