package io.github.asflink.skill.alexa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazon.ask.model.Directive;
import com.amazon.ask.util.JacksonSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The APL document's shape: what a device needs to render it, every data binding answered by the data source the
 * skill sends, nothing fetched from anywhere, and small.
 */
class ListDocumentTest {

    private static final Pattern BINDING = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern REFERENCE = Pattern.compile("\\b(payload|data|viewport)((?:\\.[A-Za-z]+)*)");
    private static final Pattern RESOURCE = Pattern.compile("^@([A-Za-z]+)$");

    static JsonNode document() {
        try (InputStream in = ListDocumentTest.class.getResourceAsStream(ListScreen.DOCUMENT)) {
            assertNotNull(in, ListScreen.DOCUMENT + " is missing");
            return Envelopes.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void isAnAplDocumentOfItsVersionWithThePayloadParameter() {
        JsonNode document = document();

        assertEquals("APL", document.path("type").asText());
        assertEquals(ListScreen.DOCUMENT_VERSION, document.path("version").asText());
        assertEquals(List.of("payload"), texts(document.path("mainTemplate").path("parameters")));
        assertEquals(1, document.path("mainTemplate").path("items").size());
    }

    @Test
    void everyBindingIsAnsweredByTheDataSourceTheSkillSends() throws IOException {
        Directive directive = new ListScreen(Envelopes.JSON).forList(
                Envelopes.input(Envelopes.envelope(null, null, ListScreenTest.ECHO_SHOW), Envelopes.remaining(7000)),
                "Your pipeline", List.of(new ListScreen.Row("Globex renewal", "", ""))).orElseThrow();
        JsonNode datasources = Envelopes.JSON.readTree(new JacksonSerializer().serialize(directive))
                .path("datasources");
        JsonNode row = datasources.path("list").path("rows").get(0);

        Set<String> references = new HashSet<>();
        strings(document(), text -> {
            Matcher binding = BINDING.matcher(text);
            while (binding.find()) {
                Matcher reference = REFERENCE.matcher(binding.group(1));
                while (reference.find()) {
                    references.add(reference.group(1) + reference.group(2));
                }
            }
        });

        assertTrue(references.containsAll(Set.of("payload.list.title", "payload.list.rows", "data.primary",
                "data.secondary", "data.value")), references.toString());
        for (String reference : references) {
            String[] path = reference.split("\\.");
            JsonNode node = switch (path[0]) {
                case "payload" -> datasources;
                case "data" -> row;
                default -> null; // the device's own viewport
            };
            for (int i = 1; node != null && i < path.length; i++) {
                assertTrue(node.has(path[i]), reference + " is not in the data source " + datasources);
                node = node.get(path[i]);
            }
        }
    }

    @Test
    void theRowsRepeatOverTheListsRowsInASequence() {
        JsonNode sequence = document().path("mainTemplate").path("items").get(0).path("items").get(1);

        assertEquals("Sequence", sequence.path("type").asText());
        assertEquals("${payload.list.rows}", sequence.path("data").asText());
    }

    @Test
    void everyResourceItUsesIsDefinedForEveryScreen() {
        JsonNode document = document();
        JsonNode base = document.path("resources").get(0);
        assertFalse(base.has("when"), "the first resources apply everywhere");
        Set<String> defined = new HashSet<>();
        base.path("dimensions").fieldNames().forEachRemaining(defined::add);
        List<String> used = new ArrayList<>();
        strings(document.path("mainTemplate"), text -> {
            Matcher resource = RESOURCE.matcher(text);
            if (resource.matches()) {
                used.add(resource.group(1));
            }
        });

        assertFalse(used.isEmpty());
        assertTrue(defined.containsAll(used), "used " + used + ", defined " + defined);
        for (JsonNode override : document.path("resources")) {
            override.path("dimensions").fieldNames()
                    .forEachRemaining(name -> assertTrue(defined.contains(name), name + " overrides nothing"));
        }
    }

    @Test
    void shortScreensAndTelevisionsGetTheirOwnSizes() {
        // Echo Show 5 is 960 x 480 dp, Fire TV 960 x 540 dp, Echo Show 8 and 10 1280 x 800 dp.
        JsonNode resources = document().path("resources");
        assertEquals(List.of("", "${viewport.height < 600}", "${viewport.mode == 'tv'}"),
                List.of(resources.get(0).path("when").asText(), resources.get(1).path("when").asText(),
                        resources.get(2).path("when").asText()));
        JsonNode base = resources.get(0).path("dimensions");
        JsonNode small = resources.get(1).path("dimensions");
        base.fieldNames().forEachRemaining(name -> {
            assertTrue(small.has(name), name + " is not sized for short screens");
            assertTrue(dp(small.get(name)) < dp(base.get(name)), name + " is not smaller on short screens");
        });
    }

    @Test
    void fetchesNothing() {
        JsonNode document = document();
        assertFalse(document.has("import"), "no packages: they are fetched by the device");
        strings(document, text -> assertFalse(text.contains("://"), "no URL in the document: " + text));
        List<String> keys = new ArrayList<>();
        keys(document, keys);
        assertFalse(keys.contains("source") || keys.contains("sources") || keys.contains("extensions"), keys::toString);
    }

    @Test
    void isSmall() throws IOException {
        try (InputStream in = ListDocumentTest.class.getResourceAsStream(ListScreen.DOCUMENT)) {
            assertNotNull(in);
            int size = in.readAllBytes().length;
            assertTrue(size < 4096, ListScreen.DOCUMENT + " is " + size + " bytes");
        }
    }

    private static int dp(JsonNode dimension) {
        return Integer.parseInt(dimension.asText().replace("dp", ""));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static void strings(JsonNode node, Consumer<String> visit) {
        if (node.isTextual()) {
            visit.accept(node.asText());
        }
        node.forEach(child -> strings(child, visit));
    }

    private static void keys(JsonNode node, List<String> keys) {
        node.fieldNames().forEachRemaining(keys::add);
        node.forEach(child -> keys(child, keys));
    }
}
