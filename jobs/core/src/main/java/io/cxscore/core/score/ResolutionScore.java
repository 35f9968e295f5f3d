package io.cxscore.core.score;

import java.util.List;

/**
 * @param value the judge's estimate on the STC-3 accomplishment scale -2..2 (before thresholds)
 * @param evidence message indices that justify the label
 */
public record ResolutionScore(Resolution label, double value, double confidence, List<Integer> evidence) {
    public ResolutionScore {
        evidence = List.copyOf(evidence);
    }
}
