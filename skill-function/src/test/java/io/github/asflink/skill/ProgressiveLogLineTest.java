package io.github.asflink.skill;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.util.JacksonSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.asflink.skill.alexa.Announcement;
import io.github.asflink.skill.alexa.ProgressiveResponse;
import io.github.asflink.skill.salesforce.Salesforce;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progressive response's outcome reaches the request's one log line, and Alexa's token does not. */
@WireMockTest
class ProgressiveLogLineTest {

    private static final String ALEXA_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.LOG-LINE-SECRET.SIG";

    private final Salesforce salesforce = Salesforce.overHttp(SkillConfig.fromEnvironment(Map.of(
            SkillConfig.SKILL_ID, SkillInvocation.SKILL_ID)).salesforceSettings(), Clock.systemUTC());
    private final ProgressiveResponse progress = ProgressiveResponse.through(salesforce);
    private final TurnLog log = new TurnLog(salesforce.json());

    @Test
    void aProgressiveResponseStillInFlightWhenTheAnswerIsReadyIsLoggedTimedOut(WireMockRuntimeInfo alexa)
            throws IOException, InterruptedException {
        stubFor(post(urlEqualTo("/v1/directives")).willReturn(aResponse().withStatus(204).withFixedDelay(3000)));
        CapturingContext context = new CapturingContext("c0ffee00-0000-4000-8000-000000000003");
        HandlerInput input = input(alexa.getHttpBaseUrl(), ALEXA_TOKEN, context);

        progress.announce(input, Announcement.CHECKING);
        progress.announce(input, Announcement.UPDATING);
        awaitDirectiveRequest();
        log.write(input);

        JsonNode line = line(context);
        assertEquals("timed_out", line.path("progressive").asText());
        assertEquals("INFO", line.path("level").asText(), "a progressive response never makes the answer a warning");
        assertEquals(1, findAll(postRequestedFor(urlEqualTo("/v1/directives"))).size(), "one per request");
        SkillInvocation.assertNoSecretLogged(SkillInvocation.JSON.readTree("{}"), context.allText());
        assertFalse(context.allText().contains(ALEXA_TOKEN));
    }

    @Test
    void withoutAnAlexaTokenNothingIsSentAndTheLineSaysSo(WireMockRuntimeInfo alexa) throws IOException {
        CapturingContext context = new CapturingContext("c0ffee00-0000-4000-8000-000000000004");
        HandlerInput input = input(alexa.getHttpBaseUrl(), null, context);

        progress.announce(input, Announcement.CHECKING);
        log.write(input);

        assertEquals("not_sent", line(context).path("progressive").asText());
        assertEquals(0, findAll(postRequestedFor(urlEqualTo("/v1/directives"))).size());
    }

    @Test
    void aTurnThatAnnouncesNothingHasNoProgressiveField(WireMockRuntimeInfo alexa) throws IOException {
        CapturingContext context = new CapturingContext("c0ffee00-0000-4000-8000-000000000005");

        log.write(input(alexa.getHttpBaseUrl(), ALEXA_TOKEN, context));

        assertFalse(line(context).has("progressive"));
    }

    private static HandlerInput input(String apiEndpoint, String apiAccessToken, CapturingContext context)
            throws IOException {
        ObjectNode event = SkillInvocation.event("skill-pipeline.json");
        ObjectNode system = (ObjectNode) event.path("context").path("System");
        system.put("apiEndpoint", apiEndpoint);
        if (apiAccessToken == null) {
            system.remove("apiAccessToken");
        } else {
            system.put("apiAccessToken", apiAccessToken);
        }
        RequestEnvelope envelope = new JacksonSerializer().deserialize(SkillInvocation.JSON.writeValueAsString(event),
                RequestEnvelope.class);
        return HandlerInput.builder().withRequestEnvelope(envelope).withContext(context).build();
    }

    /** Until Alexa's stand-in has the request (the HttpClient may still be building on a cold JVM). */
    private static void awaitDirectiveRequest() throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (findAll(postRequestedFor(urlEqualTo("/v1/directives"))).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    private static JsonNode line(CapturingContext context) throws IOException {
        assertEquals(1, context.lines().size());
        return SkillInvocation.JSON.readTree(context.lines().getFirst().text());
    }
}
