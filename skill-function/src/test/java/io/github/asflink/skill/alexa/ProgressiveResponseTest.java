package io.github.asflink.skill.alexa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.asflink.skill.alexa.Envelopes.ALEXA_TOKEN;
import static io.github.asflink.skill.alexa.Envelopes.REQUEST_ID;
import static io.github.asflink.skill.alexa.Envelopes.envelope;
import static io.github.asflink.skill.alexa.Envelopes.input;
import static io.github.asflink.skill.alexa.Envelopes.remaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.asflink.linkedtoken.InstanceUrlPolicy;
import io.github.asflink.skill.salesforce.Salesforce;
import io.github.asflink.skill.salesforce.SalesforceSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The progressive response against a stand-in of Alexa's directive service on loopback, through the skill's real
 * transport: the exact request, each way it can end, and that it never holds up the turn.
 */
@WireMockTest
class ProgressiveResponseTest {

    private static final String DIRECTIVES = "/v1/directives";

    /** What the channel was handed and how each exchange ended, so a test settles only after the answer is in. */
    private final List<HttpRequest> sent = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Integer>> exchanges = new CopyOnWriteArrayList<>();
    private final Salesforce salesforce = Salesforce.overHttp(
            new SalesforceSettings("v67.0", Duration.ofSeconds(3), InstanceUrlPolicy.parse("default")),
            Clock.systemUTC());
    private final ProgressiveResponse progress = new ProgressiveResponse(request -> {
        sent.add(request);
        CompletableFuture<Integer> exchange = salesforce.sendElsewhere(request);
        exchanges.add(exchange);
        return exchange;
    }, Envelopes.JSON);

