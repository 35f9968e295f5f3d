package io.cxscore.core.score;

/**
 * A judge's verdict on one conversation. When {@code status} is not {@code scored}, the rubric fields
 * are null: a failed or invalid judgement never becomes a score.
 *
 * @param status scored, invalid, failed or skipped
 * @param explanation one or two sentences a person can read: which drivers moved the score and why
 * @param gaps failures found, in the gap taxonomy's terms; empty when none (or when the judge does not classify)
 */
public record JudgeResult(String conversationId, Provenance provenance, String status, String statusReason,
                          ResolutionScore resolution, SentimentShift sentiment, Effort effort, CxScore cx,
                          String explanation, java.util.List<io.cxscore.core.gaps.GapFinding> gaps) {
    public static final String SCORED = "scored";
    /** The judge answered outside the rubric's schema (extra fields, out-of-range values, turns that do not exist). */
    public static final String INVALID = "invalid";
    /** No usable answer: the call failed after its retries. */
    public static final String FAILED = "failed";
    /** Not judged on purpose, e.g. the run's budget was spent. */
    public static final String SKIPPED = "skipped";

    public JudgeResult {
        gaps = gaps == null ? java.util.List.of() : java.util.List.copyOf(gaps);
    }

    /** A verdict that is not a score: every rubric field null, and the reason said. */
    public static JudgeResult unscored(String conversationId, Provenance provenance, String status, String reason) {
        if (SCORED.equals(status)) throw new IllegalArgumentException("an unscored result cannot have status scored");
        return new JudgeResult(conversationId, provenance, status, reason, null, null, null, null, null, java.util.List.of());
    }

    public boolean isScored() {
        return SCORED.equals(status);
    }
}
