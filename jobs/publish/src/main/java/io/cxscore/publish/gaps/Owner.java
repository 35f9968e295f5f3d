package io.cxscore.publish.gaps;

import java.util.Locale;

/**
 * The team that can fix a gap's cause.
 *
 * @param isDefault true when no rule in owners.yaml matched and the gap went to the default owner
 */
public record Owner(String team, String contact, String channel, boolean isDefault) {
    public Owner {
        if (team == null || team.isBlank()) throw new IllegalArgumentException("an owner needs a team name");
    }

    /** The team as a folder and environment-variable-safe name: {@code docs-team} stays, {@code Docs Team!} becomes {@code docs-team}. */
    public String slug() {
        String slug = team.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "owner" : slug;
    }
}
