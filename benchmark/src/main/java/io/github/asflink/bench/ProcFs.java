package io.github.asflink.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a live process's peak resident set and CPU time from Linux's /proc, just before it is stopped. */
final class ProcFs {
    /** Clock ticks per second for /proc/PID/stat; 100 on every Linux this runs on (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcFs() {
    }

    /** VmHWM ("high water mark") in KiB, or -1 when unreadable (not Linux, or the process is gone). */
    static long peakRssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** User plus system CPU time of all the process's threads so far, in milliseconds, or -1 when unreadable. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
