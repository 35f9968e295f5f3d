package io.cxscore.core.score;

/**
 * A judge's verdict on one conversation. When {@code status} is not {@code scored}, the rubric fields
 * are null: a failed or invalid judgement never becomes a score.
 *
 * @param status scored, invalid, failed or skipped
 * @param explanation one or two sentences a person can read: which drivers moved the score and why
 */
public record JudgeResult(String conversationId, Provenance provenance, String status, String statusReason,
                          ResolutionScore resolution, SentimentShift sentiment, Effort effort, CxScore cx,
                          String explanation) {
    public static final String SCORED = "scored";

    public boolean isScored() {
        return SCORED.equals(status);
    }
}