    /** The execution environment's HttpClient is built on first use (SnapStart builds it before the snapshot). */
    @BeforeEach
    void buildTheHttpClient(WireMockRuntimeInfo alexa) throws Exception {
        salesforce.sendElsewhere(HttpRequest.newBuilder(URI.create(alexa.getHttpBaseUrl() + "/warm-up")).build())
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void postsVoicePlayerSpeakWithTheRequestIdToTheApiEndpointWithItsToken(WireMockRuntimeInfo alexa)
            throws Exception {
        stubFor(post(urlEqualTo(DIRECTIVES)).willReturn(aResponse().withStatus(204)));

        Supplier<String> outcome = progress.start(inputFor(alexa), Announcement.CHECKING);

        assertEquals(ProgressiveResponse.SENT, settled(outcome));
        verify(1, postRequestedFor(urlEqualTo(DIRECTIVES))
                .withHeader("Authorization", equalTo("Bearer " + ALEXA_TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"header":{"requestId":"%s"},
                         "directive":{"type":"VoicePlayer.Speak","speech":"<speak>Let me check Salesforce.</speak>"}}
                        """.formatted(REQUEST_ID))));
    }

    @Test
    void anUpdateAnnouncesTheUpdate(WireMockRuntimeInfo alexa) throws Exception {
        stubFor(post(urlEqualTo(DIRECTIVES)).willReturn(aResponse().withStatus(204)));

        assertEquals(ProgressiveResponse.SENT, settled(progress.start(inputFor(alexa), Announcement.UPDATING)));
        verify(postRequestedFor(urlEqualTo(DIRECTIVES)).withRequestBody(equalToJson("""
                {"header":{"requestId":"%s"},
                 "directive":{"type":"VoicePlayer.Speak",
                              "speech":"<speak>One moment, I'm updating Salesforce.</speak>"}}
                """.formatted(REQUEST_ID))));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 202})
    void anyAcceptanceIsSent(int status, WireMockRuntimeInfo alexa) throws Exception {
        stubFor(post(urlEqualTo(DIRECTIVES)).willReturn(aResponse().withStatus(status)));

        assertEquals(ProgressiveResponse.SENT, settled(progress.start(inputFor(alexa), Announcement.CHECKING)));
    }

    @Test
    void aChannelThatThrowsIsFailed(WireMockRuntimeInfo alexa) {
        ProgressiveResponse broken = new ProgressiveResponse(request -> {
            throw new IllegalStateException("the transport is shut");
        }, Envelopes.JSON);

        assertEquals(ProgressiveResponse.FAILED, broken.start(inputFor(alexa), Announcement.CHECKING).get());
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 400, 401, 403, 429, 500, 503})
    void aRefusalOrAnOutageIsFailed(int status, WireMockRuntimeInfo alexa) throws Exception {
        stubFor(post(urlEqualTo(DIRECTIVES)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"INVALID_DIRECTIVE\",\"message\":\"Bearer " + ALEXA_TOKEN + "\"}")));

        assertEquals(ProgressiveResponse.FAILED, settled(progress.start(inputFor(alexa), Announcement.CHECKING)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void aBrokenConnectionIsFailed(Fault fault, WireMockRuntimeInfo alexa) throws Exception {
        stubFor(post(urlEqualTo(DIRECTIVES)).willReturn(aResponse().withFault(fault)));

        assertEquals(ProgressiveResponse.FAILED, settled(progress.start(inputFor(alexa), Announcement.CHECKING)));
    }

    @Test
    void anUnreachableEndpointIsFailed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HandlerInput input = input(envelope("http://127.0.0.1:" + closedPort, ALEXA_TOKEN, null), remaining(7000));

        assertEquals(ProgressiveResponse.FAILED, settled(progress.start(input, Announcement.CHECKING)));
    }

    @Test
    void returnsAtOnceAndIsGivenUpWhenTheAnswerIsReadyFirst(WireMockRuntimeInfo alexa) {
        stubFor(post(urlEqualTo(DIRECTIVES)).willReturn(aResponse().withStatus(204).withFixedDelay(3000)));
        long start = System.nanoTime();

        Supplier<String> outcome = progress.start(inputFor(alexa), Announcement.CHECKING);
        long startedMs = elapsedMs(start);
        String settled = outcome.get();
        long settledMs = elapsedMs(start);

        assertTrue(startedMs < 300, "announcing took " + startedMs + " ms");
        assertEquals(ProgressiveResponse.TIMED_OUT, settled);
        assertTrue(settledMs < 400, "settling took " + settledMs + " ms");
        // Cancelled here or, through the HttpClient's own future, upstream first (then it arrives wrapped).
        Throwable ended = exchanges.getFirst().handle((status, error) -> error).join();
        assertInstanceOf(CancellationException.class, ended instanceof CompletionException ? ended.getCause() : ended,
                "the exchange was left running");
    }

    @Test
    void aSlowEndpointTimesOutAfterOneSecond(WireMockRuntimeInfo alexa) throws Exception {
        stubFor(post(urlEqualTo(DIRECTIVES)).willReturn(aResponse().withStatus(204).withFixedDelay(3000)));
        long start = System.nanoTime();

        Supplier<String> outcome = progress.start(inputFor(alexa), Announcement.CHECKING);
        String settled = settled(outcome);

        long elapsedMs = elapsedMs(start);
        assertEquals(ProgressiveResponse.TIMED_OUT, settled);
        assertTrue(elapsedMs >= 950 && elapsedMs < 2000, "timed out after " + elapsedMs + " ms");
        assertEquals(Duration.ofSeconds(1), sent.getFirst().timeout().orElseThrow());
    }

    @Test
    void neverOutlastsTheRequestsRemainingTime(WireMockRuntimeInfo alexa) throws Exception {
        stubFor(post(urlEqualTo(DIRECTIVES)).willReturn(aResponse().withStatus(204).withFixedDelay(3000)));
        // 700 ms left, less the 500 ms kept for the answer: 200 ms for the progressive response.
        HandlerInput input = input(envelope(alexa.getHttpBaseUrl(), ALEXA_TOKEN, null), remaining(700));
        long start = System.nanoTime();

        String settled = settled(progress.start(input, Announcement.CHECKING));

        long elapsedMs = elapsedMs(start);
        assertEquals(ProgressiveResponse.TIMED_OUT, settled);
        assertTrue(sent.getFirst().timeout().orElseThrow().toMillis() <= 200);
        assertTrue(elapsedMs < 800, "timed out after " + elapsedMs + " ms");
    }

    @Test
    void aSpentBudgetSendsNothing(WireMockRuntimeInfo alexa) {
        HandlerInput input = input(envelope(alexa.getHttpBaseUrl(), ALEXA_TOKEN, null), remaining(400));

        assertEquals(ProgressiveResponse.NOT_SENT, progress.start(input, Announcement.CHECKING).get());
        assertTrue(sent.isEmpty());
    }

    @Test
    void withoutAnApiEndpointOrTokenNothingIsSent(WireMockRuntimeInfo alexa) {
        String origin = alexa.getHttpBaseUrl();
        for (HandlerInput input : List.of(
                input(envelope(null, ALEXA_TOKEN, null), remaining(7000)),
                input(envelope(origin, null, null), remaining(7000)),
                input(envelope(origin, " ", null), remaining(7000)),
                input(envelope("http://alexa.example.com", ALEXA_TOKEN, null), remaining(7000)),
                input(envelope(origin, "token\r\nX-Injected: yes", null), remaining(7000)))) {
            assertEquals(ProgressiveResponse.NOT_SENT, progress.start(input, Announcement.CHECKING).get());
        }
        assertTrue(sent.isEmpty());
        assertTrue(findAll(postRequestedFor(urlEqualTo(DIRECTIVES))).isEmpty());
    }

    @Test
    void theTokenIsInNoExceptionNorToStringOfTheExchange(WireMockRuntimeInfo alexa) throws Exception {
        stubFor(post(urlEqualTo(DIRECTIVES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        settled(progress.start(inputFor(alexa), Announcement.CHECKING));

        assertFalse(sent.getFirst().toString().contains(ALEXA_TOKEN));
        Throwable failure = exchanges.getFirst().handle((status, error) -> error).get();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertFalse(String.valueOf(cause.getMessage()).contains(ALEXA_TOKEN), cause.toString());
        }
    }

    @Test
    void onlyAnOriginOverHttpsOrALoopbackStandInGetsTheToken() {
        assertEquals(URI.create("https://api.amazonalexa.com/v1/directives"),
                ProgressiveResponse.directives("https://api.amazonalexa.com"));
        assertEquals(URI.create("https://api.eu.amazonalexa.com/v1/directives"),
                ProgressiveResponse.directives("https://api.eu.amazonalexa.com/"));
        assertEquals(URI.create("http://127.0.0.1:8443/v1/directives"),
                ProgressiveResponse.directives("http://127.0.0.1:8443"));
        assertEquals(URI.create("http://localhost:3000/v1/directives"),
                ProgressiveResponse.directives("HTTP://LOCALHOST:3000"));
        assertEquals(URI.create("http://[::1]:3000/v1/directives"),
                ProgressiveResponse.directives("http://[::1]:3000"));
        for (String refused : new String[] {null, "", "api.amazonalexa.com", "http://api.amazonalexa.com",
            "http://10.0.0.1", "http://127.0.0.1.example.com", "ftp://api.amazonalexa.com",
            "https://api.amazonalexa.com/v1", "https://user@api.amazonalexa.com", "https://api.amazonalexa.com?x=1",
            "https://api.amazonalexa.com#x", "https://exa mple.com", "https:///v1"}) {
            assertNull(ProgressiveResponse.directives(refused), refused);
        }
    }

    @Test
    void theAnnouncementsAreShortFixedSsml() {
        for (Announcement announcement : Announcement.values()) {
            assertTrue(announcement.ssml().startsWith("<speak>") && announcement.ssml().endsWith("</speak>"));
            assertTrue(announcement.ssml().length() <= 600, announcement.name());
        }
    }

    private static HandlerInput inputFor(WireMockRuntimeInfo alexa) {
        return input(envelope(alexa.getHttpBaseUrl(), ALEXA_TOKEN, null), remaining(7000));
    }

    /** The outcome once the exchange has ended by itself (answered, failed, or out of its bound). */
    private String settled(Supplier<String> outcome) throws Exception {
        for (CompletableFuture<Integer> exchange : exchanges) {
            exchange.handle((status, error) -> status).get(5, TimeUnit.SECONDS);
        }
        return outcome.get();
    }

    private static long elapsedMs(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
