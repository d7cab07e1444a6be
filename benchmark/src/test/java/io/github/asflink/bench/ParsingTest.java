package io.github.asflink.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.asflink.local.SamTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small parsers: template facts, class-load logs, options, statistics, budgets. */
class ParsingTest {

    private static final String TEMPLATE = """
            Globals:
              Function:
                Runtime: java21
                MemorySize: 1024
                Environment:
                  Variables:
                    JAVA_TOOL_OPTIONS: "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"

            Resources:
              TokenFunction:
                Type: AWS::Serverless::Function
                Properties:
                  MemorySize: 512  # small is enough
              SkillFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Environment:
                    Variables:
                      JAVA_TOOL_OPTIONS: '-Xshare:auto'
            """;

    @Test
    void templateValuesComeFromTheFunctionElseFromGlobals() {
        Functions functions = new Functions(Path.of("unused"), SamTemplate.parse(TEMPLATE), "http://127.0.0.1:1");
        assertEquals(512, functions.memoryMb("TokenFunction"));
        assertEquals(1024, functions.memoryMb("SkillFunction"));
        assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1", functions.javaToolOptions("TokenFunction"));
        assertEquals("-Xshare:auto", functions.javaToolOptions("SkillFunction"));
        Functions bare = new Functions(Path.of("unused"), SamTemplate.parse("Resources: {}"), "http://127.0.0.1:1");
        assertEquals(SamTemplate.DEFAULT_MEMORY_MB, bare.memoryMb("TokenFunction"));
        assertEquals("", bare.javaToolOptions("TokenFunction"));
    }

    /** The template the benchmark reads, through the same parser the local runner uses. */
    @Test
    void theRealTemplateGivesBothFunctionsLambdasFlagsAndTheirMemory() throws Exception {
        Path template = Path.of("..", "template.yaml");
        assumeTrue(Files.exists(template), "run from the module folder of a full checkout");
        Functions functions = new Functions(Path.of("unused"), SamTemplate.load(template), "http://127.0.0.1:1");
        for (String function : List.of(Functions.TOKEN_ID, Functions.SKILL_ID)) {
            assertEquals(1024, functions.memoryMb(function), function);
            assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1", functions.javaToolOptions(function),
                    function);
        }
    }

    @Test
    void classLoadsAreCountedByOriginAndPackageUntilTheCutOff() {
        List<String> log = List.of(
                "[0.010s][info][class,load] java.lang.Object source: shared objects file",
                "[0.020s][info][class,load] sun.security.ssl.SSLContextImpl source: jrt:/java.base",
                "[0.030s][info][class,load] com.google.gson.Gson source: file:/task/lib/gson-2.13.2.jar",
                "[0.040s][info][class,load] io.github.asflink.token.TokenHandler source: file:/task/",
                "[0.050s][info][class,load] java.lang.invoke.LambdaForm$MH/0x0000000044041800 source: "
                        + "__JVM_LookupDefineClass__",
                "[0.060s][info][class,load] java.util.Comparator$$Lambda/0x000000004400f418 source: "
                        + "java.util.Comparator",
                "[0.070s][info][class,load] java.lang.Shutdown source: shared objects file",
                "not a class line");
        ClassLoads all = ClassLoads.of(log);
        assertEquals(7, all.total());
        assertEquals(3, all.byOrigin().get(ClassLoads.JDK));
        assertEquals(2, all.byOrigin().get(ClassLoads.GENERATED));
        assertEquals(1, all.byOrigin().get(ClassLoads.OWN_CLASSES));
        assertEquals(1, all.byOrigin().get("gson-2.13.2.jar"));
        assertEquals(1, all.byPackage().get("sun.security.ssl"));
        assertEquals(1, all.byPackage().get("io.github.asflink"));

        assertEquals(6, ClassLoads.of(log, 65).total(), "Shutdown came after the answer");
        assertEquals(Map.of("sun.security.ssl", 1, "com.google.gson", 1),
                ClassLoads.topAdded(Map.of("sun.security.ssl", 1, "com.google.gson", 1, "java.lang", 5),
                        Map.of("java.lang", 9), 5));
    }

    @Test
    void optionsParseAndReject() {
        Options defaults = Options.parse();
        assertEquals(10, defaults.runs());
        assertEquals(Set.of("token", "skill", "baselines"), defaults.only());
        assertTrue(defaults.samBuild().endsWith(".aws-sam/build"));
        assertTrue(defaults.out().endsWith("bench-results/latest.md"));

        Options quick = Options.parse("--quick", "--only", "token", "--jvm-flag", "-XX:+UseSerialGC");
        assertEquals(3, quick.runs());
        assertEquals(Set.of("token", "baselines"), quick.only());
        assertEquals(List.of("-XX:+UseSerialGC"), quick.jvmFlags());
        assertEquals(Set.of("baselines"), Options.parse("--only", "baselines").only());

        assertThrows(IllegalArgumentException.class, () -> Options.parse("--runs", "0"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--only", "everything"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--bogus"));
        assertTrue(Options.parse("--help").help());
    }

    @Test
    void statsAndBudgets() {
        Stats odd = Stats.of(3.0, 1.0, 2.0);
        assertEquals(new Stats(2.0, 1.0, 3.0, 3), odd);
        assertEquals(2.5, Stats.of(4.0, 1.0, 2.0, 3.0).median());
        assertEquals(0, Stats.of(Double.NaN).n());

        assertEquals("PASS (20% under)", new Budget("x", 5, 4, "×").result());
        assertEquals("FAIL (10% over)", new Budget("x", 5, 5.5, "×").result());
        assertEquals("not measured", new Budget("x", 5, Double.NaN, "×").result());
        assertEquals("PASS", new Budget("noise", 0, 0, "").result());
    }

    @Test
    void standInSignsLikeSalesforce() {
        // Base64(HMAC-SHA256(key = client secret, data = id + issued_at)); standard Base64 with padding.
        String signature = SalesforceStandIn.signature("https://login.example/id/00D/005", "1708058728442");
        assertEquals(44, signature.length());
        assertTrue(signature.endsWith("="));
        String id = "http://127.0.0.1:1/id/00D5g000004bEnCEAA/0055g00000bEnChAAM";
        assertTrue(SalesforceStandIn.tokenJson("http://127.0.0.1:1", 1708058728442L).contains(
                "\"signature\":\"" + SalesforceStandIn.signature(id, "1708058728442") + "\""));
    }
}
