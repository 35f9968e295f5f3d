package io.cxscore.publish.gaps;

import java.time.LocalDate;
import java.util.List;

/**
 * What the state file remembers of a gap between runs: its state, and enough of its facts to
 * announce its resolution when a later build no longer has it (older days dropped from the data).
 *
 * @param resolutions every day of data the gap was resolved on, oldest first: a gap coming back
 *                    after any of them has regressed, even if the data no longer shows the quiet spell
 */
public record GapRecord(String gapId, String title, Owner owner, String category, String subcategory,
                        GapState state, LocalDate since, LocalDate firstSeen, LocalDate lastSeen,
                        long conversations, List<LocalDate> resolutions) {
    public GapRecord {
        resolutions = List.copyOf(resolutions);
    }
}
