package io.cxscore.publish.gaps;

import java.util.Locale;

/** Where a gap is in its lifecycle: new → ongoing → resolved (not seen for N days) → regressed (seen again). */
public enum GapState {
    /** First seen within the fresh window and never resolved before. */
    NEW,
    /** Seen within the last N days, and no longer fresh. */
    ONGOING,
    /** Not seen for N days or more. */
    RESOLVED,
    /** Seen again within the fresh window after having been resolved. */
    REGRESSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GapState fromWireName(String name) {
        for (GapState s : values()) if (s.wireName().equals(name)) return s;
        throw new IllegalArgumentException("unknown gap state '" + name + "'; expected new, ongoing, resolved or regressed");
    }
}
