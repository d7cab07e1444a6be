package io.github.asflink.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.util.JacksonSerializer;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.asflink.salesforceerrors.SalesforceErrors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Fuzz target: the skill from the raw bytes of Alexa's request envelope, with Salesforce in memory. For an envelope
 * the SDK can read and that is addressed to this skill: no Lambda error, a response envelope, speech and reprompt
 * that are well-formed SSML, one log line. For any bytes at all: no access token (neither half of the linked token,
 * nor Alexa's apiAccessToken) in a log line or in the error Lambda would report. Which org answers (healthy, a dead
 * token, an outage) follows from the bytes, so the same input always meets the same org. Seeds: every sample event
 * in {@code events/skill-*.json}, byte for byte.
 */
class SkillEnvelopeFuzzTest {

    private static final JacksonSerializer SDK_JSON = new JacksonSerializer();
    /**
     * The request types the skill answers. For a type the SDK's model does not know, the SDK itself refuses the
     * request ("Could not find a skill to handle the incoming request") before any handler runs.
     */
    private static final java.util.Set<String> ANSWERED_TYPES =
            java.util.Set.of("LaunchRequest", "IntentRequest", "SessionEndedRequest");
    private static final Map<String, String> ENVIRONMENT = Map.of(SkillConfig.SKILL_ID, SkillInvocation.SKILL_ID);

    @FuzzTest
    void anyEnvelopeGetsASpokenAnswer(byte[] envelope) throws IOException {
        InMemoryOrg org = switch (Math.floorMod(java.util.Arrays.hashCode(envelope), 4)) {
            case 0 -> InMemoryOrg.failing(SalesforceErrors.identityBadToken(), SalesforceErrors.dataInvalidSession());
            case 1 -> InMemoryOrg.failing(SalesforceErrors.serverUnavailable(), SalesforceErrors.serverUnavailable());
            default -> InMemoryOrg.healthy();
        };
        SkillHandler handler = SkillInvocation.answeredBy(ENVIRONMENT, org);
        CapturingContext context = new CapturingContext("c0ffee00-0000-4000-8000-000000000002");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(envelope, StandardCharsets.UTF_8);
        JsonNode event = readable(text);
        try {
            handler.handleRequest(new ByteArrayInputStream(envelope), out, context);
        } catch (RuntimeException lambdaError) {
            assertFalse(addressedToThisSkill(envelope) && ANSWERED_TYPES.contains(
                    event == null ? "" : event.path("request").path("type").asText()),
                    "a Lambda error for a well-formed envelope: " + lambdaError);
            assertNoTokenIn(event, messages(lambdaError));
            for (CapturingContext.Line logged : context.lines()) {
                assertNoTokenIn(event, loggedByTheSkill(SkillInvocation.JSON.readTree(logged.text())));
            }
            return;
        }
        JsonNode response = SkillInvocation.JSON.readTree(out.toByteArray());
        SkillInvocation.assertWellFormed(response.path("response").path("outputSpeech").path("ssml").asText());
        SkillInvocation.assertWellFormed(response.path("response").path("reprompt").path("outputSpeech").path("ssml")
                .asText());
        assertEquals(1, context.lines().size(), "one log line per request");
        JsonNode line = SkillInvocation.JSON.readTree(context.lines().getFirst().text());
        // Not asserted: that the outcome is never FAILED. An intent request without an intent makes the SDK's
        // Predicates.intentName throw, and the skill answers it with its apology by design (SalesforceTroubleTest).
        assertNoTokenIn(event, loggedByTheSkill(line));
    }

    /** The log line without what it repeats from the envelope by design (Alexa's request id, type and intent). */
    private static String loggedByTheSkill(JsonNode line) {
        com.fasterxml.jackson.databind.node.ObjectNode own = line.deepCopy();
        own.remove(List.of("alexaRequestId", "requestType", "intent"));
        return own.toString();
    }

    /**
     * The SDK reads the bytes (JSON is UTF-8) into a request envelope with a request, for this skill's id: in the
     * context and, when there is a session, in the session too (the SDK checks the session's when it has one).
     */
    private static boolean addressedToThisSkill(byte[] bytes) {
        RequestEnvelope envelope;
        try {
            envelope = SDK_JSON.deserialize(new ByteArrayInputStream(bytes), RequestEnvelope.class);
        } catch (RuntimeException unreadable) {
            return false;
        }
        return envelope != null && envelope.getRequest() != null && envelope.getContext() != null
                && envelope.getContext().getSystem() != null
                && envelope.getContext().getSystem().getApplication() != null
                && SkillInvocation.SKILL_ID.equals(
                        envelope.getContext().getSystem().getApplication().getApplicationId())
                && (envelope.getSession() == null || envelope.getSession().getApplication() != null
                        && SkillInvocation.SKILL_ID.equals(envelope.getSession().getApplication().getApplicationId()));
    }

    private static JsonNode readable(String text) {
        try {
            return SkillInvocation.JSON.readTree(text);
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** Neither half of a linked token, nor Alexa's apiAccessToken, wherever the envelope carries them. */
    private static void assertNoTokenIn(JsonNode event, String text) {
        assertFalse(text.contains(SkillInvocation.SALESFORCE_TOKEN), "the sample access token leaked");
        if (event == null) {
            return;
        }
        for (JsonNode user : List.of(event.path("context").path("System").path("user"),
                event.path("session").path("user"))) {
            String accessToken = user.path("accessToken").asText("").split(" ", 2)[0];
            assertFalse(isDistinctive(accessToken) && text.contains(accessToken), "an access token leaked");
        }
        String alexaToken = event.path("context").path("System").path("apiAccessToken").asText("");
        assertFalse(isDistinctive(alexaToken) && text.contains(alexaToken), "Alexa's apiAccessToken leaked");
    }

    /** Long and odd enough not to be one of the skill's own words by chance. */
    private static boolean isDistinctive(String value) {
        return value.length() >= 8 && !value.matches("[A-Za-z_ ]*");
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            all.append(cause).append('\n');
        }
        return all.toString();
    }
}
