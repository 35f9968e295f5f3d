package io.cxscore.core.eval;

import java.util.Arrays;

/**
 * Judge-human agreement statistics, as the USS and STC-3 literature reports them: unweighted average
 * recall (UAR), Cohen's kappa (plain and quadratic-weighted), Spearman's rho, and F1 of the
 * "dissatisfied" class. Inputs are parallel arrays, one entry per judged item.
 */
public final class Agreement {
    private Agreement() {}

    /** Mean of per-class recall over the classes present in {@code human}; chance is 1/classes. */
    public static double uar(int[] human, int[] judge, int minClass, int maxClass) {
        double sum = 0;
        int classes = 0;
        for (int k = minClass; k <= maxClass; k++) {
            int n = 0, hit = 0;
            for (int i = 0; i < human.length; i++) {
                if (human[i] != k) continue;
                n++;
                if (judge[i] == k) hit++;
            }
            if (n > 0) {
                classes++;
                sum += hit / (double) n;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    public static double cohenKappa(int[] human, int[] judge, int minClass, int maxClass) {
        return weightedKappa(human, judge, minClass, maxClass, false);
    }

    /** Quadratic-weighted kappa: near misses on an ordinal scale cost less than far ones. */
    public static double quadraticKappa(int[] human, int[] judge, int minClass, int maxClass) {
        return weightedKappa(human, judge, minClass, maxClass, true);
    }

    private static double weightedKappa(int[] human, int[] judge, int lo, int hi, boolean quadratic) {
        int k = hi - lo + 1;
        int n = human.length;
        if (n == 0) return Double.NaN;
        double[][] obs = new double[k][k];
        double[] rowM = new double[k], colM = new double[k];
        for (int i = 0; i < n; i++) {
            int a = clampClass(human[i], lo, hi) - lo, b = clampClass(judge[i], lo, hi) - lo;
            obs[a][b]++;
            rowM[a]++;
            colM[b]++;
        }
        double num = 0, den = 0;
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double w = quadratic ? Math.pow(a - b, 2) / Math.pow(Math.max(1, k - 1), 2) : (a == b ? 0 : 1);
                num += w * obs[a][b] / n;
                den += w * rowM[a] * colM[b] / ((double) n * n);
            }
        }
        return den == 0 ? Double.NaN : 1 - num / den;
    }

    private static int clampClass(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Spearman's rank correlation with average ranks for ties. */
    public static double spearman(double[] x, double[] y) {
        if (x.length < 3) return Double.NaN;
        return pearson(ranks(x), ranks(y));
    }

    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) j++;
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[order[k]] = avg;
            i = j + 1;
        }
        return r;
    }

    /** F1 of the positive class "human and judge both say at most {@code threshold}" (dissatisfied: rating 1 or 2). */
    public static double f1AtMost(int[] human, int[] judge, int threshold) {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < human.length; i++) {
            boolean h = human[i] <= threshold, j = judge[i] <= threshold;
            if (h && j) tp++;
            else if (j) fp++;
            else if (h) fn++;
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** Majority vote with ties going to the lower rating, the rule of the USS baseline code. */
    public static int majorityTiesLow(java.util.List<Integer> votes) {
        java.util.TreeMap<Integer, Integer> counts = new java.util.TreeMap<>();
        for (int v : votes) counts.merge(v, 1, Integer::sum);
        int best = Integer.MIN_VALUE, bestCount = -1;
        for (var e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    public static double mean(java.util.List<Integer> votes) {
        double s = 0;
        for (int v : votes) s += v;
        return votes.isEmpty() ? Double.NaN : s / votes.size();
    }
}
