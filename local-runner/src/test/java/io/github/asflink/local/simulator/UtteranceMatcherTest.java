package io.github.asflink.local.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matcher against the skill's real interaction model file, and against a model with custom slot types. */
class UtteranceMatcherTest {
    /** A Wednesday. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static InteractionModel realModel() throws IOException {
        return InteractionModel.find(Path.of("")).orElseThrow();
    }

    private final InteractionModel model = realModel();
    private final UtteranceMatcher matcher = new UtteranceMatcher(model, () -> TODAY);

    UtteranceMatcherTest() throws IOException {
    }

    @Test
    void readsEveryIntentSampleSlotAndTheDialogOfTheModelFile() {
        assertEquals("salesforce link", model.invocationName());
        InteractionModel.Intent reminder = model.intent("CreateReminderIntent").orElseThrow();
        assertEquals(List.of("subject", "date"), reminder.slots().stream().map(InteractionModel.Slot::name).toList());
        assertTrue(model.autoDelegated(reminder), "delegationStrategy ALWAYS in the dialog section");
        assertFalse(model.autoDelegated(model.intent("PipelineIntent").orElseThrow()));
        assertEquals(Optional.of("What should I remind you to do?"),
                model.prompt("Elicit.Slot.CreateReminder.subject"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "how is my pipeline|PipelineIntent",
        "How's my pipeline?|PipelineIntent",
        "what are my open cases|OpenCasesIntent",
        "ask salesforce link what are my open cases|OpenCasesIntent",
        "help|AMAZON.HelpIntent",
        "stop|AMAZON.StopIntent",
        "never mind|AMAZON.CancelIntent",
        "sing me a song|AMAZON.FallbackIntent"})
    void matchesSamplesAndTheBuiltInIntents(String words, String intent) {
        UtteranceMatcher.Heard heard = matcher.hear(words);
        assertEquals(intent, assertInstanceOf(UtteranceMatcher.IntentHeard.class, heard).intent(), words);
    }

    @Test
    void opensTheSkillByItsInvocationName() {
        assertInstanceOf(UtteranceMatcher.Launch.class, matcher.hear("open salesforce link"));
        assertInstanceOf(UtteranceMatcher.Launch.class, matcher.hear("Launch Salesforce Link"));
    }

    @Test
    void fillsSlotsAndTheMostSpecificSampleWins() {
        UtteranceMatcher.IntentHeard heard = (UtteranceMatcher.IntentHeard) matcher.hear("remind me to call Globex");
        assertEquals("CreateReminderIntent", heard.intent());
        assertEquals(Map.of("subject", "call Globex"), heard.slots(), "case kept as typed");
        UtteranceMatcher.IntentHeard dated = (UtteranceMatcher.IntentHeard) matcher.hear("add a task for tomorrow");
        assertEquals(Map.of("date", "tomorrow"), dated.slots(), "\"for {date}\" beats \"to {subject}\"");
    }

    @Test
    void aDateSlotTakesOnlyWordsThatAreADate() {
        InteractionModel.Intent reminder = model.intent("CreateReminderIntent").orElseThrow();
        assertEquals(Optional.of(Map.of("date", "tomorrow")), matcher.answer(reminder, "date", "tomorrow"));
        assertEquals(Optional.of(Map.of("date", "friday")), matcher.answer(reminder, "date", "by friday"));
        assertEquals(Optional.empty(), matcher.answer(reminder, "date", "whenever you like"));
        assertEquals(Optional.of(Map.of("subject", "call Globex")),
                matcher.answer(reminder, "subject", "to call Globex"));
    }

    @ParameterizedTest
    @CsvSource({
        "today,2026-12-02", "tomorrow,2026-12-03", "yesterday,2026-12-01", "friday,2026-12-04",
        "next wednesday,2026-12-09", "on monday,2026-12-07", "2027-01-15,2027-01-15", "december 7th,2026-12-07",
        "the 3rd of january,2027-01-03", "this week,2026-W49", "next week,2026-W50"})
    void resolvesSpokenDatesAsAlexaDoes(String spoken, String value) {
        assertEquals(Optional.of(value), SpokenDate.resolve(spoken, TODAY));
    }

    @Test
    void notADate() {
        assertEquals(Optional.empty(), SpokenDate.resolve("call globex", TODAY));
        assertEquals(Optional.empty(), SpokenDate.resolve("2026-13-45", TODAY));
        assertEquals(Optional.empty(), SpokenDate.resolve("february 31", TODAY));
    }

    @Test
    void customSlotTypesGetEntityResolution() {
        InteractionModel stages = InteractionModel.parse("""
                {"interactionModel":{"languageModel":{"invocationName":"salesforce link","intents":[
                  {"name":"MoveStageIntent","slots":[{"name":"deal","type":"DEAL_NAME"},
                    {"name":"stage","type":"OPPORTUNITY_STAGE"}],
                   "samples":["move {deal} to {stage}","move {deal} to the {stage} stage"]}],
                 "types":[{"name":"OPPORTUNITY_STAGE","values":[
                   {"id":"NEG","name":{"value":"Negotiation/Review","synonyms":["negotiation"]}},
                   {"name":{"value":"Closed Won","synonyms":["won"]}}]},
                   {"name":"DEAL_NAME","values":[{"name":{"value":"Globex"}}]}]}}}""");
        UtteranceMatcher custom = new UtteranceMatcher(stages, () -> TODAY);
        UtteranceMatcher.IntentHeard heard = (UtteranceMatcher.IntentHeard) custom.hear(
                "move the Globex renewal to the negotiation stage");
        assertEquals(Map.of("deal", "the Globex renewal", "stage", "negotiation"), heard.slots());
        SlotFiller filler = new SlotFiller(stages, "amzn1.ask.skill.test", () -> TODAY);
        InteractionModel.Intent move = stages.intent("MoveStageIntent").orElseThrow();
        JsonObject stage = filler.fill(move, "stage", "negotiation");
        assertEquals("negotiation", stage.get("value").getAsString());
        JsonObject authority = stage.getAsJsonObject("resolutions").getAsJsonArray("resolutionsPerAuthority").get(0)
                .getAsJsonObject();
        assertEquals("amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.OPPORTUNITY_STAGE",
                authority.get("authority").getAsString());
        assertEquals("ER_SUCCESS_MATCH", authority.getAsJsonObject("status").get("code").getAsString());
        JsonObject value = authority.getAsJsonArray("values").get(0).getAsJsonObject().getAsJsonObject("value");
        assertEquals("Negotiation/Review", value.get("name").getAsString());
        assertEquals("NEG", value.get("id").getAsString());
        JsonObject unknown = filler.fill(move, "deal", "the Globex renewal").getAsJsonObject("resolutions")
                .getAsJsonArray("resolutionsPerAuthority").get(0).getAsJsonObject();
        assertEquals("ER_SUCCESS_NO_MATCH", unknown.getAsJsonObject("status").get("code").getAsString());
        assertFalse(unknown.has("values"));
    }
}
