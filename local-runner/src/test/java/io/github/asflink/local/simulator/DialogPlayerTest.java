package io.github.asflink.local.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dialog player against the real interaction model (auto-delegation) and a skill-run dialog. */
class DialogPlayerTest {
    private static final String SKILL_ID = "amzn1.ask.skill.test";

    /** A skill that answers from a script and keeps every request it got. */
    private static final class ScriptedSkill implements DialogPlayer.Skill {
        final List<JsonObject> requests = new ArrayList<>();
        final Deque<String> answers = new ArrayDeque<>();

        ScriptedSkill answer(String responseJson) {
            answers.add(responseJson);
            return this;
        }

        @Override
        public DialogPlayer.Call call(JsonObject envelope) {
            requests.add(envelope);
            String answer = answers.isEmpty() ? "{\"version\":\"1.0\",\"response\":{\"outputSpeech\":"
                    + "{\"type\":\"SSML\",\"ssml\":\"<speak>Okay.</speak>\"}}}" : answers.poll();
            return new DialogPlayer.Call(envelope, 200, JsonParser.parseString(answer).getAsJsonObject(), 1);
        }

        JsonObject request(int i) {
            return requests.get(i).getAsJsonObject("request");
        }
    }

    private static DialogPlayer player(InteractionModel model, ScriptedSkill skill, boolean screen) {
        return new DialogPlayer(model, new UtteranceMatcher(model, () -> UtteranceMatcherTest.TODAY),
                new SlotFiller(model, SKILL_ID, () -> UtteranceMatcherTest.TODAY),
                () -> new AlexaDevice(SKILL_ID, "00Dtoken https://acme.my.salesforce.com", screen,
                        "http://127.0.0.1:3000", "api-access-token"), skill);
    }

    @Test
    void alexaRunsAnAutoDelegatedDialogAndCallsTheSkillOnceItIsComplete() throws IOException {
        ScriptedSkill skill = new ScriptedSkill();
        DialogPlayer player = player(UtteranceMatcherTest.realModel(), skill, false);

        DialogPlayer.Turn first = player.say("remind me to call Globex");
        assertEquals(Optional.of("On which day? For example, tomorrow, or next Friday."), first.alexaPrompt());
        assertTrue(first.calls().isEmpty(), "Alexa asks from the model's prompts; the skill is not called");
        assertEquals("a value for date", first.waitingFor());

        DialogPlayer.Turn second = player.say("tomorrow");
        assertEquals(Optional.of("Should I add a Salesforce task to call Globex, due 2026-12-03?"),
                second.alexaPrompt());
        assertTrue(second.calls().isEmpty());

        DialogPlayer.Turn third = player.say("yes");
        assertEquals(1, third.calls().size());
        JsonObject request = skill.request(0);
        assertEquals("IntentRequest", request.get("type").getAsString());
        assertEquals("COMPLETED", request.get("dialogState").getAsString());
        JsonObject intent = request.getAsJsonObject("intent");
        assertEquals("CreateReminderIntent", intent.get("name").getAsString());
        assertEquals("CONFIRMED", intent.get("confirmationStatus").getAsString());
        assertEquals("call Globex", intent.getAsJsonObject("slots").getAsJsonObject("subject").get("value")
                .getAsString());
        assertEquals("2026-12-03", intent.getAsJsonObject("slots").getAsJsonObject("date").get("value")
                .getAsString());
        assertTrue(skill.requests.get(0).getAsJsonObject("session").get("new").getAsBoolean(),
                "the first request of the session");
        assertEquals("", third.waitingFor(), "the dialog is over");
    }

    @Test
    void noDeniesTheIntent() throws IOException {
        ScriptedSkill skill = new ScriptedSkill();
        DialogPlayer player = player(UtteranceMatcherTest.realModel(), skill, false);
        player.say("remind me to send the quote");
        player.say("on friday");
        player.say("no");
        JsonObject intent = skill.request(0).getAsJsonObject("intent");
        assertEquals("DENIED", intent.get("confirmationStatus").getAsString());
        assertEquals("2026-12-04", intent.getAsJsonObject("slots").getAsJsonObject("date").get("value")
                .getAsString());
    }

    @Test
    void aDateAnswerThatIsNoDateIsAskedAgainWithoutCallingTheSkill() throws IOException {
        ScriptedSkill skill = new ScriptedSkill();
        DialogPlayer player = player(UtteranceMatcherTest.realModel(), skill, false);
        player.say("remind me to call Globex");
        DialogPlayer.Turn again = player.say("whenever");
        assertTrue(again.alexaPrompt().orElseThrow().startsWith("On which day?"));
        assertTrue(skill.requests.isEmpty());
    }

