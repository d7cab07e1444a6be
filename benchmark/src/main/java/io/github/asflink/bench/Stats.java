package io.github.asflink.bench;

import java.util.Arrays;
import java.util.Collection;

/** Median, minimum and maximum of a sample. */
record Stats(double median, double min, double max, int n) {

    static Stats of(Collection<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).filter(v -> !Double.isNaN(v)).sorted()
                .toArray();
        if (sorted.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Stats(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    static Stats of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }
}
