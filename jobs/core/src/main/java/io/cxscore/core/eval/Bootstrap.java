package io.cxscore.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap intervals that resample whole dialogues, so turn-level figures are not made
 * to look tighter than they are by treating turns of one dialogue as independent.
 */
public final class Bootstrap {
    public static final int RESAMPLES = 1000;
    private static final long SEED = 20261122L;

    private Bootstrap() {}

    /** A point estimate with its 95% interval. */
    public record Interval(double value, double low, double high) {}

    /**
     * @param clusters one list of items per dialogue
     * @param statistic computed over a flat list of items
     */
    public static <T> Interval interval(List<List<T>> clusters, ToDoubleFunction<List<T>> statistic) {
        List<T> all = new ArrayList<>();
        clusters.forEach(all::addAll);
        double point = statistic.applyAsDouble(all);
        if (clusters.size() < 2) return new Interval(point, Double.NaN, Double.NaN);
        SplittableRandom rnd = new SplittableRandom(SEED);
        double[] stats = new double[RESAMPLES];
        int ok = 0;
        for (int r = 0; r < RESAMPLES; r++) {
            List<T> sample = new ArrayList<>(all.size());
            for (int i = 0; i < clusters.size(); i++) sample.addAll(clusters.get(rnd.nextInt(clusters.size())));
            double s = statistic.applyAsDouble(sample);
            if (!Double.isNaN(s)) stats[ok++] = s;
        }
        if (ok < RESAMPLES / 2) return new Interval(point, Double.NaN, Double.NaN);
        double[] sorted = Arrays.copyOf(stats, ok);
        Arrays.sort(sorted);
        return new Interval(point, sorted[(int) Math.floor(0.025 * (ok - 1))], sorted[(int) Math.ceil(0.975 * (ok - 1))]);
    }
}