    @Test
    void theSkillRunsItsOwnDialogWithSessionAttributesCarriedAndConfirmIntent() throws IOException {
        InteractionModel model = InteractionModel.parse("""
                {"interactionModel":{"languageModel":{"invocationName":"salesforce link","intents":[
                  {"name":"MoveStageIntent","slots":[{"name":"deal","type":"DEAL_NAME"},
                    {"name":"stage","type":"OPPORTUNITY_STAGE","samples":["to {stage}"]}],
                   "samples":["move {deal} to {stage}","move {deal}"]},
                  {"name":"AMAZON.YesIntent","samples":[]}],
                 "types":[{"name":"OPPORTUNITY_STAGE","values":[{"name":{"value":"Closed Won"}}]}]},
                 "dialog":{"intents":[{"name":"MoveStageIntent","delegationStrategy":"SKILL_RESPONSE",
                   "slots":[{"name":"deal","type":"DEAL_NAME"},{"name":"stage","type":"OPPORTUNITY_STAGE"}]}]}}}""");
        ScriptedSkill skill = new ScriptedSkill()
                .answer("""
                        {"version":"1.0","sessionAttributes":{"step":"stage"},"response":{
                         "outputSpeech":{"type":"SSML","ssml":"<speak>Which stage?</speak>"},
                         "directives":[{"type":"Dialog.ElicitSlot","slotToElicit":"stage"}]}}""")
                .answer("""
                        {"version":"1.0","sessionAttributes":{"opportunityId":"006A"},"response":{
                         "outputSpeech":{"type":"SSML","ssml":"<speak>Move Globex to Closed Won?</speak>"},
                         "directives":[{"type":"Dialog.ConfirmIntent","updatedIntent":{"name":"MoveStageIntent",
                          "confirmationStatus":"NONE","slots":{"deal":{"name":"deal","value":"Globex"},
                          "stage":{"name":"stage","value":"Closed Won"}}}}]}}""")
                .answer("""
                        {"version":"1.0","response":{"outputSpeech":{"type":"SSML","ssml":"<speak>Done.</speak>"},
                         "shouldEndSession":true}}""");
        DialogPlayer player = player(model, skill, true);

        player.say("move Globex");
        assertEquals("STARTED", skill.request(0).get("dialogState").getAsString());
        DialogPlayer.Turn stage = player.say("to closed won");
        assertEquals("IN_PROGRESS", skill.request(1).get("dialogState").getAsString());
        JsonObject stageSlot = skill.request(1).getAsJsonObject("intent").getAsJsonObject("slots")
                .getAsJsonObject("stage");
        assertEquals("closed won", stageSlot.get("value").getAsString());
        assertEquals("ER_SUCCESS_MATCH", stageSlot.getAsJsonObject("resolutions")
                .getAsJsonArray("resolutionsPerAuthority").get(0).getAsJsonObject().getAsJsonObject("status")
                .get("code").getAsString());
        assertEquals("stage", skill.requests.get(1).getAsJsonObject("session").getAsJsonObject("attributes")
                .get("step").getAsString(), "the attributes the skill left come back");
        assertEquals("yes or no", stage.waitingFor());

        DialogPlayer.Turn done = player.say("yes");
        JsonObject confirmed = skill.request(2);
        assertEquals("CONFIRMED", confirmed.getAsJsonObject("intent").get("confirmationStatus").getAsString());
        assertEquals("006A", skill.requests.get(2).getAsJsonObject("session").getAsJsonObject("attributes")
                .get("opportunityId").getAsString());
        assertFalse(skill.requests.get(2).getAsJsonObject("session").get("new").getAsBoolean());
        assertFalse(done.sessionOpen(), "shouldEndSession true ends the session");

        player.say("move Globex");
        JsonObject fresh = skill.requests.get(3).getAsJsonObject("session");
        assertTrue(fresh.get("new").getAsBoolean(), "a new session after the end");
        assertEquals(0, fresh.getAsJsonObject("attributes").size(), "nothing carried over");
        assertFalse(skill.requests.get(3).getAsJsonObject("session").get("sessionId").getAsString()
                .equals(skill.requests.get(2).getAsJsonObject("session").get("sessionId").getAsString()));
    }

    @Test
    void aDelegateDirectiveHandsTheDialogToAlexa() throws IOException {
        InteractionModel model = InteractionModel.parse("""
                {"interactionModel":{"languageModel":{"invocationName":"salesforce link","intents":[
                  {"name":"LogCallIntent","slots":[{"name":"target","type":"CALL_TARGET"},
                    {"name":"notes","type":"AMAZON.SearchQuery"}],"samples":["log a call with {target}"]}],
                  "types":[]},
                 "dialog":{"intents":[{"name":"LogCallIntent","delegationStrategy":"SKILL_RESPONSE",
                   "slots":[{"name":"target","type":"CALL_TARGET","elicitationRequired":true,
                      "prompts":{"elicitation":"Elicit.target"}},
                    {"name":"notes","type":"AMAZON.SearchQuery","elicitationRequired":true,
                      "prompts":{"elicitation":"Elicit.notes"}}]}]},
                 "prompts":[{"id":"Elicit.notes","variations":[{"type":"PlainText",
                   "value":"What should the call note say?"}]}]}}""");
        ScriptedSkill skill = new ScriptedSkill()
                .answer("{\"version\":\"1.0\",\"response\":{\"directives\":[{\"type\":\"Dialog.Delegate\"}]}}");
        DialogPlayer player = player(model, skill, false);
        DialogPlayer.Turn turn = player.say("log a call with Globex");
        assertEquals(Optional.of("What should the call note say?"), turn.alexaPrompt());
        assertEquals(1, skill.requests.size());
        player.say("they want the quote by Friday");
        JsonObject completed = skill.request(1);
        assertEquals("COMPLETED", completed.get("dialogState").getAsString());
        assertEquals("they want the quote by Friday", completed.getAsJsonObject("intent").getAsJsonObject("slots")
                .getAsJsonObject("notes").get("value").getAsString());
    }

