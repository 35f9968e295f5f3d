package io.cxscore.publish.gaps;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A gap's lifecycle state at the data's latest day.
 *
 * @param gap the gap's facts from this build; empty for a gap only earlier runs saw
 * @param since the day of data the state began
 * @param previousState the state the previous run recorded; empty for a gap no run recorded
 */
public record GapStatus(String gapId, String title, Owner owner, GapState state, LocalDate since,
                        Optional<GapState> previousState, LocalDate lastSeen, Optional<Gap> gap) {

    public boolean changed() {
        return previousState.map(p -> p != state).orElse(true);
    }
}
