package io.github.asflink.skill.salesforce;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Salesforce answered in memory by a function of the request (status, body): SnapStart priming and the offline
 * handler. An exception from the function is a connection that failed.
 */
final class AnsweredTransport implements SalesforceTransport {

    private final Function<HttpRequest, Map.Entry<Integer, String>> answers;

    AnsweredTransport(Function<HttpRequest, Map.Entry<Integer, String>> answers) {
        this.answers = answers;
    }

    @Override
    public CompletableFuture<Reply> send(HttpRequest request) {
        try {
            Map.Entry<Integer, String> answer = answers.apply(request);
            return CompletableFuture.completedFuture(new Reply(answer.getKey(), answer.getValue()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
