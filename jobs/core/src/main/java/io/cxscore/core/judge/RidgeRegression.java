package io.cxscore.core.judge;

import java.util.List;

/**
 * Weighted ridge regression on standardised features, solved in closed form. Small on purpose:
 * the judge has a dozen features and a few thousand labelled dialogues; anything heavier would be a
 * dependency the scoring core does not need.
 */
public final class RidgeRegression {
    private RidgeRegression() {}

    /** Fits y ≈ bias + w·x; the returned weights apply to raw features. */
    public static LinearModel fit(List<String> names, List<double[]> xs, double[] y, double[] sampleWeight, double lambda) {
        int n = xs.size();
        int p = names.size();
        if (n != y.length || n != sampleWeight.length) throw new IllegalArgumentException("row counts differ");
        if (n <= p) throw new IllegalArgumentException("need more rows (" + n + ") than features (" + p + ")");
        double wsum = 0;
        double[] mean = new double[p];
        double ymean = 0;
        for (int i = 0; i < n; i++) {
            wsum += sampleWeight[i];
            ymean += sampleWeight[i] * y[i];
            for (int j = 0; j < p; j++) mean[j] += sampleWeight[i] * xs.get(i)[j];
        }
        ymean /= wsum;
        for (int j = 0; j < p; j++) mean[j] /= wsum;
        double[] sd = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double d = xs.get(i)[j] - mean[j];
                sd[j] += sampleWeight[i] * d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(sd[j] / wsum);
            if (sd[j] < 1e-9) sd[j] = 1; // a constant feature (never seen in the labels) gets weight 0 below
        }
        double[][] a = new double[p][p];
        double[] b = new double[p];
        double scale = n / wsum; // keeps lambda's meaning independent of how sample weights are scaled
        for (int i = 0; i < n; i++) {
            double[] z = new double[p];
            for (int j = 0; j < p; j++) z[j] = (xs.get(i)[j] - mean[j]) / sd[j];
            double w = sampleWeight[i] * scale;
            double r = y[i] - ymean;
            for (int j = 0; j < p; j++) {
                b[j] += w * z[j] * r;
                for (int k = 0; k < p; k++) a[j][k] += w * z[j] * z[k];
            }
        }
        for (int j = 0; j < p; j++) a[j][j] += lambda;
        double[] beta = solve(a, b);
        double[] weights = new double[p];
        double bias = ymean;
        for (int j = 0; j < p; j++) {
            weights[j] = beta[j] / sd[j];
            bias -= weights[j] * mean[j];
        }
        LinearModel unscored = new LinearModel(names, weights, bias, 0);
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - unscored.predict(xs.get(i));
            ss += sampleWeight[i] * e * e;
        }
        return new LinearModel(names, weights, bias, Math.sqrt(ss / wsum));
    }

    /** Gaussian elimination with partial pivoting; the ridge term keeps the system well conditioned. */
    static double[] solve(double[][] a, double[] b) {
        int p = b.length;
        double[][] m = new double[p][];
        for (int i = 0; i < p; i++) m[i] = a[i].clone();
        double[] v = b.clone();
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            double t = v[col];
            v[col] = v[pivot];
            v[pivot] = t;
            for (int r = col + 1; r < p; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c < p; c++) m[r][c] -= f * m[col][c];
                v[r] -= f * v[col];
            }
        }
        double[] x = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double s = v[r];
            for (int c = r + 1; c < p; c++) s -= m[r][c] * x[c];
            x[r] = s / m[r][r];
        }
        return x;
    }
}
