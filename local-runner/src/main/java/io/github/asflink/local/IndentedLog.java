package io.github.asflink.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A log stream that indents every line under a marker, so the demo's narrative stays readable with the functions'
 * own log lines (and the runner's) shown between its steps.
 */
final class IndentedLog extends OutputStream {

    static final String MARKER = "      | ";

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private IndentedLog(PrintStream target) {
        this.target = target;
    }

    static PrintStream under(PrintStream target) {
        return new PrintStream(new IndentedLog(target), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            target.println(MARKER + line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }
}
