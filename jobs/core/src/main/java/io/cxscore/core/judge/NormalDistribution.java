package io.cxscore.core.judge;

/** Standard normal CDF (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
final class NormalDistribution {
    private NormalDistribution() {}

    static double cdf(double z) {
        double t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.sqrt(2));
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-z * z / 2);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
