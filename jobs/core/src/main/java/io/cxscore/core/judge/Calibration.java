package io.cxscore.core.judge;

import java.io.Serializable;

/**
 * Maps a model's prediction onto the human label scale by matching mean and spread. Ridge
 * predictions are shrunk towards the mean; without this, the rubric's class boundaries (set on the
 * human scale) would almost never be crossed and every conversation would look average.
 *
 * @param residualSd spread of human labels around the calibrated prediction on the training split
 */
public record Calibration(double predMean, double predSd, double humanMean, double humanSd, double residualSd)
        implements Serializable {

    public double apply(double prediction) {
        return humanMean + (prediction - predMean) * (humanSd / predSd);
    }

    /** Chance that the human value lies on the same side of a boundary {@code margin} away. */
    public double sameSideProbability(double margin) {
        return NormalDistribution.cdf(Math.abs(margin) / residualSd);
    }
}
