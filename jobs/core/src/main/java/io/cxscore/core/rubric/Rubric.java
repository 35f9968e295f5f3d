package io.cxscore.core.rubric;

import io.cxscore.core.score.CxScore;
import io.cxscore.core.score.Effort;
import io.cxscore.core.score.Resolution;
import io.cxscore.core.score.ResolutionScore;
import io.cxscore.core.score.SentimentShift;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated CX rubric version (see {@code rubrics/cx/v1/rubric.yaml}). Immutable; built only by
 * {@link RubricLoader}, which rejects anything out of range.
 *
 * @param sha256 hash of the rubric file's bytes, part of every score's provenance
 */
public record Rubric(
        String id,
        String version,
        String sha256,
        double resolvedAtLeast,
        double unresolvedBelow,
        double shiftSlight,
        double shiftStrong,
        Hoops hoops,
        CxFormula cx) {

    /** Effort points the rubric charges for hoops no labelled data measures. */
    public record Hoops(double perTransfer, double perBotLoop, double perFailedAction, double waitHoursPerPoint,
                        double maxHoopPoints) {}

    /**
     * The published composite: {@code clamp(intercept + Σ weight × value, 1, 5)}, rounded half up. Every judge
     * computes the CX score here, from its drivers, so no judge can report a CX score the rubric would not give.
     */
    public record CxFormula(double intercept, double wResolution, double wSentiment, double wEffort,
                            Map<Resolution, Double> resolutionValues) {

        /** The CX score of three drivers; its confidence is the drivers' confidences weighted like the drivers. */
        public CxScore score(ResolutionScore r, SentimentShift s, Effort e) {
            Map<String, Double> contributions = new LinkedHashMap<>();
            contributions.put("resolution", wResolution * resolutionValues.get(r.label()));
            contributions.put("sentiment_shift", wSentiment * s.shift() / 2.0);
            contributions.put("effort", wEffort * (3 - e.score()) / 2.0);
            double raw = intercept;
            for (double v : contributions.values()) raw += v;
            raw = Math.max(1, Math.min(5, raw));
            double wsum = wResolution + wSentiment + wEffort;
            double confidence = (wResolution * r.confidence() + wSentiment * s.confidence() + wEffort * e.confidence()) / wsum;
            return new CxScore((int) Math.floor(raw + 0.5), raw, contributions, confidence);
        }
    }

    /** Bins a sentiment delta (end - start, on -2..2) into the rubric's -2..+2 levels. */
    public int shiftLevel(double delta) {
        double a = Math.abs(delta);
        int level = a >= shiftStrong ? 2 : a >= shiftSlight ? 1 : 0;
        return delta < 0 ? -level : level;
    }

    /** Labels an accomplishment estimate on the -2..2 scale. */
    public io.cxscore.core.score.Resolution resolutionLabel(double value) {
        if (value >= resolvedAtLeast) return Resolution.RESOLVED;
        if (value < unresolvedBelow) return Resolution.UNRESOLVED;
        return Resolution.PARTLY_RESOLVED;
    }
}
