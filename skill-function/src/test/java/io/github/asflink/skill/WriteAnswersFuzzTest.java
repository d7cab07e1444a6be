package io.github.asflink.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Fuzz target: the write intents' readers of Salesforce's answers (the deal, stage and call lookups, the update's and
 * the create's answers and their error bodies), through the whole skill. Input: a byte for the turn (a move's lookup
 * or its confirmed update, a call's lookup or its confirmed create) and the HTTP status every call of that turn gets,
 * then the body every call gets. Whatever Salesforce says, the turn ends in a typed outcome, never in the exception
 * handler; speech stays well-formed SSML (a validation rule's message is spoken escaped); the log line carries no part
 * of the body but Salesforce's error code. Seeds: a refusal of each kind, a lookup of the wrong shape, an empty
 * 204; a finding kept: a body that spells an outcome's name (which the line holds anyway).
 */
class WriteAnswersFuzzTest {

    private static final String[] EVENTS = {"skill-move-stage-started.json", "skill-move-stage-confirmed.json",
        "skill-log-call-notes.json", "skill-log-call-confirmed.json"};
    private static final int[] STATUSES = {200, 201, 204, 400, 401, 403, 404, 500, 503};
    private static final Map<String, String> ENVIRONMENT = Map.of(SkillConfig.SKILL_ID, SkillInvocation.SKILL_ID);
    private static final byte[][] ENVELOPES = new byte[EVENTS.length][];
    private static final Set<String> FILLED_FROM_ANSWERS = Set.of("problem", "exception", "tokenProblem",
            "salesforceError");

    static {
        for (int i = 0; i < EVENTS.length; i++) {
            ENVELOPES[i] = SkillInvocation.bytes(SkillInvocation.event(EVENTS[i]).toString());
        }
    }

    @FuzzTest
    void anyAnswerToATurnOfAChangeEndsInATypedOutcome(byte[] input) throws IOException {
        if (input.length < 1) {
            return;
        }
        byte[] envelope = ENVELOPES[(input[0] & 0xff) % EVENTS.length];
        int status = STATUSES[((input[0] & 0xff) / EVENTS.length) % STATUSES.length];
        String body = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);

        SkillHandler handler = SkillInvocation.answeredBy(ENVIRONMENT, request -> Map.entry(status, body));
        CapturingContext context = new CapturingContext("c0ffee00-0000-4000-8000-000000000004");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(envelope), out, context);

        JsonNode response = SkillInvocation.JSON.readTree(out.toByteArray()).path("response");
        SkillInvocation.assertWellFormed(response.path("outputSpeech").path("ssml").asText());
        SkillInvocation.assertWellFormed(response.path("reprompt").path("outputSpeech").path("ssml").asText());
        assertEquals(1, context.lines().size(), "one log line per request");
        JsonNode line = SkillInvocation.JSON.readTree(context.lines().getFirst().text());
        assertNotEquals("FAILED", line.path("outcome").asText(), "an answer from Salesforce broke the skill: "
                + line.path("exception").asText());
        // The fields the skill fills from what happened, not from Alexa's ids or its own names: a body (or the
        // validation message in it) must not be in one. A body may well spell an outcome or an intent's name.
        String said = body.strip();
        if (said.length() >= 8 && !said.matches("[A-Za-z_ ]*")) {
            for (String field : FILLED_FROM_ANSWERS) {
                assertFalse(line.path(field).asText().contains(said), "Salesforce's body reached the log's " + field);
            }
        }
    }
}
