package io.cxscore.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RidgeRegressionTest {
    @Test
    void should_recover_linear_weights_on_raw_features() {
        SplittableRandom r = new SplittableRandom(3);
        List<double[]> xs = new ArrayList<>();
        double[] y = new double[500];
        for (int i = 0; i < y.length; i++) {
            double a = r.nextDouble() * 10, b = r.nextDouble() - 0.5;
            xs.add(new double[] {a, b, 7});
            y[i] = 2 + 0.5 * a - 3 * b + r.nextGaussian() * 0.01;
        }
        double[] w = new double[y.length];
        Arrays.fill(w, 1);
        LinearModel m = RidgeRegression.fit(List.of("a", "b", "constant"), xs, y, w, 1e-6);
        assertThat(m.weights()[0]).isCloseTo(0.5, within(1e-3));
        assertThat(m.weights()[1]).isCloseTo(-3, within(1e-2));
        assertThat(m.weights()[2]).as("a constant feature carries no signal").isCloseTo(0, within(1e-9));
        assertThat(m.bias()).isCloseTo(2, within(1e-2));
        assertThat(m.residualSd()).isLessThan(0.02);
    }

    @Test
    void should_map_predictions_onto_the_human_spread() {
        Calibration c = OfflineJudgeFit.calibrate(new double[] {-0.1, 0, 0.1}, new double[] {-1, 0, 1});
        assertThat(c.apply(0.1)).isCloseTo(1, within(1e-9));
        assertThat(c.apply(-0.05)).isCloseTo(-0.5, within(1e-9));
    }
}
