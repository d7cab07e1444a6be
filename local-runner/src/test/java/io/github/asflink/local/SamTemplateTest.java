package io.github.asflink.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamTemplateTest {
    static SamTemplate testTemplate() throws IOException {
        try (InputStream in = SamTemplateTest.class.getResourceAsStream("/test-template.yaml")) {
            return SamTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void listsTheServerlessFunctionsInTemplateOrder() throws IOException {
        assertEquals(List.of("EchoFunction", "FailingFunction", "BadGatewayFunction", "SlowFunction"),
                testTemplate().functionIds());
    }

    @Test
    void resolvesShortFormIntrinsicsToParameterDefaultsAndLocalValues() throws IOException {
        SamTemplate.FunctionDefinition echo = testTemplate().function("EchoFunction").orElseThrow();
        Map<String, String> env = echo.environment();
        assertEquals("https://login.salesforce.com", env.get("SALESFORCE_LOGIN_URL"));
        assertEquals("5400", env.get("TOKEN_EXPIRES_IN"));
        assertEquals("from-globals", env.get("SHARED"));
        assertEquals("function", env.get("OVERRIDDEN_BY_FUNCTION"));
        assertEquals("region us-east-1 at https://login.salesforce.com", env.get("REGION_TEXT"));
        assertEquals("unchecked", env.get("SKILL_CHECK"));
        assertEquals("a,5400", env.get("JOINED"));
        assertEquals("", env.get("API_URL"));
        assertFalse(env.containsKey("DROPPED"), "!Ref AWS::NoValue removes the variable");
    }

    @Test
    void readsHandlerTimeoutMemoryAndRoutesWithGlobalsAsDefaults() throws IOException {
        SamTemplate template = testTemplate();
        SamTemplate.FunctionDefinition echo = template.function("EchoFunction").orElseThrow();
        assertEquals("io.github.asflink.local.TestHandlers$Echo", echo.handlerClass());
        assertEquals(4, echo.timeoutSeconds());
        assertEquals(256, echo.memoryMb());
        assertEquals(List.of(new SamTemplate.Route("POST", "/echo")), echo.routes());
        SamTemplate.FunctionDefinition slow = template.function("SlowFunction").orElseThrow();
        assertEquals(1, slow.timeoutSeconds());
        assertEquals(512, slow.memoryMb());
        assertEquals(List.of(new SamTemplate.Route("ANY", "/bad")),
                template.function("BadGatewayFunction").orElseThrow().routes());
        assertTrue(template.function("Api").isEmpty(), "an HttpApi is not a function");
        assertTrue(template.function("Missing").isEmpty());
    }

    @Test
    void environmentPrecedenceIsTemplateThenProcessThenEnvVarsFileThenRunner() throws IOException {
        SamTemplate.FunctionDefinition echo = testTemplate().function("EchoFunction").orElseThrow();
        EnvVarsFile file = EnvVarsFile.parse("""
                {"Parameters": {"TOKEN_EXPIRES_IN": "600", "SHARED": "from-parameters", "NOT_DECLARED": "x"},
                 "EchoFunction": {"SHARED": "from-function-section", "OVERRIDDEN_BY_FUNCTION": 7},
                 "OtherFunction": {"SALESFORCE_LOGIN_URL": "https://other.example"}}
                """);
        List<String> warnings = new ArrayList<>();
        Map<String, String> env = FunctionEnvironment.compute(echo,
                Map.of("SALESFORCE_LOGIN_URL", "https://test.salesforce.com", "TOKEN_EXPIRES_IN", "60",
                        "HOME", "/root"),
                file, Map.of("JOINED", "runner"), warnings::add);
        assertEquals("https://test.salesforce.com", env.get("SALESFORCE_LOGIN_URL"), "process env overrides");
        assertEquals("600", env.get("TOKEN_EXPIRES_IN"), "env-vars Parameters override the process env");
        assertEquals("from-function-section", env.get("SHARED"), "the function's section overrides Parameters");
        assertEquals("7", env.get("OVERRIDDEN_BY_FUNCTION"));
        assertEquals("runner", env.get("JOINED"), "the runner's own settings win");
        assertFalse(env.containsKey("HOME"), "undeclared process variables stay out");
        assertFalse(env.containsKey("NOT_DECLARED"), "undeclared env-vars entries are ignored, as sam local does");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("NOT_DECLARED"));
        assertEquals("EchoFunction", env.get("AWS_LAMBDA_FUNCTION_NAME"));
        assertEquals("256", env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
    }

    @Test
    void rejectsAnEnvVarsFileThatIsNotSectionsOfValues() {
        assertThrows(IllegalArgumentException.class, () -> EnvVarsFile.parse("[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> EnvVarsFile.parse("{\"Parameters\": 5}"));
        assertThrows(IllegalArgumentException.class, () -> EnvVarsFile.parse("{\"Parameters\": {\"A\": {}}}"));
        assertThrows(IllegalArgumentException.class, () -> EnvVarsFile.parse("{not json"));
    }

    @Test
    void readsLongFormIntrinsicsToo() {
        SamTemplate template = SamTemplate.parse("""
                Parameters:
                  Url: {Type: String, Default: "https://x.example"}
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Timeout: 9
                      Environment:
                        Variables:
                          URL: {"Ref": "Url"}
                          SUBBED: {"Fn::Sub": ["${Url}/${Path}", {"Path": "token"}]}
                """);
        SamTemplate.FunctionDefinition f = template.function("F").orElseThrow();
        assertEquals("https://x.example", f.environment().get("URL"));
        assertEquals("https://x.example/token", f.environment().get("SUBBED"));
        assertEquals(9, f.timeoutSeconds());
    }

    /** The one test that reads the project's real template, when it is there. */
    @Test
    void theProjectTemplateDeclaresBothFunctionsAsTheContractSays() throws IOException {
        Path real = Path.of("..", "template.yaml");
        assumeTrue(Files.isRegularFile(real), "no ../template.yaml");
        SamTemplate template = SamTemplate.load(real);
        SamTemplate.FunctionDefinition token = template.function("TokenFunction").orElseThrow();
        assertEquals("io.github.asflink.token.TokenHandler", token.handlerClass());
        assertTrue(token.routes().stream().anyMatch(route -> route.matches("POST", "/token")));
        assertTrue(token.routes().stream().anyMatch(route -> route.matches("GET", "/token")),
                "every method reaches the function, which answers 405 itself");
        assertTrue(token.environment().containsKey("SALESFORCE_LOGIN_URL"));
        assertEquals("io.github.asflink.skill.SkillHandler",
                template.function("SkillFunction").orElseThrow().handlerClass());
    }

    @Test
    void aRefToAParameterWithoutDefaultIsEmptyAsInSamLocal() throws IOException {
        SamTemplate template;
        try (InputStream in = SamTemplateTest.class.getResourceAsStream("/no-defaults-template.yaml")) {
            template = SamTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, String> token = template.function("TokenFunction").orElseThrow().environment();
        assertEquals("", token.get("ALLOWED_CLIENT_IDS"));
        assertEquals("clients=", token.get("CLIENTS_TEXT"));
        Map<String, String> skill = template.function("SkillFunction").orElseThrow().environment();
        assertEquals("", skill.get("SKILL_ID"));
        assertEquals("unchecked", skill.get("SKILL_CHECK"));
        assertTrue(template.function("SkillFunction").orElseThrow().alexaSkill());
    }
}
