package io.cxscore.core.gaps;

/**
 * The team that owns a gap: who can fix its cause, how to reach them, and the feed channel their updates go to.
 *
 * @param isDefault true when no rule of the owners map matched and the default owner took the finding
 */
public record GapOwner(String team, String contact, String channel, boolean isDefault) {}
