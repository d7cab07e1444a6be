package io.github.asflink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two values the benchmark takes from {@code template.yaml} for a function: {@code JAVA_TOOL_OPTIONS} and
 * {@code MemorySize}, from the function's own resource block or else from {@code Globals}. A plain line scan, enough
 * for the block style SAM templates are written in; flow-style YAML is not read.
 */
final class TemplateFacts {

    static final int DEFAULT_MEMORY_MB = 512;

    private final List<String> lines;

    private TemplateFacts(List<String> lines) {
        this.lines = lines;
    }

    static TemplateFacts read(Path template) throws IOException {
        return new TemplateFacts(Files.exists(template) ? Files.readAllLines(template) : List.of());
    }

    static TemplateFacts of(String yaml) {
        return new TemplateFacts(yaml.lines().toList());
    }

    Optional<String> javaToolOptions(String logicalId) {
        return value(logicalId, "JAVA_TOOL_OPTIONS");
    }

    int memoryMb(String logicalId) {
        return value(logicalId, "MemorySize").map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                return DEFAULT_MEMORY_MB; // a !Ref or similar: not resolvable here
            }
        }).orElse(DEFAULT_MEMORY_MB);
    }

    private Optional<String> value(String logicalId, String key) {
        Optional<String> own = find(block("  " + logicalId + ":"), key);
        return own.isPresent() ? own : find(block("Globals:"), key);
    }

    /** The lines under {@code header} (matched after trimming trailing spaces), up to the next line as far left. */
    private List<String> block(String header) {
        int indent = header.length() - header.stripLeading().length();
        List<String> block = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (!inside) {
                inside = line.stripTrailing().equals(header);
                continue;
            }
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            if (line.length() - line.stripLeading().length() <= indent) {
                break;
            }
            block.add(line);
        }
        return block;
    }

    private static Optional<String> find(List<String> block, String key) {
        for (String line : block) {
            String content = line.strip();
            if (content.startsWith(key + ":")) {
                return Optional.of(unquote(content.substring(key.length() + 1).strip()))
                        .filter(v -> !v.isEmpty());
            }
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            int end = value.indexOf(value.charAt(0), 1);
            return end > 0 ? value.substring(1, end) : value.substring(1);
        }
        int comment = value.indexOf(" #");
        return (comment >= 0 ? value.substring(0, comment) : value).strip();
    }
}
