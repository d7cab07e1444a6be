package io.github.asflink.skill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asflink.skill.salesforce.Salesforce;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

/**
 * Runs one Alexa envelope through {@link SkillHandler#handleRequest} exactly as Lambda does (bytes in, bytes out, a
 * Context), and gives the test the parsed response and the log lines.
 */
final class SkillInvocation {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The Salesforce access token inside the sample events' linked token. */
    static final String SALESFORCE_TOKEN =
            "00D5g000004E9XhEAK!AQ0AQFh2M9mxcJ4vV6PbIqFAUwzTuP5sKg0Y8Yzq3.fD7Jp_EXAMPLEONLY";
    static final String SAMPLE_INSTANCE = "https://acme.my.salesforce.com";
    /** Alexa's API origin in the sample events: pointed at the stand-in too, so no test reaches Amazon. */
    static final String SAMPLE_API_ENDPOINT = "https://api.amazonalexa.com";
    static final String SKILL_ID = "amzn1.ask.skill.8f3b1c2e-5d4a-4e9b-9c7f-1a2b3c4d5e6f";
    /** 2026-12-01, the sample events' day. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T18:30:00Z"), ZoneOffset.UTC);

    record Result(JsonNode envelope, CapturingContext context) {

        JsonNode response() {
            return envelope.path("response");
        }

        String ssml() {
            return response().path("outputSpeech").path("ssml").asText();
        }

        String repromptSsml() {
            return response().path("reprompt").path("outputSpeech").path("ssml").asText();
        }

        String cardType() {
            return response().path("card").path("type").asText(null);
        }

        boolean sessionEnds() {
            return response().path("shouldEndSession").asBoolean(false);
        }

        /** The one structured line this request logged. */
        JsonNode logLine() {
            List<CapturingContext.Line> lines = context.lines();
            assertEquals(1, lines.size(), () -> "expected one log line, got " + lines);
            try {
                return JSON.readTree(lines.getFirst().text());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Map<String, String> environment = new HashMap<>();
    /** Salesforce answered in memory; null for real HTTP to the stand-in. */
    private final Function<HttpRequest, Map.Entry<Integer, String>> answers;
    private Clock clock = CLOCK;
    private int remainingMs = 7000;
    private SkillHandler handler;

    /** Real HTTP to the stand-in at {@code wireMockOrigin}. */
    SkillInvocation(String wireMockOrigin) {
        this(wireMockOrigin, null);
    }

    /** Salesforce answered in memory; {@code origin} is the instance the events' tokens name. */
    SkillInvocation(String origin, Function<HttpRequest, Map.Entry<Integer, String>> answers) {
        this.answers = answers;
        environment.put(SkillConfig.INSTANCE_URL_ALLOWLIST, "default," + origin);
        environment.put(SkillConfig.SKILL_ID, SKILL_ID);
    }

    SkillInvocation env(String name, String value) {
        environment.put(name, value);
        handler = null;
        return this;
    }

    SkillInvocation withoutEnv(String name) {
        environment.remove(name);
        handler = null;
        return this;
    }

    SkillInvocation clock(Clock value) {
        clock = value;
        handler = null;
        return this;
    }

    /** What the Lambda context reports as left of the invocation. */
    SkillInvocation remainingMs(int value) {
        remainingMs = value;
        return this;
    }

    /** Reads a sample event from the test resources (copies of the repo's {@code events/}). */
    static ObjectNode event(String name) {
        try (InputStream in = SkillInvocation.class.getResourceAsStream("/events/" + name)) {
            assertNotNull(in, "missing test resource events/" + name);
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The event with its instance URL pointed at the stand-in, as the token function would have written it, and
     * Alexa's API origin (progressive responses) at the same stand-in.
     */
    static ObjectNode eventAt(String name, String origin) {
        try {
            String text = JSON.writeValueAsString(event(name)).replace(SAMPLE_INSTANCE, origin)
                    .replace(SAMPLE_API_ENDPOINT, origin);
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode edit(ObjectNode event, Consumer<ObjectNode> change) {
        change.accept(event);
        return event;
    }

    /**
     * One invocation. The same handler (one execution environment) serves every invocation of this object until its
     * environment or clock changes, as Lambda reuses a warm environment.
     */
    Result invoke(JsonNode event) {
        try {
            byte[] in = JSON.writeValueAsBytes(event);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CapturingContext context = new CapturingContext("c0ffee00-0000-4000-8000-000000000001", remainingMs);
            if (handler == null) {
                handler = handler(environment, answers, clock);
            }
            handler.handleRequest(new ByteArrayInputStream(in), out, context);
            Result result = new Result(JSON.readTree(out.toByteArray()), context);
            assertWellFormed(result.ssml());
            assertWellFormed(result.repromptSsml());
            assertNoSecretLogged(event, context.allText());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The skill as Lambda builds it, over HTTP ({@code answers} null) or answered in memory, at {@code clock}. */
    static SkillHandler handler(Map<String, String> environment,
                                Function<HttpRequest, Map.Entry<Integer, String>> answers, Clock clock) {
        SkillConfig config = SkillConfig.fromEnvironment(environment);
        return new SkillHandler(config, answers == null ? Salesforce.overHttp(config.salesforceSettings(), clock)
                : Salesforce.answeredBy(config.salesforceSettings(), clock, answers));
    }

    /** The skill with Salesforce answered in memory, on the sample events' day. */
    static SkillHandler answeredBy(Map<String, String> environment,
                                   Function<HttpRequest, Map.Entry<Integer, String>> answers) {
        return handler(environment, answers, CLOCK);
    }

    /** Neither half of the linked token Alexa sent, nor Alexa's own API token, may reach a log line. */
    static void assertNoSecretLogged(JsonNode event, String logs) {
        assertFalse(logs.contains(SALESFORCE_TOKEN), "the access token reached a log line");
        for (JsonNode user : List.of(event.path("context").path("System").path("user"),
                event.path("session").path("user"))) {
            String linked = user.path("accessToken").asText("");
            if (!linked.isEmpty()) {
                assertFalse(logs.contains(linked.split(" ")[0]), "a linked token reached a log line");
            }
        }
        String alexaToken = event.path("context").path("System").path("apiAccessToken").asText("");
        if (!alexaToken.isEmpty()) {
            assertFalse(logs.contains(alexaToken), "Alexa's apiAccessToken reached a log line");
        }
    }

    /** Speech must be well-formed XML: an unescaped value from Salesforce would break it. */
    static void assertWellFormed(String ssml) {
        if (ssml.isEmpty()) {
            return;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.newDocumentBuilder().parse(new InputSource(new StringReader(ssml)));
        } catch (Exception e) {
            throw new AssertionError("speech is not well-formed SSML: " + ssml, e);
        }
    }

    static String speak(String inner) {
        return "<speak>" + inner + "</speak>";
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
