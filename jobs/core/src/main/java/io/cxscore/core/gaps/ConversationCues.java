package io.cxscore.core.gaps;

import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A conversation as the gap rules see it: its public turns with their cues, and what its action log can tell. */
final class ConversationCues {
    final Conversation conversation;
    final GapClassifierSettings settings;
    /** Public customer and agent turns, in order (system messages and internal notes never show a gap in what was said). */
    final List<TurnCues> turns = new ArrayList<>();
    final List<TurnCues> agentTurns = new ArrayList<>();
    final List<TurnCues> customerTurns = new ArrayList<>();
    final boolean logsActions;
    /** the turn of each message index; null for a message that is not a turn */
    private final TurnCues[] byIndex;

    ConversationCues(Conversation c, GapClassifierSettings s) {
        conversation = c;
        settings = s;
        byIndex = new TurnCues[c.messages().size()];
        for (Message m : c.messages()) {
            if (!isTurn(m)) continue;
            TurnCues t = new TurnCues(m, s);
            if (t.index >= 0 && t.index < byIndex.length) byIndex[t.index] = t;
            turns.add(t);
            if (t.isAgent()) agentTurns.add(t);
            else customerTurns.add(t);
        }
        String source = c.source() == null ? "" : c.source().toLowerCase(Locale.ROOT);
        logsActions = !s.sourcesWithoutActionLog.contains(source);
    }

    /** A turn the gap rules read: public and not a system message. */
    static boolean isTurn(Message m) {
        return m.isPublic() && m.role() != Role.SYSTEM;
    }

    /** A turn of the customer's, as {@link #customerTurns} holds them. */
    static boolean isCustomerTurn(Message m) {
        return isTurn(m) && !m.role().isAgent();
    }

    /** The turn of the message at the index, or null when that message is not a turn. */
    TurnCues turn(int index) {
        return index >= 0 && index < byIndex.length ? byIndex[index] : null;
    }

    Role roleOf(int index) {
        return index >= 0 && index < conversation.messages().size() ? conversation.messages().get(index).role() : null;
    }

    /** An action that changes something for the customer (not a lookup or a verification) and did not fail. */
    boolean isEffecting(AgentAction a) {
        if (a.failed()) return false;
        String name = a.name() == null ? "" : a.name().toLowerCase(Locale.ROOT);
        for (String p : settings.nonFixActionPrefixes) if (name.startsWith(p)) return false;
        return true;
    }

    boolean isVerification(AgentAction a) {
        if (a.failed()) return false;
        String name = a.name() == null ? "" : a.name().toLowerCase(Locale.ROOT);
        for (String v : settings.verificationActions) if (name.contains(v)) return true;
        return false;
    }

    boolean requiresVerification(AgentAction a) {
        String name = a.name() == null ? "" : a.name().toLowerCase(Locale.ROOT);
        for (String v : settings.verificationRequiredActions) if (name.contains(v)) return true;
        return false;
    }

    /** A verification logged at or before the message index (an action with an unknown position counts as before). */
    boolean verifiedBy(int index) {
        for (AgentAction a : conversation.actions()) if (isVerification(a) && a.afterMessage() <= index) return true;
        return false;
    }

    /** The first public agent turn after the index, or null. */
    TurnCues nextAgentTurn(int index) {
        for (TurnCues t : agentTurns) if (t.index > index) return t;
        return null;
    }
}
