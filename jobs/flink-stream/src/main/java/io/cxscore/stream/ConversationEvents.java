package io.cxscore.stream;

import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Transfer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The message events a help desk would have sent while a conversation happened: its messages,
 * transfers and actions, then the close. Replays (the benchmark) and tests use it to feed the
 * message-events topic from recorded conversations.
 */
public final class ConversationEvents {
    private ConversationEvents() {}

    /** Events in event-time order; attributes ride on the first event. Undated items take the time of the message before them. */
    public static List<MessageEvent> of(Conversation c) {
        List<MessageEvent> out = new ArrayList<>();
        Instant start = c.openedAt() != null ? c.openedAt() : Instant.EPOCH;
        Instant[] messageAt = new Instant[c.messages().size()];
        Instant last = start;
        for (Message m : c.messages()) {
            last = m.at() != null ? m.at() : last;
            messageAt[m.index()] = last;
        }
        for (Message m : c.messages()) {
            MessageEvent e = base(c, MessageEvent.MESSAGE, messageAt[m.index()]);
            e.role = m.role().wireName();
            e.author = m.author();
            e.text = m.text();
            e.isPublic = m.isPublic();
            out.add(e);
        }
        for (Transfer t : c.transfers()) {
            MessageEvent e = base(c, MessageEvent.TRANSFER, t.at() != null ? t.at() : after(messageAt, t.afterMessage(), start));
            e.fromQueue = t.fromQueue();
            e.toQueue = t.toQueue();
            e.reason = t.reason();
            out.add(e);
        }
        for (AgentAction a : c.actions()) {
            MessageEvent e = base(c, MessageEvent.ACTION, a.at() != null ? a.at() : after(messageAt, a.afterMessage(), start));
            e.actionName = a.name();
            e.actionStatus = a.status();
            e.actionParamsJson = a.params().isEmpty() ? null : json(a.params());
            out.add(e);
        }
        // the close comes last: an export may date an action or transfer after its closed_at, and an event
        // after the close would re-open the conversation
        long latest = out.stream().mapToLong(e -> e.at).max().orElse(last.toEpochMilli());
        Instant closeAt = c.closedAt() != null && c.closedAt().toEpochMilli() >= latest ? c.closedAt() : Instant.ofEpochMilli(latest);
        MessageEvent close = base(c, MessageEvent.CLOSE, closeAt);
        close.csat = c.csat();
        out.add(close);
        // stable sort: within one timestamp, messages come before the transfers and actions that follow them
        out.sort(java.util.Comparator.comparingLong(e -> e.at));
        for (int i = 0; i < out.size(); i++) out.get(i).sequence = i;
        MessageEvent first = out.get(0);
        first.source = c.source();
        first.channel = c.channel();
        first.brand = c.brand();
        first.team = c.team();
        first.queue = c.queue();
        first.cohort = c.cohort();
        first.metadataJson = c.metadata().isEmpty() ? null : json(c.metadata());
        return out;
    }

    private static Instant after(Instant[] messageAt, int afterMessage, Instant start) {
        return afterMessage >= 0 && afterMessage < messageAt.length ? messageAt[afterMessage] : start;
    }

    private static MessageEvent base(Conversation c, String type, Instant at) {
        MessageEvent e = new MessageEvent();
        e.type = type;
        e.conversationId = c.id();
        e.at = at.toEpochMilli();
        return e;
    }

    private static String json(Map<String, String> m) {
        var n = MessageEvents.JSON.createObjectNode();
        new TreeMap<>(m).forEach(n::put);
        return n.toString();
    }
}
