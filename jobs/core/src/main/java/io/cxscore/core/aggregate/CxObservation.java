package io.cxscore.core.aggregate;

import io.cxscore.core.score.JudgeResult;

/**
 * What a running CX aggregate needs from one judged conversation: small and flat, so stream and
 * batch engines can ship it between workers without the whole {@link JudgeResult}.
 *
 * @param scored whether the judge produced a score; the other fields are 0 or null when not
 * @param cxScore the CX score 1..5
 * @param cxRawMicros the unrounded CX score in millionths, so sums stay exact integers
 * @param resolution the resolution label's wire name (resolved, partly_resolved, unresolved, escalated)
 * @param effort the effort score 1..5
 * @param sentimentShift the sentiment shift -2..2
 */
public record CxObservation(boolean scored, int cxScore, long cxRawMicros, String resolution, int effort, int sentimentShift) {
    public static CxObservation of(JudgeResult r) {
        if (!r.isScored()) return new CxObservation(false, 0, 0, null, 0, 0);
        return new CxObservation(true, r.cx().score(), Math.round(r.cx().raw() * 1_000_000), r.resolution().label().wireName(),
                r.effort().score(), r.sentiment().shift());
    }
}
