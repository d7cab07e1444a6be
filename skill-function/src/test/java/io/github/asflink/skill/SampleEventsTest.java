package io.github.asflink.skill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tests read copies of the repo's {@code events/skill-*.json} from the module's own test resources, because
 * {@code sam build} builds this folder alone, elsewhere. When the repo folder is there, the copies must match it.
 */
class SampleEventsTest {

    private static final Path COPIES = Path.of("src", "test", "resources", "events");
    private static final Path REPO_EVENTS = Path.of("..", "events");

    @Test
    void copiesMatchTheRepoEventsWhenTheyArePresent() throws IOException {
        assumeTrue(Files.isDirectory(REPO_EVENTS), "built outside the repo (sam build): no ../events to compare");
        List<Path> published = skillEvents(REPO_EVENTS);
        List<Path> copies = skillEvents(COPIES);

        assertEquals(names(published), names(copies), "every events/skill-*.json needs a copy, and only those");
        for (Path event : published) {
            assertArrayEquals(Files.readAllBytes(event), Files.readAllBytes(COPIES.resolve(event.getFileName())),
                    () -> event.getFileName() + " differs from its copy in " + COPIES);
        }
    }

    @Test
    void everyCopyIsAnAlexaRequestEnvelope() throws IOException {
        List<Path> copies = skillEvents(COPIES);
        assertFalse(copies.isEmpty());
        for (Path event : copies) {
            JsonNode envelope = SkillInvocation.JSON.readTree(event.toFile());
            assertEquals("1.0", envelope.path("version").asText(), event.toString());
            assertTrue(envelope.path("context").path("System").path("application").has("applicationId"),
                    event.toString());
            assertTrue(envelope.path("request").has("type"), event.toString());
            assertTrue(envelope.path("request").path("requestId").asText().startsWith("amzn1.echo-api.request."),
                    event.toString());
        }
    }

    private static List<Path> skillEvents(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("skill-.*\\.json")).sorted().toList();
        }
    }

    private static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }
}