    @Test
    void aScreenDeviceAnnouncesAplAndEveryRequestCarriesTheDirectiveServiceAndTheLinkedToken() throws IOException {
        ScriptedSkill skill = new ScriptedSkill();
        player(UtteranceMatcherTest.realModel(), skill, true).launch();
        JsonObject context = skill.requests.get(0).getAsJsonObject("context");
        JsonObject system = context.getAsJsonObject("System");
        assertTrue(system.getAsJsonObject("device").getAsJsonObject("supportedInterfaces")
                .has("Alexa.Presentation.APL"));
        assertTrue(context.has("Viewport"));
        assertEquals("http://127.0.0.1:3000", system.get("apiEndpoint").getAsString());
        assertEquals("api-access-token", system.get("apiAccessToken").getAsString());
        assertEquals("00Dtoken https://acme.my.salesforce.com", system.getAsJsonObject("user").get("accessToken")
                .getAsString());

        ScriptedSkill plain = new ScriptedSkill();
        player(UtteranceMatcherTest.realModel(), plain, false).intent("PipelineIntent", Map.of(), "NONE");
        JsonObject device = plain.requests.get(0).getAsJsonObject("context").getAsJsonObject("System")
                .getAsJsonObject("device");
        assertEquals(0, device.getAsJsonObject("supportedInterfaces").size());
        assertFalse(plain.request(0).has("dialogState"), "no dialog model, no dialogState");
    }

    @Test
    void anotherIntentsSampleLeavesAnOpenDialogAndElicitSlotWithoutADialogModelStaysInProgress() throws IOException {
        InteractionModel model = InteractionModel.parse("""
                {"interactionModel":{"languageModel":{"invocationName":"salesforce link","intents":[
                  {"name":"DealStatusIntent","slots":[{"name":"deal","type":"AMAZON.SearchQuery"}],
                   "samples":["how is the {deal} deal"]},
                  {"name":"PipelineIntent","samples":["how is my pipeline"]},
                  {"name":"AMAZON.FallbackIntent","samples":[]}],"types":[]}}}""");
        ScriptedSkill skill = new ScriptedSkill()
                .answer("""
                        {"version":"1.0","sessionAttributes":{"candidates":[{"name":"Globex & Sons renewal"}]},
                         "response":{"outputSpeech":{"type":"SSML","ssml":"<speak>Which one?</speak>"},
                         "directives":[{"type":"Dialog.ElicitSlot","slotToElicit":"deal","updatedIntent":{
                          "name":"DealStatusIntent","confirmationStatus":"NONE",
                          "slots":{"deal":{"name":"deal"}}}}]}}""")
                .answer("""
                        {"version":"1.0","response":{
                         "outputSpeech":{"type":"SSML","ssml":"<speak>Which one?</speak>"},
                         "directives":[{"type":"Dialog.ElicitSlot","slotToElicit":"deal"}]}}""");
        DialogPlayer player = player(model, skill, false);
        player.say("how is the globex deal");
        assertFalse(skill.request(0).has("dialogState"), "no dialog model: Alexa sends no dialogState");
        player.say("the renewal");
        JsonObject answer = skill.request(1);
        assertEquals("DealStatusIntent", answer.getAsJsonObject("intent").get("name").getAsString());
        assertEquals("IN_PROGRESS", answer.get("dialogState").getAsString(), "after a Dialog directive");
        assertEquals("the renewal", answer.getAsJsonObject("intent").getAsJsonObject("slots").getAsJsonObject("deal")
                .get("value").getAsString());
        assertEquals("Globex & Sons renewal", skill.requests.get(1).getAsJsonObject("session")
                .getAsJsonObject("attributes").getAsJsonArray("candidates").get(0).getAsJsonObject().get("name")
                .getAsString(), "the candidates the skill kept come back");

        player.say("how is my pipeline");
        assertEquals("PipelineIntent", skill.request(2).getAsJsonObject("intent").get("name").getAsString(),
                "another intent's sample takes over");
        assertFalse(skill.request(2).has("dialogState"));
    }
}
