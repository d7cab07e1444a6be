package io.github.asflink.bench.baseline;

/** Baseline: the cheapest thing a JVM can do. Prints one line, then waits to be killed so its memory can be read. */
public final class BareMain {
    private BareMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        System.out.flush();
        System.in.read();
    }
}
