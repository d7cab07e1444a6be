package io.github.asflink.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The offline handler is the real skill, bytes in and bytes out, with Salesforce answered by the function given. */
class OfflineHandlerTest {

    @Test
    void answersAPipelineRequestFromAnswersInMemory() throws IOException {
        List<String> asked = new CopyOnWriteArrayList<>();
        RequestStreamHandler handler = OfflineHandler.create(Map.of(SkillConfig.SKILL_ID, SkillInvocation.SKILL_ID),
                request -> {
                    String what = what(request);
                    asked.add(what);
                    return switch (what) {
                        case SalesforceStubs.USERINFO -> Map.entry(200, SalesforceStubs.USERINFO_BODY);
                        case SalesforceStubs.TOTALS_SOQL -> Map.entry(200, SalesforceStubs.totals(2, "3000.0"));
                        case SalesforceStubs.NEXT_MULTI_SOQL ->
                                Map.entry(200, SalesforceStubs.next("Initech <Pilot>", "1000.0", "USD", "2099-12-15"));
                        case SalesforceStubs.ORG_CURRENCY_SOQL -> Map.entry(200, SalesforceStubs.orgCurrency("USD"));
                        default -> throw new AssertionError("unexpected request " + what);
                    };
                });
        byte[] event = SkillInvocation.bytes(SkillInvocation.event("skill-pipeline.json").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CapturingContext context = new CapturingContext("c0ffee00-0000-4000-8000-000000000004");

        handler.handleRequest(new ByteArrayInputStream(event), out, context);

        JsonNode response = SkillInvocation.JSON.readTree(out.toByteArray()).path("response");
        assertEquals(SkillInvocation.speak("You have 2 open opportunities, worth $3,000 in total. The next to close is "
                + "Initech &lt;Pilot&gt;, for $1,000, closing on <say-as interpret-as=\"date\">20991215</say-as>. "
                + Spoken.ANYTHING_ELSE), response.path("outputSpeech").path("ssml").asText());
        assertEquals(List.of(SalesforceStubs.USERINFO, SalesforceStubs.TOTALS_SOQL, SalesforceStubs.NEXT_MULTI_SOQL,
                SalesforceStubs.ORG_CURRENCY_SOQL), asked.stream().sorted(OfflineHandlerTest::inOrderSent).toList());
        JsonNode line = SkillInvocation.JSON.readTree(context.lines().getFirst().text());
        assertEquals("ANSWERED", line.path("outcome").asText());
        assertEquals(4, line.path("salesforceCalls").asInt());
        assertFalse(context.allText().contains(SkillInvocation.SALESFORCE_TOKEN));
    }

    @Test
    void anExceptionFromTheAnswersIsAConnectionThatFailed() throws IOException {
        RequestStreamHandler handler = OfflineHandler.create(Map.of(SkillConfig.SKILL_ID, SkillInvocation.SKILL_ID),
                request -> {
                    throw new IllegalStateException("no network here");
                });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CapturingContext context = new CapturingContext("c0ffee00-0000-4000-8000-000000000005");

        handler.handleRequest(new ByteArrayInputStream(SkillInvocation.bytes(
                SkillInvocation.event("skill-launch-linked.json").toString())), out, context);

        assertEquals(SkillInvocation.speak(Spoken.SALESFORCE_TROUBLE + " " + Spoken.REPROMPT),
                SkillInvocation.JSON.readTree(out.toByteArray()).path("response").path("outputSpeech").path("ssml")
                        .asText());
        JsonNode line = SkillInvocation.JSON.readTree(context.lines().getFirst().text());
        assertEquals("SALESFORCE_UNREACHABLE", line.path("outcome").asText());
        assertEquals(IllegalStateException.class.getName(), line.path("problem").asText());
    }

    /** The path, or for a query its decoded SOQL. */
    private static String what(HttpRequest request) {
        String query = request.uri().getRawQuery();
        return query == null ? request.uri().getPath()
                : URLDecoder.decode(query.substring("q=".length()), StandardCharsets.UTF_8);
    }

    /** The calls go out in parallel, so in no fixed order: compare them in the order the skill builds them. */
    private static int inOrderSent(String a, String b) {
        List<String> order = List.of(SalesforceStubs.USERINFO, SalesforceStubs.TOTALS_SOQL,
                SalesforceStubs.NEXT_MULTI_SOQL, SalesforceStubs.ORG_CURRENCY_SOQL);
        return Integer.compare(order.indexOf(a), order.indexOf(b));
    }
}
