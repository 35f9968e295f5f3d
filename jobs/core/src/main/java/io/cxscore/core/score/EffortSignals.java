package io.cxscore.core.score;

/**
 * The countable hoops a customer went through; the effort score is explained by these.
 *
 * @param repeats customer turns that restate an earlier request almost verbatim
 * @param rephrasings customer turns that restate an earlier request in other words
 * @param botLoops AI-agent replies that repeat an earlier AI-agent reply
 * @param maxWaitSeconds longest wait between a customer message and the next agent reply (0 when undated)
 */
public record EffortSignals(int customerTurns, int repeats, int rephrasings, int transfers, int botLoops,
                            long maxWaitSeconds, long totalWaitSeconds) {}
