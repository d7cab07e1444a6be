package io.github.asflink.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The settings table in {@code docs/deploy.md} against {@code template.yaml}: every parameter has its row, with the
 * template's default (or "required" when it has none) and the environment variable(s) the template sets from it, in
 * the functions that get them; every variable the template sets without a parameter has a row too. A parameter added,
 * renamed or re-defaulted in one place and not the other fails here.
 */
class DeployDocTest {

    /** {@code | `Param` or – | `VAR` (token) or – | default | meaning |} */
    private static final Pattern ROW = Pattern.compile(
            "^\\| (?:`([A-Za-z]+)`|–) \\| (?:`([A-Z_]+)` \\((token|skill|both)\\)|–) \\| ([^|]+) \\| .+ \\|$");

    private static final Map<String, String> FUNCTION_NAMES = Map.of("TokenFunction", "token", "SkillFunction",
            "skill");

    private record Row(String parameter, String variable, String functions, String defaultValue) {
    }

    /** Where a variable is set: which functions (token, skill, both) and from what (a parameter, or a literal). */
    private record Setting(String variable, String functions, String parameter, String literal) {
    }

    private static Map<String, Object> template;
    private static List<Row> rows;

    @BeforeAll
    static void read() throws IOException {
        Path templateFile = Path.of("..", "template.yaml");
        Path doc = Path.of("..", "docs", "deploy.md");
        assumeTrue(Files.isRegularFile(templateFile) && Files.isRegularFile(doc), "not in the repository layout");
        template = CloudFormationYaml.parse(Files.readString(templateFile));
        rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("| Parameter | Environment variable | Default | Meaning |")) {
                inTable = true;
                continue;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            if (!line.startsWith("|")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            assertTrue(m.matches(), "a settings row not in the table's form: " + line);
            rows.add(new Row(m.group(1), m.group(2), m.group(3), m.group(4).trim()));
        }
        assertTrue(rows.size() > 5, "the settings table in docs/deploy.md was not found");
    }

    @Test
    void everyParameterHasItsRowAndNoRowNamesAParameterTheTemplateLacks() {
        TreeSet<String> documented = new TreeSet<>();
        rows.stream().filter(r -> r.parameter() != null).forEach(r -> documented.add(r.parameter()));
        assertEquals(new TreeSet<>(parameters().keySet()), documented);
    }

    @Test
    void eachRowGivesTheTemplatesDefault() {
        Map<String, Object> parameters = parameters();
        for (Row row : rows) {
            if (row.parameter() == null) {
                continue;
            }
            Object definition = ((Map<?, ?>) parameters.get(row.parameter())).get("Default");
            String expected = definition == null ? "**required**"
                    : definition.toString().isEmpty() ? "empty" : "`" + definition + "`";
            assertEquals(expected, row.defaultValue(), row.parameter());
        }
    }

    @Test
    void eachRowNamesTheVariablesTheTemplateSetsAndWhere() {
        Map<String, Setting> settings = settings();
        Map<String, String> expectedByParameter = new TreeMap<>();
        settings.forEach((where, setting) -> {
            if (setting.parameter() != null) {
                expectedByParameter.put(setting.parameter(), where);
            }
        });
        for (Row row : rows) {
            String documented = row.variable() == null ? null : row.variable() + " (" + row.functions() + ")";
            if (row.parameter() != null) {
                assertEquals(expectedByParameter.get(row.parameter()), documented, row.parameter());
            } else {
                Setting setting = settings.get(row.variable() + " (" + row.functions() + ")");
                assertTrue(setting != null && setting.parameter() == null, row.variable() + " is not a literal");
                assertEquals(setting.functions(), row.functions(), row.variable());
                assertEquals("`" + setting.literal() + "`", row.defaultValue(), row.variable());
            }
        }
        settings.forEach((where, setting) -> {
            if (setting.parameter() == null) {
                assertTrue(rows.stream().anyMatch(r -> setting.variable().equals(r.variable())), where + " has no row");
            }
        });
    }

    private static Map<String, Object> parameters() {
        return map(template.get("Parameters"));
    }

    /**
     * Every environment variable the template sets, from Globals (both functions) and each function, keyed as the
     * table names it ({@code VARIABLE (function)}): the functions share some names for the same idea (say
     * {@code SALESFORCE_TIMEOUT_MS}), each from its own parameter.
     */
    private static Map<String, Setting> settings() {
        Map<String, Setting> settings = new LinkedHashMap<>();
        Map<String, Object> globals = map(map(map(template.get("Globals")).get("Function")).get("Environment"));
        map(globals.get("Variables")).forEach((name, value) ->
                settings.put(name + " (both)", setting(name, "both", value)));
        map(template.get("Resources")).forEach((logicalId, resource) -> {
            Map<String, Object> r = map(resource);
            if (!"AWS::Serverless::Function".equals(r.get("Type"))) {
                return;
            }
            String function = FUNCTION_NAMES.get(logicalId);
            Map<String, Object> environment = map(map(r.get("Properties")).get("Environment"));
            map(environment.get("Variables")).forEach((name, value) -> settings.put(name + " (" + function + ")",
                    setting(name, function, value)));
        });
        return settings;
    }

    private static Setting setting(String variable, String functions, Object value) {
        if (value instanceof Map<?, ?> intrinsic && intrinsic.get("Ref") instanceof String parameter) {
            return new Setting(variable, functions, parameter, null);
        }
        return new Setting(variable, functions, null, String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
