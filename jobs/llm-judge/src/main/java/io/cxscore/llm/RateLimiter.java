package io.cxscore.llm;

/**
 * Requests-per-minute and tokens-per-minute limits as two token buckets with half a second of burst (a provider
 * counting over a full second then never sees more than its limit, even when requests arrive bunched). A caller
 * reserves one request and its estimated tokens, and sleeps until both buckets allow it; reservations are
 * taken in arrival order, so concurrent callers are spaced evenly instead of bursting into a 429.
 */
public final class RateLimiter {
    private final double requestsPerNano;
    private final double tokensPerNano;
    private final double requestBurst;
    private final double tokenBurst;
    private double requests;
    private double tokens;
    private long last;

    /** @param requestsPerMinute 0 for no limit; {@code tokensPerMinute} likewise */
    public RateLimiter(int requestsPerMinute, int tokensPerMinute) {
        this.requestsPerNano = requestsPerMinute / 60e9;
        this.tokensPerNano = tokensPerMinute / 60e9;
        this.requestBurst = Math.max(1, requestsPerMinute / 120.0);
        this.tokenBurst = Math.max(1, tokensPerMinute / 120.0);
        this.requests = requestBurst;
        this.tokens = tokenBurst;
        this.last = System.nanoTime();
    }

    /** Blocks until the call may go. */
    public void acquire(int estimatedTokens) throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            if (requestsPerNano > 0) requests = Math.min(requestBurst, requests + (now - last) * requestsPerNano);
            if (tokensPerNano > 0) tokens = Math.min(tokenBurst, tokens + (now - last) * tokensPerNano);
            last = now;
            long wait = 0;
            if (requestsPerNano > 0) {
                requests -= 1;
                if (requests < 0) wait = Math.max(wait, (long) (-requests / requestsPerNano));
            }
            if (tokensPerNano > 0) {
                // a call larger than a second's worth still goes, alone, once the bucket has refilled
                tokens -= Math.min(estimatedTokens, tokenBurst);
                if (tokens < 0) wait = Math.max(wait, (long) (-tokens / tokensPerNano));
            }
            waitNanos = wait;
        }
        if (waitNanos > 0) Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
    }
}
