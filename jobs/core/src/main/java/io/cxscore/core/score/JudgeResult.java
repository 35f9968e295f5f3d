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

    public JudgeResult {
        gaps = gaps == null ? java.util.List.of() : java.util.List.copyOf(gaps);
    }

    public boolean isScored() {
        return SCORED.equals(status);
    }
}
