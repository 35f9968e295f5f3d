package io.cxscore.core.rubric;

import io.cxscore.core.score.Resolution;
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

    /** The published composite: {@code clamp(intercept + Σ weight × value, 1, 5)}. */
    public record CxFormula(double intercept, double wResolution, double wSentiment, double wEffort,
                            Map<Resolution, Double> resolutionValues) {}

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
