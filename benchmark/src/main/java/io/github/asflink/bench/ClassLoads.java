package io.github.asflink.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a cold start loaded, from {@code -Xlog:class+load} lines such as
 * {@code [0.120s][info][class,load] com.google.gson.Gson source: file:/…/lib/gson-2.13.2.jar}, counted by where they
 * came from (the JDK, a jar, the function's own classes, generated at run time) and by package.
 */
record ClassLoads(int total, Map<String, Integer> byOrigin, Map<String, Integer> byPackage) {

    private static final Pattern LINE =
            Pattern.compile("^\\[([0-9.]+)s\\].*\\[class,load\\s*\\] (\\S+) source: (.*)$");
    static final String JDK = "JDK";
    static final String GENERATED = "generated at run time";
    static final String OWN_CLASSES = "function classes";

    static ClassLoads of(List<String> log) {
        return of(log, Double.POSITIVE_INFINITY);
    }

    /**
     * Counts the classes loaded up to {@code untilMs} of JVM uptime: the moment of the answer, so classes loaded
     * afterwards (the next poll, shutdown on SIGTERM) are not counted. Uptime starts a little after the launch the
     * benchmark timed, so the cut-off is a few milliseconds generous, never short.
     */
    static ClassLoads of(List<String> log, double untilMs) {
        Map<String, Integer> byOrigin = new TreeMap<>();
        Map<String, Integer> byPackage = new TreeMap<>();
        int total = 0;
        for (String line : log) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (Double.parseDouble(m.group(1)) * 1000 > untilMs) {
                break;
            }
            total++;
            byOrigin.merge(origin(m.group(2), m.group(3).trim()), 1, Integer::sum);
            byPackage.merge(packageOf(m.group(2)), 1, Integer::sum);
        }
        return new ClassLoads(total, byOrigin, byPackage);
    }

    static String origin(String className, String source) {
        if (className.contains("/0x") || source.startsWith("__")) {
            return GENERATED; // lambda forms, lambdas, proxies: defined at run time, their source is their host
        }
        if (source.startsWith("jrt:/") || source.startsWith("shared objects file")) {
            return JDK;
        }
        if (!source.startsWith("file:") && !source.startsWith("jar:")) {
            return GENERATED;
        }
        String path = source.replaceFirst("^jar:", "").replaceFirst("^file:", "").replaceFirst("!/.*$", "");
        if (path.endsWith(".jar")) {
            return path.substring(path.lastIndexOf('/') + 1);
        }
        return OWN_CLASSES;
    }

    /** The first three segments of the package: {@code sun.security.ssl}, {@code com.fasterxml.jackson}. */
    static String packageOf(String className) {
        int lastDot = className.lastIndexOf('.');
        if (lastDot < 0) {
            return "(default)";
        }
        String[] parts = className.substring(0, lastDot).split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length)));
    }

    /** The {@code n} largest counts of {@code counts} minus those of {@code baseline} (what this one adds). */
    static Map<String, Integer> topAdded(Map<String, Integer> counts, Map<String, Integer> baseline, int n) {
        Map<String, Integer> added = new LinkedHashMap<>();
        counts.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - baseline.getOrDefault(e.getKey(), 0)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(n)
                .forEach(e -> added.put(e.getKey(), e.getValue()));
        return added;
    }
}
