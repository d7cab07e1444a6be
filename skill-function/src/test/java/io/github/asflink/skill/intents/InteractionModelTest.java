package io.github.asflink.skill.intents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The interaction model in the repo's {@code skill-package/} and the code agree: the intent names the handlers
 * match, the slots they read, the reminder's confirmation, and Alexa's own rules the console would reject.
 * Skipped when the module is built alone ({@code sam build} copies only this folder).
 */
class InteractionModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PACKAGE = Path.of("..", "skill-package");
    private static final Pattern SLOT = Pattern.compile("\\{([A-Za-z_]+)}");

    private static JsonNode model;
    private static final Map<String, JsonNode> INTENTS = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        Path file = PACKAGE.resolve("interactionModels/custom/en-US.json");
        assumeTrue(Files.isRegularFile(file), "built outside the repo: no skill-package/");
        model = JSON.readTree(file.toFile()).path("interactionModel");
        for (JsonNode intent : model.path("languageModel").path("intents")) {
            INTENTS.put(intent.path("name").asText(), intent);
        }
    }

    @Test
    void hasTheIntentsTheHandlersServe() {
        for (String name : new String[] {PipelineIntentHandler.INTENT, OpenCasesIntentHandler.INTENT,
                CreateReminderIntentHandler.INTENT, "AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent",
                "AMAZON.FallbackIntent", "AMAZON.NavigateHomeIntent"}) {
            assertTrue(INTENTS.containsKey(name), name);
        }
        assertEquals("salesforce link", model.path("languageModel").path("invocationName").asText());
    }

    @Test
    void reminderSlotsAreTheOnesTheHandlerReads() {
        Map<String, String> slots = new HashMap<>();
        INTENTS.get(CreateReminderIntentHandler.INTENT).path("slots")
                .forEach(slot -> slots.put(slot.path("name").asText(), slot.path("type").asText()));

        assertEquals(Map.of(CreateReminderIntentHandler.SUBJECT, "AMAZON.SearchQuery",
                CreateReminderIntentHandler.DATE, "AMAZON.DATE"), slots);
    }

    @Test
    void reminderRequiresIntentConfirmationWithAPromptThatExists() {
        JsonNode dialog = null;
        for (JsonNode intent : model.path("dialog").path("intents")) {
            if (intent.path("name").asText().equals(CreateReminderIntentHandler.INTENT)) {
                dialog = intent;
            }
        }
        assertTrue(dialog != null && dialog.path("confirmationRequired").asBoolean());
        Set<String> promptIds = new HashSet<>();
        model.path("prompts").forEach(prompt -> promptIds.add(prompt.path("id").asText()));
        assertTrue(promptIds.contains(dialog.path("prompts").path("confirmation").asText()));
        for (JsonNode slot : dialog.path("slots")) {
            assertTrue(slot.path("elicitationRequired").asBoolean(), slot.toString());
            assertTrue(promptIds.contains(slot.path("prompts").path("elicitation").asText()), slot.toString());
        }
    }

    @Test
    void samplesUseOnlyDeclaredSlotsAndNeverMixAPhraseSlotWithAnother() {
        for (JsonNode intent : INTENTS.values()) {
            Set<String> declared = new HashSet<>();
            Set<String> phraseSlots = new HashSet<>();
            for (JsonNode slot : intent.path("slots")) {
                declared.add(slot.path("name").asText());
                if (slot.path("type").asText().equals("AMAZON.SearchQuery")) {
                    phraseSlots.add(slot.path("name").asText());
                }
            }
            for (JsonNode sample : intent.path("samples")) {
                Set<String> used = new HashSet<>();
                Matcher matcher = SLOT.matcher(sample.asText());
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
                assertTrue(declared.containsAll(used), sample.asText());
                if (used.stream().anyMatch(phraseSlots::contains)) {
                    assertEquals(1, used.size(), "a phrase slot must be alone: " + sample.asText());
                    assertFalse(sample.asText().matches("\\{[A-Za-z_]+}"), "needs a carrier phrase: " + sample);
                }
            }
        }
    }

    @Test
    void manifestIsACustomSkillWhoseEndpointIsTheAliasPlaceholder() throws IOException {
        JsonNode manifest = JSON.readTree(PACKAGE.resolve("skill.json").toFile()).path("manifest");

        assertEquals("arn:aws:lambda:REGION:ACCOUNT:function:SKILL_FUNCTION:live",
                manifest.path("apis").path("custom").path("endpoint").path("uri").asText());
        assertTrue(manifest.path("publishingInformation").path("locales").has("en-US"));
    }
}
