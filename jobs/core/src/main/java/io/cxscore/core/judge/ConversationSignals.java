package io.cxscore.core.judge;

import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import io.cxscore.core.score.EffortSignals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Per-message signals plus the countable hoops of one conversation, with the turns that show them. */
final class ConversationSignals {
    /** Overlap at or above this is the same request said again; between REPHRASE and this, said differently. */
    static final double REPEAT = 0.8;
    static final double REPHRASE = 0.4;
    static final int MIN_CONTENT_WORDS = 3;

    final Conversation conversation;
    final List<MessageSignals> messages = new ArrayList<>();
    /** Public customer messages, in order: the turns sentiment is read from. */
    final List<MessageSignals> customerTurns = new ArrayList<>();
    final List<MessageSignals> agentTurns = new ArrayList<>();
    final TreeSet<Integer> repeatTurns = new TreeSet<>();
    final TreeSet<Integer> rephraseTurns = new TreeSet<>();
    final TreeSet<Integer> botLoopTurns = new TreeSet<>();
    final List<Integer> transferTurns = new ArrayList<>();
    final List<Integer> failedActionTurns = new ArrayList<>();
    final int succeededActions;
    long maxWaitSeconds;
    long totalWaitSeconds;
    int longestWaitTurn = -1;

    ConversationSignals(Conversation c, SupportCues cues) {
        conversation = c;
        for (Message m : c.messages()) {
            MessageSignals s = new MessageSignals(m, cues);
            messages.add(s);
            if (!m.isPublic()) continue;
            if (m.role() == Role.CUSTOMER) customerTurns.add(s);
            else if (m.role().isAgent()) agentTurns.add(s);
        }
        findRepeats(customerTurns, repeatTurns, rephraseTurns);
        List<MessageSignals> ai = agentTurns.stream().filter(s -> s.role == Role.AI_AGENT).toList();
        findRepeats(ai, botLoopTurns, new TreeSet<>());
        for (Transfer t : c.transfers()) transferTurns.add(t.afterMessage());
        int ok = 0;
        for (AgentAction a : c.actions()) {
            if (a.failed()) failedActionTurns.add(a.afterMessage());
            else if ("succeeded".equalsIgnoreCase(a.status())) ok++;
        }
        succeededActions = ok;
        measureWaits(c.messages());
    }

    private static void findRepeats(List<MessageSignals> turns, TreeSet<Integer> repeats, TreeSet<Integer> rephrases) {
        for (int j = 1; j < turns.size(); j++) {
            MessageSignals later = turns.get(j);
            if (later.content.size() < MIN_CONTENT_WORDS) continue;
            double best = 0;
            for (int i = 0; i < j; i++) best = Math.max(best, later.overlap(turns.get(i)));
            if (best >= REPEAT) repeats.add(later.index);
            else if (best >= REPHRASE) rephrases.add(later.index);
        }
    }

    /** A wait runs from the first unanswered customer message to the next public agent reply. */
    private void measureWaits(List<Message> msgs) {
        Message waitingSince = null;
        for (Message m : msgs) {
            if (!m.isPublic() || m.at() == null) continue;
            if (m.role() == Role.CUSTOMER) {
                if (waitingSince == null) waitingSince = m;
            } else if (m.role().isAgent() && waitingSince != null) {
                long s = Math.max(0, Duration.between(waitingSince.at(), m.at()).getSeconds());
                totalWaitSeconds += s;
                if (s > maxWaitSeconds) {
                    maxWaitSeconds = s;
                    longestWaitTurn = m.index();
                }
                waitingSince = null;
            }
        }
    }

    EffortSignals effortSignals() {
        return new EffortSignals(customerTurns.size(), repeatTurns.size(), rephraseTurns.size(),
                conversation.transfers().size(), botLoopTurns.size(), maxWaitSeconds, totalWaitSeconds);
    }

    MessageSignals lastCustomer() {
        return customerTurns.isEmpty() ? null : customerTurns.get(customerTurns.size() - 1);
    }

    MessageSignals lastPublic() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            MessageSignals m = messages.get(i);
            if (m.isPublic && m.role != Role.SYSTEM) return m;
        }
        return null;
    }
}
