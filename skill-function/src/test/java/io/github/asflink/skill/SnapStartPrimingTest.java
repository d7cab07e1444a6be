package io.github.asflink.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SnapStart hooks, called directly as Lambda's runtime would before the snapshot and after a restore. */
class SnapStartPrimingTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(SkillConfig.SKILL_ID, SkillInvocation.SKILL_ID);

    @Test
    void primingRunsTheRealRequestPathInMemory() throws IOException {
        SnapStartPriming priming = new SnapStartPriming(() -> ENVIRONMENT);

        List<String> responses = priming.prime();

        assertEquals(13, responses.size());
        JsonNode unlinked = SkillInvocation.JSON.readTree(responses.get(0)).path("response");
        assertEquals("LinkAccount", unlinked.path("card").path("type").asText());
        JsonNode linked = SkillInvocation.JSON.readTree(responses.get(1)).path("response");
        assertTrue(linked.path("outputSpeech").path("ssml").asText().startsWith("<speak>Hi Priming."),
                linked.toString());
        // The single-currency path: the multi-currency form refused, the single-currency one, the org's currency.
        assertTrue(ssml(responses.get(2)).contains("one open opportunity: Priming, for $1,000.50"), responses.get(2));
        assertTrue(ssml(responses.get(3)).contains("one open case"), responses.get(3));
        assertTrue(ssml(responses.get(4)).startsWith("<speak>Okay. I added a task to priming"), responses.get(4));
        // The dead-token path, with the identity service's real 403 text.
        JsonNode dead = SkillInvocation.JSON.readTree(responses.get(5)).path("response");
        assertEquals(SkillInvocation.speak(Spoken.RELINK_ACCOUNT), dead.path("outputSpeech").path("ssml").asText());
        assertEquals("LinkAccount", dead.path("card").path("type").asText());
        assertTrue(ssml(responses.get(6)).contains("at 10 AM, Priming; and a task: Priming, high priority"),
                responses.get(6));
        // The deal by name, in its single-currency form after the multi-currency one was refused.
        assertTrue(ssml(responses.get(7)).startsWith("<speak>Priming is in Prospecting, worth $1,000.50"),
                responses.get(7));
        // Both turns of the writes: each asks, then each is saved.
        assertTrue(ssml(responses.get(8)).contains("Move Priming from Prospecting to Qualification?"),
                responses.get(8));
        assertTrue(ssml(responses.get(9)).startsWith("<speak>Done. Priming is now in Qualification."),
                responses.get(9));
        assertTrue(ssml(responses.get(10)).contains("Log a call with Priming: priming?"), responses.get(10));
        assertTrue(ssml(responses.get(11)).startsWith("<speak>Logged your call with Priming."), responses.get(11));
        // The pipeline on a screen: the same speech, and the APL list.
        assertEquals(ssml(responses.get(2)), ssml(responses.get(12)));
        assertEquals("Alexa.Presentation.APL.RenderDocument", SkillInvocation.JSON.readTree(responses.get(12))
                .path("response").path("directives").path(0).path("type").asText(), responses.get(12));
    }

    @Test
    void primingNeedsTheConfiguredSkillId() {
        SnapStartPriming priming = new SnapStartPriming(Map::of);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, priming::prime);

        assertTrue(e.getMessage().startsWith(SkillConfig.SKILL_ID), e.getMessage());
    }

    private static String ssml(String response) throws IOException {
        return SkillInvocation.JSON.readTree(response).path("response").path("outputSpeech").path("ssml").asText();
    }

    @Test
    void primingHonoursAConfiguredSkillIdAndAnAllowListWithoutTheDefaults() throws IOException {
        SnapStartPriming priming = new SnapStartPriming(() -> Map.of(
                SkillConfig.SKILL_ID, SkillInvocation.SKILL_ID,
                SkillConfig.INSTANCE_URL_ALLOWLIST, "https://acme.my.salesforce.com"));

        List<String> responses = priming.prime();

        assertTrue(SkillInvocation.JSON.readTree(responses.get(1)).path("response").path("outputSpeech")
                .path("ssml").asText().startsWith("<speak>Hi Priming."), responses.get(1));
    }

    @Test
    void hooksRunWithoutACracRuntime() throws Exception {
        SnapStartPriming priming = new SnapStartPriming(() -> ENVIRONMENT);

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);
    }

    @Test
    void theHandlerRegistersTheHookInItsStaticInit() {
        // Loading the handler class runs SnapStartPriming.register() against org.crac's global context, which on a
        // JVM without CRaC accepts the resource and never calls it.
        new SkillHandler(ENVIRONMENT);
    }
}
