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
 * Fuzz target: the skill's readers of Salesforce's answers (query results, userinfo, the created Task, error bodies
 * of both services), through the whole skill. Input: a byte for the question asked (launch, pipeline, open cases, a
 * confirmed reminder) and the HTTP status, a byte for which call gets the answer, then the answer's body; every other
 * call gets a healthy org's answer. Whatever Salesforce says, the skill ends in one of its typed outcomes (an answer,
 * an apology, the re-link card), never in its exception handler; speech stays well-formed SSML; the log line carries
 * no part of the body except Salesforce's error code. Seeds: the test fixtures' answers, one per call.
 */
class SalesforceAnswersFuzzTest {

    private static final String[] EVENTS = {"skill-launch-linked.json", "skill-pipeline.json",
        "skill-open-cases.json", "skill-create-reminder-confirmed.json"};
    private static final int[] STATUSES = {200, 201, 400, 401, 403, 404, 500, 503};
    private static final Map<String, String> ENVIRONMENT = Map.of(SkillConfig.SKILL_ID, SkillInvocation.SKILL_ID);
    /**
     * The log fields the skill fills with its own words, which must never carry what Salesforce said (the others
     * hold Alexa's ids and Salesforce's error code, checked to be UPPER_SNAKE).
     */
    private static final Set<String> OWN_FIELDS = Set.of("problem", "exception", "tokenProblem");
    private static final byte[][] ENVELOPES = new byte[EVENTS.length][];

    static {
        for (int i = 0; i < EVENTS.length; i++) {
            ENVELOPES[i] = SkillInvocation.bytes(SkillInvocation.event(EVENTS[i]).toString());
        }
    }

    @FuzzTest
    void anyAnswerEndsInATypedOutcome(byte[] input) throws IOException {
        if (input.length < 2) {
            return;
        }
        byte[] envelope = ENVELOPES[(input[0] & 0xff) % EVENTS.length];
        int status = STATUSES[((input[0] & 0xff) / EVENTS.length) % STATUSES.length];
        InMemoryOrg.Call call = InMemoryOrg.Call.values()[(input[1] & 0xff) % InMemoryOrg.Call.values().length];
        String body = new String(input, 2, input.length - 2, StandardCharsets.UTF_8);

        SkillHandler handler = SkillInvocation.answeredBy(ENVIRONMENT,
                InMemoryOrg.with(call, new InMemoryOrg.Reply(status, body)));
        CapturingContext context = new CapturingContext("c0ffee00-0000-4000-8000-000000000003");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(envelope), out, context);

        JsonNode response = SkillInvocation.JSON.readTree(out.toByteArray()).path("response");
        SkillInvocation.assertWellFormed(response.path("outputSpeech").path("ssml").asText());
        SkillInvocation.assertWellFormed(response.path("reprompt").path("outputSpeech").path("ssml").asText());
        assertEquals(1, context.lines().size(), "one log line per request");
        JsonNode line = SkillInvocation.JSON.readTree(context.lines().getFirst().text());
        assertNotEquals("FAILED", line.path("outcome").asText(), "an answer from Salesforce broke the skill: "
                + line.path("exception").asText());
        String said = body.strip();
        if (said.length() >= 8 && !said.matches("[A-Za-z_ ]*")) {
            for (String field : OWN_FIELDS) {
                assertFalse(line.path(field).asText().contains(said), "Salesforce's body reached the log's " + field);
            }
        }
    }
}
