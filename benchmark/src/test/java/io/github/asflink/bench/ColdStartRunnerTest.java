package io.github.asflink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke tests: one real cold start of each baseline under the real runtime interface client. No timing asserted.
 * Linux only, as the benchmark is: the client's native library and /proc exist there (and on Lambda) only.
 */
@EnabledOnOs(OS.LINUX)
class ColdStartRunnerTest {

    @TempDir
    Path scratch;

    @Test
    void trivialHandlerAnswersThroughTheRuntimeClient() throws Exception {
        ColdStart cold = new ColdStartRunner(JvmLauncher.forCurrentJdk(List.of()), scratch)
                .run(Baselines.trivialHandler(scratch, 512));

        assertTrue(cold.totalMs() > 0, "total");
        assertTrue(cold.initMs() > 0 && cold.initMs() <= cold.totalMs(), "init before the answer");
        assertTrue(cold.peakRssKib() > 0, "peak RSS");
        assertEquals(List.of(), cold.noise(), "a normal cold start prints nothing on stderr");
    }

    @Test
    void bareMainIsTimedToItsLine() throws Exception {
        ColdStart cold = new ColdStartRunner(JvmLauncher.forCurrentJdk(List.of()), scratch)
                .run(Baselines.bareMain(scratch));

        assertTrue(cold.totalMs() > 0);
        assertTrue(Double.isNaN(cold.initMs()));
        assertTrue(cold.peakRssKib() > 0);
    }

    @Test
    void classLoadRunCountsTheHandlerAndTheRuntimeClient() throws Exception {
        ClassLoads loads = new ColdStartRunner(JvmLauncher.forCurrentJdk(List.of()), scratch)
                .classLoads(Baselines.trivialHandler(scratch, 512));

        assertTrue(loads.byPackage().getOrDefault("io.github.asflink", 0) >= 1, "the handler class");
        assertTrue(loads.byOrigin().keySet().stream()
                .anyMatch(o -> o.startsWith("aws-lambda-java-runtime-interface-client")));
        assertTrue(loads.total() > 300);
    }
}
