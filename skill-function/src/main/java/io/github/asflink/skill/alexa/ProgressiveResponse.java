package io.github.asflink.skill.alexa;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.model.interfaces.system.SystemState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asflink.skill.Turn;
import io.github.asflink.skill.salesforce.RequestBudget;
import io.github.asflink.skill.salesforce.Salesforce;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Alexa's progressive response: a short "let me check" Alexa speaks while the skill still waits for Salesforce
 * ({@code POST <apiEndpoint>/v1/directives} with a {@code VoicePlayer.Speak} directive, authorised by the request's
 * {@code apiAccessToken}). It goes out alongside the Salesforce calls, bounded by {@link #LIMIT} and by what is left
 * of the request, and is given up when the answer is ready first. It never changes the answer: its outcome only
 * reaches the log line's {@code progressive} field. The apiAccessToken goes into the Authorization header and
 * nowhere else; no exception, status body or address of this exchange is kept.
 */
public final class ProgressiveResponse {

    /** The longest a progressive response may take: any later and it would barely precede the answer. */
    static final Duration LIMIT = Duration.ofSeconds(1);

    /** The log line's {@code progressive} values. */
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String TIMED_OUT = "timed_out";
    static final String NOT_SENT = "not_sent";

    private static final String STARTED = ProgressiveResponse.class.getName();
    private static final Pattern LOOPBACK = Pattern.compile("localhost|127(\\.[0-9]{1,3}){3}|\\[::1]");

    private final DirectiveChannel channel;
    private final ObjectMapper json;

    ProgressiveResponse(DirectiveChannel channel, ObjectMapper json) {
        this.channel = channel;
        this.json = json;
    }

    /** Through the transport Salesforce calls use: the one HttpClient, or the in-memory answers offline. */
    public static ProgressiveResponse through(Salesforce salesforce) {
        return new ProgressiveResponse(salesforce::sendElsewhere, salesforce.json());
    }

    /**
     * Starts the progressive response and returns at once. Call it right before a turn's Salesforce calls, and only
     * on turns that make them. One per request: a second call does nothing. Never throws.
     */
    public void announce(HandlerInput input, Announcement announcement) {
        if (input.getAttributesManager().getRequestAttributes().putIfAbsent(STARTED, Boolean.TRUE) != null) {
            return;
        }
        Supplier<String> outcome;
        try {
            outcome = start(input, announcement);
        } catch (RuntimeException e) {
            outcome = () -> FAILED;
        }
        Turn.of(input).progressive(outcome);
    }

    /** The outcome, for the log line; asking for it gives up a progressive response still in flight. */
    Supplier<String> start(HandlerInput input, Announcement announcement) {
        RequestEnvelope envelope = input.getRequestEnvelope();
        SystemState system = envelope.getContext() == null ? null : envelope.getContext().getSystem();
        String requestId = envelope.getRequest() == null ? null : envelope.getRequest().getRequestId();
        URI endpoint = system == null ? null : directives(system.getApiEndpoint());
        String token = system == null ? null : system.getApiAccessToken();
        Duration bound = RequestBudget.of(input.getContext()).bound(LIMIT);
        if (endpoint == null || token == null || token.isBlank() || requestId == null || bound.toMillis() <= 0) {
            return () -> NOT_SENT;
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(endpoint)
                    .timeout(bound)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(requestId, announcement)))
                    .build();
        } catch (IllegalArgumentException e) {
            // A token no header can carry (a line break); the exception may quote it, so it is dropped unread.
            return () -> NOT_SENT;
        }
        CompletableFuture<Integer> status;
        try {
            status = channel.post(request).orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return () -> FAILED;
        }
        CompletableFuture<String> outcome = status.handle(ProgressiveResponse::outcome);
        return () -> {
            status.cancel(true);
            return outcome.join();
        };
    }

    private String body(String requestId, Announcement announcement) {
        ObjectNode body = json.createObjectNode();
        body.putObject("header").put("requestId", requestId);
        body.putObject("directive").put("type", "VoicePlayer.Speak").put("speech", announcement.ssml());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("directive body not serializable");
        }
    }

    /** Alexa answers 204; a cancel is the answer having been ready first. */
    private static String outcome(Integer status, Throwable error) {
        if (error == null) {
            return status != null && status >= 200 && status < 300 ? SENT : FAILED;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof TimeoutException || cause instanceof HttpTimeoutException
                || cause instanceof CancellationException ? TIMED_OUT : FAILED;
    }

    /**
     * {@code <apiEndpoint>/v1/directives}; null for an endpoint that must not get the token. Only an origin is
     * accepted (no path, query or user info), over HTTPS, or over plain HTTP to this machine (a local stand-in).
     */
    static URI directives(String apiEndpoint) {
        if (apiEndpoint == null) {
            return null;
        }
        URI origin;
        try {
            origin = new URI(apiEndpoint);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = origin.getScheme() == null ? "" : origin.getScheme().toLowerCase(Locale.ROOT);
        String host = origin.getHost();
        String path = origin.getRawPath();
        if (host == null || origin.getRawUserInfo() != null || origin.getRawQuery() != null
                || origin.getRawFragment() != null || !(path == null || path.isEmpty() || path.equals("/"))) {
            return null;
        }
        boolean allowed = scheme.equals("https")
                || scheme.equals("http") && LOOPBACK.matcher(host.toLowerCase(Locale.ROOT)).matches();
        return allowed ? URI.create(scheme + "://" + origin.getRawAuthority() + "/v1/directives") : null;
    }
}
