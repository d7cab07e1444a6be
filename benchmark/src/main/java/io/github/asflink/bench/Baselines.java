package io.github.asflink.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.asflink.bench.baseline.BareMain;
import io.github.asflink.bench.baseline.TrivialHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The two baselines, each laid out in its own folder like a {@code sam build} output: the trivial handler with only
 * {@code aws-lambda-java-core} in {@code lib/}, the bare main with nothing but its class.
 */
final class Baselines {
    static final String TRIVIAL = "trivial";
    static final String BARE_MAIN = "bare-main";

    private Baselines() {
    }

    static Subject trivialHandler(Path scratch, int memoryMb) throws IOException {
        Path root = scratch.resolve("task-" + TRIVIAL);
        copyClass(TrivialHandler.class, root);
        Path core = codeSource(RequestStreamHandler.class);
        Files.createDirectories(root.resolve("lib"));
        Files.copy(core, root.resolve("lib").resolve(core.getFileName()),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return Subject.function(TRIVIAL, "trivial RequestStreamHandler (constant JSON)", root,
                TrivialHandler.class.getName() + "::handleRequest", Map.of(), "", memoryMb, "{}".getBytes(),
                body -> body.contains("\"statusCode\":200"));
    }

    static Subject bareMain(Path scratch) throws IOException {
        Path root = scratch.resolve("task-" + BARE_MAIN);
        copyClass(BareMain.class, root);
        return Subject.plainMain(BARE_MAIN, "bare main printing one line", root, BareMain.class.getName());
    }

    private static void copyClass(Class<?> type, Path root) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        Path target = root.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file not found: " + resource);
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The jar (or folder) a class was loaded from. */
    static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
