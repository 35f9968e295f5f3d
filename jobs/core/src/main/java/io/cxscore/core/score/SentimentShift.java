package io.cxscore.core.score;

import java.util.List;

/**
 * Rubric "sentiment shift": how the customer felt at the end compared with the start.
 *
 * @param start customer sentiment at the start, -1 (angry) .. +1 (delighted)
 * @param end customer sentiment at the end, same scale
 * @param shift the rubric's ordinal shift -2..+2
 * @param turnSentiment per message index, the customer's sentiment after that message (NaN for non-customer turns)
 * @param evidence the customer turns that set start and end
 */
public record SentimentShift(double start, double end, int shift, double confidence, List<Integer> evidence,
                             double[] turnSentiment) {
    public SentimentShift {
        evidence = List.copyOf(evidence);
    }
}
