package io.github.asflink.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One thing to cold-start. A Lambda function ({@code handler} set) runs under the runtime interface client with
 * {@code taskRoot} as its working directory, where the client finds classes and {@code lib/*.jar} as on Lambda; a
 * plain program ({@code handler} null) runs {@code mainClass} from {@code taskRoot}.
 *
 * @param key          short name used in options and tables
 * @param description  what the row measures
 * @param taskRoot     what Lambda would get (a {@code sam build} output folder)
 * @param handler      the {@code _HANDLER} string, or null for a plain main
 * @param mainClass    for a plain main only
 * @param functionEnv  the function's own environment variables
 * @param javaToolOptions the template's {@code JAVA_TOOL_OPTIONS}, or empty
 * @param jvmFlags     flags this subject alone needs (a trust store for the TLS stand-in)
 * @param memoryMb     {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}
 * @param event        the queued event (empty for a plain main)
 * @param accepts      true for the answer a working function gives; anything else fails the run
 */
public record Subject(String key, String description, Path taskRoot, String handler, String mainClass,
                      Map<String, String> functionEnv, String javaToolOptions, List<String> jvmFlags, int memoryMb,
                      byte[] event, Predicate<String> accepts) {

    public boolean isFunction() {
        return handler != null;
    }

    static Subject function(String key, String description, Path taskRoot, String handler, Map<String, String> env,
                            String javaToolOptions, int memoryMb, byte[] event, Predicate<String> accepts) {
        return new Subject(key, description, taskRoot, handler, null, Map.copyOf(env), javaToolOptions, List.of(),
                memoryMb, event, accepts);
    }

    Subject with(String newKey, String newDescription, Map<String, String> env, List<String> flags, byte[] newEvent) {
        return new Subject(newKey, newDescription, taskRoot, handler, mainClass, Map.copyOf(env), javaToolOptions,
                List.copyOf(flags), memoryMb, newEvent, accepts);
    }

    static Subject plainMain(String key, String description, Path classes, String mainClass) {
        return new Subject(key, description, classes, null, mainClass, Map.of(), "", List.of(), 0, new byte[0],
                s -> true);
    }
}
