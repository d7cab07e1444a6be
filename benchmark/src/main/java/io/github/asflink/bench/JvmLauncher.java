package io.github.asflink.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the command line and environment of a cold JVM the way Lambda's {@code java21} runtime starts one: the
 * runtime interface client's jars on the class path, its {@code AWSLambda} main with the handler string, the function's
 * folder as working directory (the client loads the function from there and from {@code lib/*.jar}), tiered
 * compilation stopped at C1, and {@code JAVA_TOOL_OPTIONS} from the template in the environment, where the JVM picks it
 * up by itself.
 */
final class JvmLauncher {

    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String RIC_CLASSPATH_RESOURCE = "ric-classpath.txt";

    private final Path java;
    private final List<String> jvmFlags;
    private final String ricClasspath;

    JvmLauncher(Path java, List<String> jvmFlags, String ricClasspath) {
        this.java = java;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.ricClasspath = ricClasspath;
    }

    /** The JVM this benchmark runs on, with the java21 runtime's flags and the RIC jars from this module's build. */
    static JvmLauncher forCurrentJdk(List<String> extraFlags) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> flags = new ArrayList<>(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        if (Runtime.version().feature() >= 24) {
            // Java 24+ warn on stderr when the runtime client uses sun.misc.Unsafe and loads its JNI library; Java 21
            // (what Lambda runs) does neither. Without these the noise check would blame the project for the JDK.
            flags.add("--sun-misc-unsafe-memory-access=allow");
            flags.add("--enable-native-access=ALL-UNNAMED");
        }
        flags.addAll(extraFlags);
        return new JvmLauncher(java, flags, ricClasspath());
    }

    /** The runtime interface client and its dependencies, as this module's build resolved them. */
    static String ricClasspath() {
        try (InputStream in = JvmLauncher.class.getResourceAsStream(RIC_CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RIC_CLASSPATH_RESOURCE
                        + " is missing: build the benchmark module with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> jvmFlags() {
        return jvmFlags;
    }

    /** A process builder for one cold start; {@code extraFlags} (e.g. class-load logging) go before the main class. */
    ProcessBuilder builder(Subject subject, String runtimeApi, List<String> extraFlags) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmFlags);
        command.addAll(subject.jvmFlags());
        command.addAll(extraFlags);
        command.add("-cp");
        if (subject.isFunction()) {
            command.add(ricClasspath);
            command.add(RIC_MAIN);
            command.add(subject.handler());
        } else {
            command.add(subject.taskRoot().toString());
            command.add(subject.mainClass());
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(subject.taskRoot().toFile());
        Map<String, String> env = builder.environment();
        env.clear(); // nothing from this shell (JAVA_TOOL_OPTIONS, proxies, AWS_*) leaks into the measured JVM
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.put("TZ", ":UTC");
        if (!subject.javaToolOptions().isBlank()) {
            env.put("JAVA_TOOL_OPTIONS", subject.javaToolOptions());
        }
        if (subject.isFunction()) {
            env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
            env.put("_HANDLER", subject.handler());
            env.put("LAMBDA_TASK_ROOT", subject.taskRoot().toString());
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
            env.put("AWS_LAMBDA_FUNCTION_NAME", subject.key());
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(subject.memoryMb()));
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
            env.put("AWS_LAMBDA_LOG_FORMAT", "JSON");
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_DEFAULT_REGION", "us-east-1");
            env.putAll(subject.functionEnv());
        }
        return builder;
    }

    static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of("(unreadable: " + e.getClass().getSimpleName() + ")");
        }
    }
}
