package io.cxscore.core.aggregate;

import io.cxscore.core.score.Resolution;

/**
 * A mergeable running CX aggregate (e.g. per team): {@link #zero()}, {@link #add}, {@link #merge},
 * {@link #result()}, the shape of Spark's {@code Aggregator} and Flink's {@code AggregateFunction}, so
 * both engines wrap this one class and agree on every figure.
 *
 * <p>Every field is an integer count or sum (the raw CX score is summed in millionths): merging
 * partial accumulators in any order or grouping gives exactly the accumulator of all the inputs,
 * which floating-point sums would not.
 *
 * @param judged conversations judged, whatever the outcome
 * @param scored of those, the ones that got a score
 * @param cxScoreSum sum of CX scores 1..5
 * @param cxScoreSquares sum of squared CX scores, for the standard deviation
 * @param cxRawMicrosSum sum of unrounded CX scores in millionths
 * @param resolved scored conversations resolved
 * @param escalated scored conversations escalated
 * @param unresolved scored conversations unresolved
 * @param effortSum sum of effort scores 1..5
 * @param sentimentShiftSum sum of sentiment shifts -2..2
 */
public record CxAccumulator(long judged, long scored, long cxScoreSum, long cxScoreSquares, long cxRawMicrosSum,
                            long resolved, long escalated, long unresolved, long effortSum, long sentimentShiftSum) {
    private static final CxAccumulator ZERO = new CxAccumulator(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static CxAccumulator zero() {
        return ZERO;
    }

    public CxAccumulator add(CxObservation o) {
        if (!o.scored()) return new CxAccumulator(judged + 1, scored, cxScoreSum, cxScoreSquares, cxRawMicrosSum, resolved,
                escalated, unresolved, effortSum, sentimentShiftSum);
        String res = o.resolution();
        return new CxAccumulator(judged + 1, scored + 1, cxScoreSum + o.cxScore(), cxScoreSquares + (long) o.cxScore() * o.cxScore(),
                cxRawMicrosSum + o.cxRawMicros(),
                resolved + (Resolution.RESOLVED.wireName().equals(res) ? 1 : 0),
                escalated + (Resolution.ESCALATED.wireName().equals(res) ? 1 : 0),
                unresolved + (Resolution.UNRESOLVED.wireName().equals(res) ? 1 : 0),
                effortSum + o.effort(), sentimentShiftSum + o.sentimentShift());
    }

    public CxAccumulator merge(CxAccumulator other) {
        return new CxAccumulator(judged + other.judged, scored + other.scored, cxScoreSum + other.cxScoreSum,
                cxScoreSquares + other.cxScoreSquares, cxRawMicrosSum + other.cxRawMicrosSum, resolved + other.resolved,
                escalated + other.escalated, unresolved + other.unresolved, effortSum + other.effortSum,
                sentimentShiftSum + other.sentimentShiftSum);
    }

    public CxSummary result() {
        if (scored == 0) return new CxSummary(judged, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double n = scored;
        double mean = cxScoreSum / n;
        // sample standard deviation; 0 for a single score rather than NaN, so one-conversation teams still chart
        double sd = scored < 2 ? 0 : Math.sqrt(Math.max(0, (cxScoreSquares - n * mean * mean) / (n - 1)));
        return new CxSummary(judged, scored, mean, sd, cxRawMicrosSum / n / 1_000_000, resolved / n, escalated / n,
                unresolved / n, effortSum / n, sentimentShiftSum / n);
    }

    /** The aggregate's figures; the means and rates are NaN when nothing was scored. */
    public record CxSummary(long judged, long scored, double meanCxScore, double sdCxScore, double meanCxRaw,
                            double resolvedRate, double escalatedRate, double unresolvedRate, double meanEffort,
                            double meanSentimentShift) {}
}
