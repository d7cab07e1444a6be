package io.github.asflink.bench;

import java.util.Locale;

/**
 * One budget (a limit the project holds itself to) and what was measured against it. Every budget is an upper limit.
 *
 * @param measured NaN when not measured in this run (then it neither passes nor fails)
 */
record Budget(String what, double limit, double measured, String unit) {

    boolean measuredHere() {
        return !Double.isNaN(measured);
    }

    boolean holds() {
        return measuredHere() && measured <= limit;
    }

    String result() {
        if (!measuredHere()) {
            return "not measured";
        }
        if (limit == 0) {
            return holds() ? "PASS" : "FAIL";
        }
        double percent = Math.abs(limit - measured) / limit * 100;
        return holds()
                ? String.format(Locale.ROOT, "PASS (%.0f%% under)", percent)
                : String.format(Locale.ROOT, "FAIL (%.0f%% over)", percent);
    }

    String limitText() {
        return "≤ " + text(limit);
    }

    String measuredText() {
        return measuredHere() ? text(measured) : "–";
    }

    private String text(double value) {
        return (unit.isEmpty() ? Long.toString(Math.round(value)) : Report.number(value)) + unit;
    }
}
