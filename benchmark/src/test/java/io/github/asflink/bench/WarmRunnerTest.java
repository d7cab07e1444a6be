package io.github.asflink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The warm harness reaches a function only through its public offline entry point, and stops when it is not there. */
class WarmRunnerTest {

    private static final ClassLoader LOADER = WarmRunnerTest.class.getClassLoader();
    private static final Function<HttpRequest, Map.Entry<Integer, String>> SALESFORCE = r -> Map.entry(200, "{}");

    @Test
    void callsThePublicFactoryWithTheEnvironmentAndTheAnswers() throws Exception {
        RequestStreamHandler handler = WarmRunner.offline(LOADER, EntryPoint.class.getName(), Map.of("K", "v"),
                SALESFORCE);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(null, out, null);
        assertEquals("v 200", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingClassStopsTheRunWithItsName() {
        WarmRunner.MissingEntryPoint missing = assertThrows(WarmRunner.MissingEntryPoint.class,
                () -> WarmRunner.offline(LOADER, "io.github.asflink.skill.NoSuchOfflineHandler", Map.of(), SALESFORCE));
        assertTrue(missing.getMessage().contains("io.github.asflink.skill.NoSuchOfflineHandler is not in the"),
                missing.getMessage());
    }

    @Test
    void aChangedShapeStopsTheRun() {
        for (Class<?> wrong : List.of(OldShape.class, NotStatic.class, WrongReturn.class)) {
            WarmRunner.MissingEntryPoint changed = assertThrows(WarmRunner.MissingEntryPoint.class,
                    () -> WarmRunner.offline(LOADER, wrong.getName(), Map.of(), SALESFORCE), wrong.getSimpleName());
            assertTrue(changed.getMessage().contains(wrong.getName()), changed.getMessage());
        }
    }

    @Test
    void aFactoryThatThrowsStopsTheRunNamingTheFailure() {
        WarmRunner.MissingEntryPoint failed = assertThrows(WarmRunner.MissingEntryPoint.class,
                () -> WarmRunner.offline(LOADER, Throwing.class.getName(), Map.of(), SALESFORCE));
        assertTrue(failed.getMessage().contains("failed: java.lang.IllegalStateException"), failed.getMessage());
    }

    @Test
    void skillAnswersComeFromTheStandInOncePerRequest() {
        Function<HttpRequest, Map.Entry<Integer, String>> answers = WarmRunner.skillAnswers("http://127.0.0.1:1");
        HttpRequest userinfo = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/services/oauth2/userinfo"))
                .header("Authorization", "Bearer nobody").GET().build();
        Map.Entry<Integer, String> first = answers.apply(userinfo);
        assertEquals(first, answers.apply(userinfo));
        assertTrue(first.getKey() >= 200, first.toString());
    }

    /** End to end: a function build without the entry point makes the warm run, and so the benchmark, fail. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aBuildWithoutTheEntryPointFailsTheWarmRunInsteadOfMeasuringLess(@TempDir Path emptyBuild) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        WarmBench warm = new WarmBench(JvmLauncher.forCurrentJdk(List.of()), new PrintStream(log), true);

        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> warm.run(WarmRunner.TOKEN, emptyBuild));
        assertTrue(failed.getMessage().contains("exit code 3"), failed.getMessage());
    }

    /** The shape the functions offer. */
    public static final class EntryPoint {
        public static RequestStreamHandler create(Map<String, String> environment,
                Function<HttpRequest, Map.Entry<Integer, String>> salesforce) {
            int status = salesforce.apply(HttpRequest.newBuilder(URI.create("http://127.0.0.1:1/")).build()).getKey();
            return (input, output, context) -> output.write((environment.get("K") + " " + status)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An older shape: the transport instead of the answers. */
    public static final class OldShape {
        public static RequestStreamHandler create(Map<String, String> environment) {
            return (input, output, context) -> { };
        }
    }

    public static final class NotStatic {
        public RequestStreamHandler create(Map<String, String> environment,
                Function<HttpRequest, Map.Entry<Integer, String>> salesforce) {
            return (input, output, context) -> { };
        }
    }

    public static final class WrongReturn {
        public static Object create(Map<String, String> environment,
                Function<HttpRequest, Map.Entry<Integer, String>> salesforce) {
            return new Object();
        }
    }

    public static final class Throwing {
        public static RequestStreamHandler create(Map<String, String> environment,
                Function<HttpRequest, Map.Entry<Integer, String>> salesforce) {
            throw new IllegalStateException("not configured");
        }
    }
}
