package io.cxscore.publish.gaps;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One announcement to a gap's owner: the gap entered a state. Everything in it comes from the data,
 * so the same data announces the same update with the same {@link #id()}, on any run and machine.
 *
 * @param state the state announced: new, ongoing (a gap first recorded when already past its fresh
 *              window), resolved or regressed
 * @param since the day of data the state began
 * @param dataAsOf the data's latest day when the update was made
 */
public record GapUpdate(String gapId, String title, Owner owner, GapState state, LocalDate since, LocalDate dataAsOf,
                        String category, String subcategory, long conversations, Double meanCxAffected,
                        Double meanCxRest, Double cxImpact, LocalDate firstSeen, LocalDate lastSeen,
                        List<String> exampleConversationIds) {
    public GapUpdate {
        exampleConversationIds = List.copyOf(exampleConversationIds);
    }

    /** {@code gap-…/state/since}: unique per gap and state episode. */
    public String id() {
        return gapId + "/" + state.wireName() + "/" + since;
    }

    /** A name-based UUID of {@link #id()}: the Atom entry id and the webhook idempotency key. */
    public UUID uuid() {
        return UUID.nameUUIDFromBytes(("cx-gap-update:" + id()).getBytes(StandardCharsets.UTF_8));
    }
}
