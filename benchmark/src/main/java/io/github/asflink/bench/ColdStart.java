package io.github.asflink.bench;

import java.util.List;

/**
 * One cold start's figures.
 *
 * @param totalMs    JVM launch to the first complete response (for a plain main: to its printed line)
 * @param initMs     JVM launch to the first {@code /next} (runtime client and handler loaded); NaN for a plain main
 * @param peakRssKib VmHWM just before the JVM was stopped; -1 when unreadable
 * @param cpuMs      user + system CPU of the JVM at that moment (10 ms resolution); -1 when unreadable
 * @param noise      stderr lines, and stdout lines that look like a stack trace or a logging-setup complaint
 */
public record ColdStart(String subject, double totalMs, double initMs, long peakRssKib, long cpuMs,
                        List<String> noise) {
}
