package io.cxscore.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {
    @Test
    void should_give_perfect_scores_when_judge_equals_human() {
        int[] h = {1, 2, 3, 4, 5, 3, 3};
        assertThat(Agreement.uar(h, h, 1, 5)).isEqualTo(1.0);
        assertThat(Agreement.cohenKappa(h, h, 1, 5)).isEqualTo(1.0);
        assertThat(Agreement.f1AtMost(h, h, 2)).isEqualTo(1.0);
    }

    @Test
    void should_match_hand_computed_kappa() {
        // 2x2: agree 20+15, disagree 5+10 of 50 -> po=0.7, pe=(25*30+25*20)/2500=0.5, kappa=0.4
        int[] h = new int[50], j = new int[50];
        int i = 0;
        for (int k = 0; k < 20; k++, i++) { h[i] = 1; j[i] = 1; }
        for (int k = 0; k < 5; k++, i++) { h[i] = 1; j[i] = 2; }
        for (int k = 0; k < 10; k++, i++) { h[i] = 2; j[i] = 1; }
        for (int k = 0; k < 15; k++, i++) { h[i] = 2; j[i] = 2; }
        assertThat(Agreement.cohenKappa(h, j, 1, 2)).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void should_average_recall_over_classes_not_items() {
        // nine 3s all right, one 1 wrong: accuracy 0.9 but UAR 0.5
        int[] h = {3, 3, 3, 3, 3, 3, 3, 3, 3, 1};
        int[] j = {3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
        assertThat(Agreement.uar(h, j, 1, 5)).isEqualTo(0.5);
    }

    @Test
    void should_rank_ties_on_average() {
        assertThat(Agreement.ranks(new double[] {10, 20, 20, 30})).containsExactly(1, 2.5, 2.5, 4);
        assertThat(Agreement.spearman(new double[] {1, 2, 3, 4}, new double[] {40, 30, 20, 10})).isCloseTo(-1, within(1e-12));
    }

    @Test
    void should_break_majority_ties_towards_the_lower_rating() {
        assertThat(Agreement.majorityTiesLow(List.of(4, 4, 2, 2, 3))).isEqualTo(2);
        assertThat(Agreement.majorityTiesLow(List.of(3, 3, 3, 2))).isEqualTo(3);
    }

    @Test
    void should_bracket_the_point_estimate_with_a_bootstrap_interval() {
        List<List<double[]>> clusters = new java.util.ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            double x = r.nextDouble();
            clusters.add(List.of(new double[] {x, x + r.nextGaussian() * 0.3}));
        }
        Bootstrap.Interval ci = Bootstrap.interval(clusters, items -> Agreement.spearman(
                items.stream().mapToDouble(a -> a[0]).toArray(), items.stream().mapToDouble(a -> a[1]).toArray()));
        assertThat(ci.low()).isLessThan(ci.value());
        assertThat(ci.high()).isGreaterThan(ci.value());
        assertThat(ci.high() - ci.low()).isBetween(0.02, 0.4);
    }

    @Test
    void should_hold_out_ids_whose_crc32_mod_5_is_zero() {
        // CRC32("0") = 0xF4DBDF21 = 4107067169, mod 5 = 4; CRC32("3") = 0x4DBD0B28 = 1304234792, mod 5 = 2
        assertThat(HoldoutSplit.isTest("0")).isFalse();
        long tests = java.util.stream.IntStream.range(0, 10_000).filter(k -> HoldoutSplit.isTest(Integer.toString(k))).count();
        assertThat(tests).isBetween(1_800L, 2_200L);
    }
}
