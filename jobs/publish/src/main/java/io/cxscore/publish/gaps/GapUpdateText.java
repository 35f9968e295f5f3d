package io.cxscore.publish.gaps;

import java.util.Locale;

/** The words an owner reads for an update, the same in the Atom feed, the JSON Lines and the webhook. */
public final class GapUpdateText {
    private GapUpdateText() {}

    /** "New gap: knowledge / missing article: SSO set-up (sso-setup)" */
    public static String headline(GapUpdate u) {
        String verb = switch (u.state()) {
            case NEW -> "New gap";
            case ONGOING -> "Ongoing gap";
            case RESOLVED -> "Resolved gap";
            case REGRESSED -> "Regressed gap";
        };
        return verb + ": " + u.title();
    }

    /** Volume, dates, CX impact and example ids in one paragraph; no conversation text. */
    public static String summary(GapUpdate u) {
        StringBuilder s = new StringBuilder();
        s.append(switch (u.state()) {
            case NEW -> "First seen " + u.firstSeen() + ".";
            case ONGOING -> "Seen since " + u.firstSeen() + ", still seen.";
            case RESOLVED -> "Not seen since " + u.lastSeen() + ": resolved as of " + u.since() + ".";
            case REGRESSED -> "Seen again on " + u.since() + " after having been resolved.";
        });
        s.append(' ').append(u.conversations()).append(u.conversations() == 1 ? " conversation" : " conversations")
                .append(" between ").append(u.firstSeen()).append(" and ").append(u.lastSeen()).append('.');
        if (u.meanCxAffected() != null && u.meanCxRest() != null) {
            s.append(String.format(Locale.ROOT, " Mean CX %.2f vs %.2f for all other conversations (%+.2f).",
                    u.meanCxAffected(), u.meanCxRest(), u.meanCxAffected() - u.meanCxRest()));
        }
        if (!u.exampleConversationIds().isEmpty()) {
            s.append(" Examples: ").append(String.join(", ", u.exampleConversationIds())).append('.');
        }
        s.append(" Owner: ").append(u.owner().team());
        if (u.owner().isDefault()) s.append(" (default owner: no owner rule matched this gap)");
        return s.append(". Data as of ").append(u.dataAsOf()).append('.').toString();
    }
}
