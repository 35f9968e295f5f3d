package io.cxscore.publish.gaps;

/**
 * The lifecycle's two clocks, in days of data (never wall-clock time).
 *
 * @param resolveAfterDays a gap not seen for this many days is resolved (default 14)
 * @param freshForDays a gap stays new (or regressed) for this many days after it (re)appears (default 7, one report week)
 */
public record LifecyclePolicy(int resolveAfterDays, int freshForDays) {
    public static final LifecyclePolicy DEFAULT = new LifecyclePolicy(14, 7);

    public LifecyclePolicy {
        if (resolveAfterDays < 1) throw new IllegalArgumentException("resolve-after days must be at least 1, got " + resolveAfterDays);
        if (freshForDays < 1) throw new IllegalArgumentException("fresh-for days must be at least 1, got " + freshForDays);
    }
}
