package io.github.asflink.token;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The token function with its Salesforce exchange answered in memory: the supported way for a tool (the benchmark)
 * to run the real handler without a network. Everything else is the deployed code path: the same configuration,
 * parsing, answer classification, token linking and log line.
 */
public final class OfflineHandler {

    private OfflineHandler() {
    }

    /**
     * @param environment the function's environment variables, as Lambda would pass them
     * @param salesforce  answers each request the function would send Salesforce (the form POST as built for the
     *                    network) with an HTTP status and a body; the body is read as {@code application/json}
     * @return the real {@link TokenHandler}, bytes in and bytes out as Lambda invokes it
     * @throws IllegalStateException when the environment is not a valid configuration, as at a real start
     */
    public static RequestStreamHandler create(Map<String, String> environment,
            Function<HttpRequest, Map.Entry<Integer, String>> salesforce) {
        Objects.requireNonNull(salesforce, "salesforce");
        TokenConfig config = TokenConfig.fromEnvironment(environment);
        SalesforceTransport inMemory = (endpoint, formBody, timeout) -> {
            Map.Entry<Integer, String> answer = salesforce.apply(JdkHttpTransport.request(endpoint, formBody, timeout));
            return new SalesforceTransport.Reply(answer.getKey(), answer.getValue());
        };
        return new TokenHandler(config, inMemory);
    }
}
