package io.github.asflink.bench;

import io.github.asflink.local.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The project's two functions as benchmark subjects, built from what {@code sam build} produced. */
final class Functions {
    static final String TOKEN_ID = "TokenFunction";
    static final String SKILL_ID = "SkillFunction";
    static final String TOKEN_HANDLER = "io.github.asflink.token.TokenHandler::handleRequest";
    static final String SKILL_HANDLER = "io.github.asflink.skill.SkillHandler::handleRequest";

    static final String TOKEN = "token";
    static final String SKILL_UNLINKED = "skill-unlinked";
    static final String SKILL_LINKED = "skill-linked";
    static final String TOKEN_TLS = "token-tls";
    static final String SKILL_LINKED_TLS = "skill-linked-tls";


    private final Path samBuild;
    private final SamTemplate template;
    private final String standIn;

    Functions(Path samBuild, SamTemplate template, String standInBase) {
        this.samBuild = samBuild;
        this.template = template;
        this.standIn = standInBase;
    }

    Path buildDir(String logicalId) {
        return samBuild.resolve(logicalId);
    }

    boolean built(String logicalId) {
        return Files.isDirectory(buildDir(logicalId));
    }

    Map<String, String> tokenEnv() {
        return StandInEnvironments.token(standIn);
    }

    Map<String, String> skillEnv() {
        return StandInEnvironments.skill(standIn);
    }

    /** {@code MemorySize} as the template gives it to the function (its own, else Globals, else Lambda's 128). */
    int memoryMb(String logicalId) {
        return template.function(logicalId).map(SamTemplate.FunctionDefinition::memoryMb)
                .orElse(SamTemplate.DEFAULT_MEMORY_MB);
    }

    /** {@code JAVA_TOOL_OPTIONS} from the function's environment in the template (Globals merged), or empty. */
    String javaToolOptions(String logicalId) {
        return template.function(logicalId).map(f -> f.environment().getOrDefault("JAVA_TOOL_OPTIONS", ""))
                .orElse("");
    }

    Subject token() {
        return Subject.function(TOKEN, "token function, authorization_code exchange", buildDir(TOKEN_ID),
                TOKEN_HANDLER, tokenEnv(), javaToolOptions(TOKEN_ID),
                memoryMb(TOKEN_ID), Events.tokenAuthorizationCode(),
                Events.TOKEN_GRANTED);
    }

    Subject skillUnlinked() {
        return Subject.function(SKILL_UNLINKED, "skill function, unlinked LaunchRequest", buildDir(SKILL_ID),
                SKILL_HANDLER, skillEnv(), javaToolOptions(SKILL_ID),
                memoryMb(SKILL_ID), Events.skillLaunch(null), body -> body.contains("LinkAccount"));
    }

    Subject skillLinked() {
        return Subject.function(SKILL_LINKED, "skill function, linked LaunchRequest (userinfo)", buildDir(SKILL_ID),
                SKILL_HANDLER, skillEnv(), javaToolOptions(SKILL_ID),
                memoryMb(SKILL_ID), Events.skillLaunch(Events.linkedToken(standIn)),
                body -> body.contains("outputSpeech") && !body.contains("LinkAccount"));
    }

    /**
     * The token exchange against the stand-in over TLS: what the first HTTPS connection adds (handshake, certificate
     * check). Not budgeted; it feeds the worst-case estimate against Alexa's 4.5 s.
     */
    Subject tokenOverTls(String tlsStandIn, List<String> trustFlags) {
        return token().with(TOKEN_TLS, "token function, same exchange over TLS", StandInEnvironments.token(tlsStandIn),
                trustFlags, Events.tokenAuthorizationCode());
    }

    Subject skillLinkedOverTls(String tlsStandIn, List<String> trustFlags) {
        return skillLinked().with(SKILL_LINKED_TLS, "skill function, linked LaunchRequest over TLS",
                StandInEnvironments.skill(tlsStandIn), trustFlags, Events.skillLaunch(Events.linkedToken(tlsStandIn)));
    }

    /** Total bytes of the folder Lambda gets, and its largest jars. */
    Results.Deployment deployment(String logicalId) {
        Path dir = buildDir(logicalId);
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            long total = 0;
            List<Map.Entry<String, Long>> jars = new ArrayList<>();
            for (Path f : regular) {
                long size = Files.size(f);
                total += size;
                if (f.getFileName().toString().endsWith(".jar")) {
                    jars.add(Map.entry(f.getFileName().toString(), size));
                }
            }
            Map<String, Long> largest = new LinkedHashMap<>();
            jars.stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                    .forEach(e -> largest.put(e.getKey(), e.getValue()));
            return new Results.Deployment(total, largest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A warning when a module's sources changed after its {@code sam build} output was made. */
    static String staleness(Path root, String folder, Path buildDir) {
        FileTime source = newest(root.resolve(folder).resolve("src").resolve("main"));
        FileTime shared = newest(root.resolve("linked-token").resolve("src").resolve("main"));
        FileTime built = newest(buildDir);
        FileTime changed = shared != null && (source == null || shared.compareTo(source) > 0) ? shared : source;
        if (changed != null && built != null && changed.compareTo(built) > 0) {
            return folder + " (or linked-token) changed after its sam build output was made: run ./asl build to "
                    + "measure the current code.";
        }
        return null;
    }

    private static FileTime newest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (IOException e) {
                    return FileTime.fromMillis(0);
                }
            }).max(Comparator.naturalOrder()).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
