package io.cxscore.core.score;

import java.util.Map;

/**
 * The composite CX score 1..5 and what each driver contributed to it (points added to or taken from
 * the rubric's intercept), so that every score can be explained and recomputed from the rubric.
 *
 * @param raw the unrounded score, clamped to 1..5
 * @param contributions driver name (resolution, sentiment_shift, effort) to points
 */
public record CxScore(int score, double raw, Map<String, Double> contributions, double confidence) {
    public CxScore {
        contributions = Map.copyOf(contributions);
    }
}
