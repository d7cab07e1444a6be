package io.github.asflink.skill.alexa;

import static io.github.asflink.skill.alexa.Envelopes.envelope;
import static io.github.asflink.skill.alexa.Envelopes.input;
import static io.github.asflink.skill.alexa.Envelopes.remaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.model.Directive;
import com.amazon.ask.model.interfaces.alexa.presentation.apl.RenderDocumentDirective;
import com.amazon.ask.util.JacksonSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The list screen's directive: only for devices that show APL, with the list as its data source. */
class ListScreenTest {

    static final String ECHO_SHOW = "{\"Alexa.Presentation.APL\":{\"runtime\":{\"maxVersion\":\"2023.3\"}}}";

    private final ListScreen screen = new ListScreen(Envelopes.JSON);

    @Test
    void aDeviceWithAplGetsTheDocumentWithTheListAsItsDataSource() throws Exception {
        List<ListScreen.Row> rows = List.of(new ListScreen.Row("Globex renewal", "Next to close", "$250,000"));

        Directive directive = screen.forList(screenDevice(ECHO_SHOW), "Your pipeline", rows).orElseThrow();

        JsonNode sent = Envelopes.JSON.readTree(new JacksonSerializer().serialize(directive));
        assertEquals("Alexa.Presentation.APL.RenderDocument", sent.path("type").asText());
        assertEquals("salesforce-list", sent.path("token").asText());
        assertEquals(ListDocumentTest.document(), sent.path("document"));
        assertEquals(Envelopes.JSON.readTree("""
                {"list":{"title":"Your pipeline",
                         "rows":[{"primary":"Globex renewal","secondary":"Next to close","value":"$250,000"}]}}"""),
                sent.path("datasources"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"AudioPlayer\":{}}", "{\"Display\":{}}",
        "{\"Alexa.Presentation.APL\":{\"runtime\":{\"maxVersion\":\"1.3\"}}}"})
    void aDeviceWithoutAplOrWithAnOlderOneGetsNoScreen(String interfaces) {
        assertTrue(screen.forList(screenDevice(interfaces), "Your pipeline", List.of()).isEmpty());
    }

    @Test
    void noDeviceInTheRequestGetsNoScreen() {
        ObjectNode envelope = envelope(null, null, ECHO_SHOW);
        ((ObjectNode) envelope.path("context").path("System")).remove("device");
        assertTrue(screen.forList(input(envelope, remaining(7000)), "t", List.of()).isEmpty());
        envelope.remove("context");
        assertTrue(screen.forList(input(envelope, remaining(7000)), "t", List.of()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"Alexa.Presentation.APL\":{}}",
        "{\"Alexa.Presentation.APL\":{\"runtime\":{}}}",
        "{\"Alexa.Presentation.APL\":{\"runtime\":{\"maxVersion\":\"1.4\"}}}",
        "{\"Alexa.Presentation.APL\":{\"runtime\":{\"maxVersion\":\"2024.3\"}}}",
        "{\"Alexa.Presentation.APL\":{\"runtime\":{\"maxVersion\":\"next\"}}}"})
    void aDeviceThatNamesAplAtTheDocumentsVersionOrLaterGetsTheScreen(String interfaces) {
        assertTrue(screen.forList(screenDevice(interfaces), "Your pipeline", List.of()).isPresent());
    }

    @ParameterizedTest
    @CsvSource({"1.4, true", "1.10, true", "2.0, true", "2023.3, true", "1, false", "1.3, false", "0.9, false",
        "1.4.1, true", "x.y, true"})
    void versionsCompareByNumber(String version, boolean atLeast) {
        assertEquals(atLeast, ListScreen.atLeast(version, "1.4"));
    }

    @Test
    void atMostTenRowsAreSent() throws Exception {
        List<ListScreen.Row> twelve = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> new ListScreen.Row("Deal " + i, "", "")).toList();

        Directive directive = screen.forList(screenDevice(ECHO_SHOW), "Deals", twelve).orElseThrow();

        JsonNode rows = Envelopes.JSON.readTree(new JacksonSerializer().serialize(directive))
                .path("datasources").path("list").path("rows");
        assertEquals(ListScreen.MAX_ROWS, rows.size());
        assertEquals("Deal 10", rows.get(9).path("primary").asText());
    }

    @Test
    void textsArePlainAsSalesforceHoldsThem() {
        ListScreen.Row row = new ListScreen.Row("R&D <urgent> \"Q4\"", "line\none\ttab\u0000", null);

        assertEquals("R&D <urgent> \"Q4\"", row.primary());
        assertEquals("line one tab", row.secondary());
        assertEquals("", row.value());
        assertEquals("", ListScreen.plain(null));
        String long200 = "x".repeat(200);
        assertEquals("x".repeat(ListScreen.MAX_TEXT - 1) + "\u2026", ListScreen.plain(long200));
        assertEquals("x".repeat(ListScreen.MAX_TEXT), ListScreen.plain("x".repeat(ListScreen.MAX_TEXT)));
        String emoji = "x".repeat(ListScreen.MAX_TEXT - 2) + "\uD83D\uDE00" + "tail";
        assertFalse(Character.isHighSurrogate(ListScreen.plain(emoji).charAt(ListScreen.plain(emoji).length() - 2)));
    }

    @Test
    void eachAnswerGetsItsOwnCopyOfTheDocument() {
        HandlerInput input = screenDevice(ECHO_SHOW);
        RenderDocumentDirective first = (RenderDocumentDirective) screen.forList(input, "a", List.of()).orElseThrow();
        RenderDocumentDirective second = (RenderDocumentDirective) screen.forList(input, "b", List.of()).orElseThrow();

        assertEquals(first.getDocument(), second.getDocument());
        assertNotSame(first.getDocument(), second.getDocument());
    }

    private static HandlerInput screenDevice(String interfaces) {
        return input(envelope(null, null, interfaces), remaining(7000));
    }
}
