package io.github.asflink.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SnapStart hooks, called directly as Lambda's runtime would before the snapshot and after a restore. */
class SnapStartPrimingTest {

    @Test
    void primingRunsTheRealRequestPathInMemory() throws IOException {
        SnapStartPriming priming = new SnapStartPriming(Map::of);

        List<String> responses = priming.prime();

        assertEquals(4, responses.size());
        JsonNode unlinked = SkillInvocation.JSON.readTree(responses.get(0)).path("response");
        assertEquals("LinkAccount", unlinked.path("card").path("type").asText());
        JsonNode linked = SkillInvocation.JSON.readTree(responses.get(1)).path("response");
        assertTrue(linked.path("outputSpeech").path("ssml").asText().startsWith("<speak>Hi Priming."),
                linked.toString());
        assertTrue(SkillInvocation.JSON.readTree(responses.get(2)).path("response").path("outputSpeech")
                .path("ssml").asText().contains("one open opportunity"), responses.get(2));
        assertTrue(SkillInvocation.JSON.readTree(responses.get(3)).path("response").path("outputSpeech")
                .path("ssml").asText().contains("one open case"), responses.get(3));
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
        SnapStartPriming priming = new SnapStartPriming(Map::of);

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);
    }

    @Test
    void theHandlerRegistersTheHookInItsStaticInit() {
        // Loading the handler class runs SnapStartPriming.register() against org.crac's global context, which on a
        // JVM without CRaC accepts the resource and never calls it.
        new SkillHandler(Map.of());
    }
}
