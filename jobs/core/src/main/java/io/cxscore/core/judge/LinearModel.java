package io.cxscore.core.judge;

import java.io.Serializable;
import java.util.List;

/**
 * A fitted linear model on raw (unstandardised) features, plus the spread of its training residuals,
 * which the judge turns into a confidence: the chance the true value falls in the same class.
 */
public record LinearModel(List<String> features, double[] weights, double bias, double residualSd)
        implements Serializable {

    public double predict(double[] x) {
        double y = bias;
        for (int i = 0; i < weights.length; i++) y += weights[i] * x[i];
        return y;
    }
}
