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
import java.util.Locale;
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
                CreateReminderIntentHandler.INTENT, AgendaIntentHandler.INTENT, DealStatusIntentHandler.INTENT,
                "MoveStageIntent", "LogCallIntent", "AMAZON.HelpIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent",
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
            Map<String, String> declared = slotTypes(intent);
            for (JsonNode sample : intent.path("samples")) {
                assertSlotsAllowed(sample.asText(), declared, intent.path("name").asText());
            }
            for (JsonNode slot : intent.path("slots")) {
                for (JsonNode sample : slot.path("samples")) {
                    assertSlotsAllowed(sample.asText(), declared, intent.path("name").asText());
                    assertTrue(slotsIn(sample.asText()).contains(slot.path("name").asText()),
                            "a slot sample must name its slot: " + sample);
                }
            }
        }
    }

    /**
     * Alexa's rules for a phrase slot (AMAZON.SearchQuery): alone in its utterance, never with another slot, and with
     * words around it (a carrier phrase). Slot samples are held to the same rule.
     */
    private static void assertSlotsAllowed(String sample, Map<String, String> declared, String intent) {
        Set<String> used = slotsIn(sample);
        assertTrue(declared.keySet().containsAll(used), intent + ": undeclared slot in " + sample);
        if (used.stream().anyMatch(slot -> "AMAZON.SearchQuery".equals(declared.get(slot)))) {
            assertEquals(1, used.size(), "a phrase slot must be alone: " + sample);
            assertFalse(sample.matches("\\{[A-Za-z_]+}"), "needs a carrier phrase: " + sample);
        }
    }

    @Test
    void noSampleIsSharedByTwoIntentsOrRepeatedInOne() {
        Map<String, String> owner = new HashMap<>();
        for (JsonNode intent : INTENTS.values()) {
            for (JsonNode sample : intent.path("samples")) {
                String key = sample.asText().toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
                String before = owner.put(key, intent.path("name").asText());
                assertTrue(before == null, "\"" + sample.asText() + "\" in " + before + " and "
                        + intent.path("name").asText());
            }
        }
    }

    @Test
    void samplesAndSlotValuesAreWordsAsSpoken() {
        // Alexa takes letters, spaces, apostrophes and periods (abbreviations); digits, "&" and "/" are spelled out.
        Pattern spoken = Pattern.compile("[A-Za-z][A-Za-z' .]*");
        for (JsonNode intent : INTENTS.values()) {
            intent.path("samples").forEach(sample -> assertTrue(
                    spoken.matcher(SLOT.matcher(sample.asText()).replaceAll("x")).matches(), sample.asText()));
            intent.path("slots").forEach(slot -> slot.path("samples").forEach(sample -> assertTrue(
                    spoken.matcher(SLOT.matcher(sample.asText()).replaceAll("x")).matches(), sample.asText())));
        }
        for (JsonNode type : model.path("languageModel").path("types")) {
            for (JsonNode value : type.path("values")) {
                assertTrue(spoken.matcher(value.path("name").path("value").asText()).matches(), value.toString());
                value.path("name").path("synonyms").forEach(synonym -> assertTrue(
                        spoken.matcher(synonym.asText()).matches(), synonym.asText()));
            }
        }
    }

    @Test
    void everySlotTypeIsBuiltInOrDefinedWithValues() {
        Map<String, JsonNode> types = new HashMap<>();
        model.path("languageModel").path("types").forEach(type -> types.put(type.path("name").asText(), type));
        for (JsonNode intent : INTENTS.values()) {
            for (JsonNode slot : intent.path("slots")) {
                String type = slot.path("type").asText();
                if (!type.startsWith("AMAZON.")) {
                    assertTrue(types.containsKey(type), "no type " + type);
                    assertFalse(types.get(type).path("values").isEmpty(), type + " has no values");
                }
            }
        }
    }

    @Test
    void theDialogNamesOnlyIntentsSlotsAndPromptsThatExist() {
        Map<String, JsonNode> prompts = new HashMap<>();
        model.path("prompts").forEach(prompt -> prompts.put(prompt.path("id").asText(), prompt));
        Set<String> referenced = new HashSet<>();
        for (JsonNode dialog : model.path("dialog").path("intents")) {
            String name = dialog.path("name").asText();
            assertTrue(INTENTS.containsKey(name), "dialog for an unknown intent " + name);
            Map<String, String> slots = slotTypes(INTENTS.get(name));
            if (dialog.path("confirmationRequired").asBoolean()) {
                assertTrue(dialog.path("prompts").has("confirmation"), name + " needs a confirmation prompt");
            }
            dialog.path("prompts").forEach(id -> referenced.add(id.asText()));
            for (JsonNode slot : dialog.path("slots")) {
                String slotName = slot.path("name").asText();
                assertEquals(slots.get(slotName), slot.path("type").asText(), name + "." + slotName);
                if (slot.path("elicitationRequired").asBoolean()) {
                    assertTrue(slot.path("prompts").has("elicitation"), name + "." + slotName + " needs a prompt");
                }
                slot.path("prompts").forEach(id -> referenced.add(id.asText()));
            }
            for (String id : referenced) {
                assertTrue(prompts.containsKey(id), "no prompt " + id);
            }
            dialog.path("prompts").forEach(id -> prompts.get(id.asText()).path("variations")
                    .forEach(variation -> assertTrue(slots.keySet().containsAll(slotsIn(variation.path("value")
                            .asText())), "prompt names a slot " + name + " lacks: " + variation)));
        }
        assertEquals(prompts.keySet(), referenced, "every prompt is used, and only those");
    }

    @Test
    void theNewIntentsHaveTheSlotsTheirHandlersRead() {
        assertEquals(Map.of(AgendaIntentHandler.DAY, "AMAZON.DATE"),
                slotTypes(INTENTS.get(AgendaIntentHandler.INTENT)));
        assertEquals(Map.of(DealStatusIntentHandler.DEAL, "AMAZON.SearchQuery"),
                slotTypes(INTENTS.get(DealStatusIntentHandler.INTENT)));
        assertEquals(Map.of("deal", "DEAL_NAME", "stage", "OPPORTUNITY_STAGE"),
                slotTypes(INTENTS.get("MoveStageIntent")));
        assertEquals(Map.of("target", "CALL_TARGET", "notes", "AMAZON.SearchQuery"),
                slotTypes(INTENTS.get("LogCallIntent")));
    }

    @Test
    void theWriteIntentsConfirmThemselves() {
        // The skill sends Dialog.ElicitSlot and Dialog.ConfirmIntent itself, with the records' names in its speech.
        for (JsonNode dialog : model.path("dialog").path("intents")) {
            String name = dialog.path("name").asText();
            if (Set.of("MoveStageIntent", "LogCallIntent", "DealStatusIntent").contains(name)) {
                assertEquals("SKILL_RESPONSE", dialog.path("delegationStrategy").asText(), name);
            }
        }
    }

    private static Map<String, String> slotTypes(JsonNode intent) {
        Map<String, String> slots = new HashMap<>();
        intent.path("slots").forEach(slot -> slots.put(slot.path("name").asText(), slot.path("type").asText()));
        return slots;
    }

    private static Set<String> slotsIn(String sample) {
        Set<String> used = new HashSet<>();
        Matcher matcher = SLOT.matcher(sample);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        return used;
    }

    @Test
    void manifestIsACustomSkillWhoseEndpointIsTheAliasPlaceholder() throws IOException {
        JsonNode manifest = JSON.readTree(PACKAGE.resolve("skill.json").toFile()).path("manifest");

        assertEquals("arn:aws:lambda:REGION:ACCOUNT:function:SKILL_FUNCTION:live",
                manifest.path("apis").path("custom").path("endpoint").path("uri").asText());
        assertTrue(manifest.path("publishingInformation").path("locales").has("en-US"));
    }

    /** Without the APL interface in the manifest, Alexa never tells the skill a device has a screen. */
    @Test
    void manifestDeclaresTheScreenInterfaceTheListAnswersUse() throws IOException {
        JsonNode interfaces = JSON.readTree(PACKAGE.resolve("skill.json").toFile()).path("manifest").path("apis")
                .path("custom").path("interfaces");

        assertEquals(1, interfaces.size());
        assertEquals("ALEXA_PRESENTATION_APL", interfaces.get(0).path("type").asText());
        assertTrue(interfaces.get(0).path("supportedViewports").size() > 0, "the viewports the list is laid out for");
    }
}
