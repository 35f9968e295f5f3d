package io.cxscore.core.score;

import java.util.List;

/**
 * Rubric "effort": 1 (effortless) .. 5 (exhausting).
 *
 * @param value the unrounded estimate 1..5
 */
public record Effort(int score, double value, double confidence, EffortSignals signals, List<Integer> evidence) {
    public Effort {
        evidence = List.copyOf(evidence);
    }
}
