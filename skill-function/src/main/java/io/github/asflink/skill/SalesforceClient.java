package io.github.asflink.skill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asflink.linkedtoken.LinkedToken;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Salesforce calls the skill makes, for one request's linked user. Every method returns a typed
 * {@link SalesforceResult}; nothing here throws for a Salesforce problem. The access token goes into the
 * {@code Authorization} header and nowhere else: not into a result, a failure or a log field.
 */
final class SalesforceClient {

    private final LinkedToken token;
    private final SkillConfig config;
    private final SalesforceTransport transport;
    private final ObjectMapper json;
    private final Turn turn;

    SalesforceClient(LinkedToken token, SkillConfig config, SalesforceTransport transport, ObjectMapper json,
                     Turn turn) {
        this.token = token;
        this.config = config;
        this.transport = transport;
        this.json = json;
        this.turn = turn;
    }

    /** {@code GET /services/oauth2/userinfo}: who the linked user is. */
    SalesforceResult<SalesforceUser> user() {
        long start = System.nanoTime();
        SalesforceResult<JsonNode> answer = await(send(get("/services/oauth2/userinfo"), 200));
        turn.salesforce(1, elapsedMs(start));
        return read(answer, SalesforceAnswers::user);
    }

    /** The user's open opportunities, the earliest close date first. */
    SalesforceResult<Pipeline> pipeline(String userId) {
        String soql = "SELECT Id, Name, Amount, CloseDate FROM Opportunity WHERE OwnerId = " + Soql.string(userId)
                + " AND IsClosed = false ORDER BY CloseDate ASC NULLS LAST LIMIT 2000";
        long start = System.nanoTime();
        SalesforceResult<JsonNode> answer = await(send(query(soql), 200));
        turn.salesforce(1, elapsedMs(start));
        return read(answer, SalesforceAnswers::pipeline);
    }

    /** How many open cases the user owns and the top three by priority: two independent queries, in parallel. */
    SalesforceResult<OpenCases> openCases(String userId) {
        String owned = "FROM Case WHERE OwnerId = " + Soql.string(userId) + " AND IsClosed = false";
        long start = System.nanoTime();
        CompletableFuture<SalesforceResult<JsonNode>> count = send(query("SELECT COUNT() " + owned), 200);
        CompletableFuture<SalesforceResult<JsonNode>> top = send(query(
                "SELECT Id, CaseNumber, Subject, Priority, Status " + owned
                        + " ORDER BY Priority ASC NULLS LAST, CaseNumber ASC LIMIT 3"), 200);
        SalesforceResult<JsonNode> countAnswer = await(count);
        SalesforceResult<JsonNode> topAnswer = await(top);
        turn.salesforce(2, elapsedMs(start));
        return read(countAnswer, SalesforceAnswers::count)
                .then(total -> read(topAnswer, SalesforceAnswers::cases)
                        .then(cases -> new SalesforceResult.Success<>(new OpenCases(total, cases))));
    }

    /** {@code POST /sobjects/Task}: a not-started task owned by the user; the result is the new Task's id. */
    SalesforceResult<String> createTask(String ownerId, TaskDraft draft) {
        ObjectNode body = json.createObjectNode()
                .put("Subject", draft.subject())
                .put("ActivityDate", draft.due().toString())
                .put("OwnerId", ownerId)
                .put("Status", "Not Started")
                .put("Priority", "Normal");
        HttpRequest request;
        try {
            request = request(dataPath("/sobjects/Task"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Task body not serializable", e);
        }
        long start = System.nanoTime();
        SalesforceResult<JsonNode> answer = await(send(request, 201));
        turn.salesforce(1, elapsedMs(start));
        return read(answer, SalesforceAnswers::createdId, 201);
    }

    private HttpRequest query(String soql) {
        String encoded = URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20");
        return get(dataPath("/query") + "?q=" + encoded);
    }

    private String dataPath(String path) {
        return "/services/data/" + config.apiPathVersion() + path;
    }

    private HttpRequest get(String pathAndQuery) {
        return request(pathAndQuery).GET().build();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(token.instanceBase() + pathAndQuery))
                .timeout(config.salesforceTimeout())
                .header("Authorization", "Bearer " + token.salesforceAccessToken())
                .header("Accept", "application/json");
    }

    /** Sends and classifies; never completes exceptionally. */
    private CompletableFuture<SalesforceResult<JsonNode>> send(HttpRequest request, int expectedStatus) {
        Duration timeout = config.salesforceTimeout();
        CompletableFuture<SalesforceTransport.Reply> reply;
        try {
            reply = transport.send(request);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((answer, error) -> error == null ? classify(answer, expectedStatus) : failure(error));
    }

    private SalesforceResult<JsonNode> classify(SalesforceTransport.Reply reply, int expectedStatus) {
        int status = reply.status();
        if (status == expectedStatus) {
            try {
                return new SalesforceResult.Success<>(json.readTree(reply.body()));
            } catch (JsonProcessingException | RuntimeException e) {
                return failed(new SalesforceFailure.UnexpectedAnswer(status, "body is not JSON"));
            }
        }
        String errorCode = errorCode(reply.body());
        if (status == 401) {
            return failed(new SalesforceFailure.SessionInvalid(errorCode));
        }
        if (status >= 500 || status == 429) {
            return failed(new SalesforceFailure.Unavailable(status, errorCode));
        }
        if (status >= 400) {
            return failed(new SalesforceFailure.Rejected(status, errorCode));
        }
        return failed(new SalesforceFailure.UnexpectedAnswer(status, "unexpected status"));
    }

    private String errorCode(String body) {
        try {
            return body == null || body.isBlank() ? "" : SalesforceAnswers.errorCode(json.readTree(body));
        } catch (JsonProcessingException | RuntimeException e) {
            return "";
        }
    }

    private static SalesforceResult<JsonNode> failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return failed(new SalesforceFailure.TimedOut());
        }
        return failed(new SalesforceFailure.Unreachable(cause.getClass().getName()));
    }

    private static <T> SalesforceResult<T> failed(SalesforceFailure failure) {
        return new SalesforceResult.Failure<>(failure);
    }

    private static SalesforceResult<JsonNode> await(CompletableFuture<SalesforceResult<JsonNode>> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(new SalesforceFailure.TimedOut());
        } catch (ExecutionException e) {
            return failure(e.getCause());
        }
    }

    private static <T> SalesforceResult<T> read(SalesforceResult<JsonNode> answer, Reader<T> reader) {
        return read(answer, reader, 200);
    }

    private static <T> SalesforceResult<T> read(SalesforceResult<JsonNode> answer, Reader<T> reader, int status) {
        return answer.then(body -> {
            try {
                return new SalesforceResult.Success<>(reader.read(body));
            } catch (SalesforceAnswers.Unreadable e) {
                return failed(new SalesforceFailure.UnexpectedAnswer(status, e.getMessage()));
            }
        });
    }

    private static long elapsedMs(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonNode body) throws SalesforceAnswers.Unreadable;
    }

    @Override
    public String toString() {
        return "SalesforceClient[" + token + "]";
    }
}
