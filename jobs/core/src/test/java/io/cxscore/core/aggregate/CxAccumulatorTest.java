package io.cxscore.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CxAccumulatorTest {
    private static final String[] RESOLUTIONS = {"resolved", "partly_resolved", "unresolved", "escalated"};

    /** Deterministic observations: the n-th one depends only on the seed and n. */
    private static List<CxObservation> observations(long seed, int count) {
        Random r = new Random(seed);
        List<CxObservation> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (r.nextInt(10) == 0) {
                out.add(new CxObservation(false, 0, 0, null, 0, 0));
            } else {
                long raw = 1_000_000L + r.nextInt(4_000_001);
                out.add(new CxObservation(true, (int) Math.max(1, Math.min(5, Math.round(raw / 1e6))), raw,
                        RESOLUTIONS[r.nextInt(RESOLUTIONS.length)], 1 + r.nextInt(5), r.nextInt(5) - 2));
            }
        }
        return out;
    }

    private static CxAccumulator all(List<CxObservation> in) {
        CxAccumulator acc = CxAccumulator.zero();
        for (CxObservation o : in) acc = acc.add(o);
        return acc;
    }

    @Test
    void should_equal_the_aggregate_of_the_union_when_partial_aggregates_are_merged() {
        for (long seed = 1; seed <= 200; seed++) {
            // given: a random multiset of observations cut at a random point into A and B
            Random r = new Random(seed * 31);
            List<CxObservation> union = observations(seed, r.nextInt(60));
            int cut = union.isEmpty() ? 0 : r.nextInt(union.size() + 1);
            List<CxObservation> a = union.subList(0, cut);
            List<CxObservation> b = union.subList(cut, union.size());

            // when
            CxAccumulator merged = all(a).merge(all(b));
            CxAccumulator mergedTheOtherWay = all(b).merge(all(a));

            // then: exact equality, not a tolerance: every field is an integer sum
            assertThat(merged).as("seed %d", seed).isEqualTo(all(union));
            assertThat(mergedTheOtherWay).as("seed %d", seed).isEqualTo(all(union));
            assertThat(merged.result()).as("seed %d", seed).isEqualTo(all(union).result());
        }
    }

    @Test
    void should_leave_an_accumulator_unchanged_when_merged_with_zero() {
        // given
        CxAccumulator some = all(observations(7, 25));

        // when / then
        assertThat(some.merge(CxAccumulator.zero())).isEqualTo(some);
        assertThat(CxAccumulator.zero().merge(some)).isEqualTo(some);
    }

    @Test
    void should_report_means_and_rates_of_scored_conversations_when_some_were_not_scored() {
        // given
        List<CxObservation> in = List.of(
                new CxObservation(true, 5, 4_800_000, "resolved", 1, 2),
                new CxObservation(true, 2, 2_100_000, "escalated", 3, 0),
                new CxObservation(false, 0, 0, null, 0, 0));

        // when
        CxAccumulator.CxSummary s = all(in).result();

        // then
        assertThat(s.judged()).isEqualTo(3);
        assertThat(s.scored()).isEqualTo(2);
        assertThat(s.meanCxScore()).isEqualTo(3.5);
        assertThat(s.meanCxRaw()).isEqualTo(3.45);
        assertThat(s.resolvedRate()).isEqualTo(0.5);
        assertThat(s.escalatedRate()).isEqualTo(0.5);
        assertThat(s.meanEffort()).isEqualTo(2.0);
        assertThat(s.sdCxScore()).isCloseTo(Math.sqrt(4.5), org.assertj.core.data.Offset.offset(1e-12));
    }
}
