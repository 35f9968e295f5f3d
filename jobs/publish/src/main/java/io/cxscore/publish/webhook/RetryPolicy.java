package io.cxscore.publish.webhook;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the wait before retry k (1-based) is drawn uniformly from
 * [d/2, d] with d = min(maxDelay, initialDelay x 2^(k-1)). The random half spreads the retries of
 * many senders so a recovering receiver is not hit by all of them at once.
 *
 * @param maxAttempts attempts per update, the first included, before it goes to the dead-letter file
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration requestTimeout) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(10));

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("at least one attempt, got " + maxAttempts);
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= initial <= max");
        }
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            throw new IllegalArgumentException("the request timeout must be positive");
        }
    }

    Duration delayBeforeRetry(int retry, RandomGenerator random) {
        double cap = Math.min(maxDelay.toMillis(), initialDelay.toMillis() * Math.pow(2, retry - 1));
        return Duration.ofMillis((long) (cap / 2 + random.nextDouble() * cap / 2));
    }
}
