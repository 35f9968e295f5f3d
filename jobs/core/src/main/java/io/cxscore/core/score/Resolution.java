package io.cxscore.core.score;

import java.util.Locale;

/** Rubric "resolution": was the customer's problem solved. */
public enum Resolution {
    RESOLVED,
    PARTLY_RESOLVED,
    UNRESOLVED,
    /** Handed to the team that can solve it, and the customer was told so: not a failure of this conversation. */
    ESCALATED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Resolution fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
