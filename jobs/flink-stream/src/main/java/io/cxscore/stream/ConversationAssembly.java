package io.cxscore.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.HumanLabels;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Conversation} from its events: pure, so the sessionizer's state logic and the
 * shape of what it emits are tested apart.
 */
public final class ConversationAssembly {
    /** Event-time order; arrival order breaks ties, so a replay assembles the same conversation. */
    public static final Comparator<MessageEvent> EVENT_ORDER =
            Comparator.comparingLong((MessageEvent e) -> e.at).thenComparingLong(e -> e.sequence);

    private ConversationAssembly() {}

    /**
     * @param events the conversation's events, any order
     * @param defaultSource the source when no event names one (the topic)
     * @return the conversation, or null when no event is a message (a conversation needs at least one)
     */
    public static Conversation assemble(String conversationId, List<MessageEvent> events, String defaultSource) {
        List<MessageEvent> sorted = new ArrayList<>(events);
        sorted.sort(EVENT_ORDER);
        List<Message> messages = new ArrayList<>();
        List<Transfer> transfers = new ArrayList<>();
        List<AgentAction> actions = new ArrayList<>();
        Integer csat = null;
        String source = null, channel = null, brand = null, team = null, queue = null, cohort = null, metadata = null;
        for (MessageEvent e : sorted) {
            Instant at = Instant.ofEpochMilli(e.at);
            // after_message: the last message before this event in event-time order, -1 when none
            int lastMessage = messages.size() - 1;
            switch (e.type) {
                case MessageEvent.MESSAGE -> messages.add(new Message(messages.size(), Role.fromWire(e.role), e.author, e.text, at, e.isPublic));
                case MessageEvent.TRANSFER -> transfers.add(new Transfer(at, e.fromQueue, e.toQueue, e.reason, lastMessage));
                case MessageEvent.ACTION -> actions.add(new AgentAction(e.actionName, at, e.actionStatus, lastMessage, stringMap(e.actionParamsJson)));
                case MessageEvent.CLOSE -> csat = e.csat != null ? e.csat : csat;
                default -> throw new IllegalStateException("unknown event type " + e.type);
            }
            source = e.source != null ? e.source : source;
            channel = e.channel != null ? e.channel : channel;
            brand = e.brand != null ? e.brand : brand;
            team = e.team != null ? e.team : team;
            queue = e.queue != null ? e.queue : queue;
            cohort = e.cohort != null ? e.cohort : cohort;
            metadata = e.metadataJson != null ? e.metadataJson : metadata;
        }
        if (messages.isEmpty()) return null;
        Instant opened = messages.get(0).at();
        Instant closed = Instant.ofEpochMilli(sorted.get(sorted.size() - 1).at);
        return new Conversation(conversationId, source != null ? source : defaultSource, channel, brand, team, queue, cohort,
                opened, closed, messages, transfers, actions, csat, stringMap(metadata), HumanLabels.NONE);
    }

    /** A JSON object as strings, the way cx-jsonl reads {@code metadata} and {@code params}. */
    static Map<String, String> stringMap(String json) {
        if (json == null) return Map.of();
        try {
            JsonNode n = MessageEvents.JSON.readTree(json);
            Map<String, String> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var f = it.next();
                out.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
            }
            return out;
        } catch (JsonProcessingException e) {
            // the parser only stores objects it has read, so this is a bug, not bad input
            throw new IllegalStateException("stored JSON no longer parses: " + json, e);
        }
    }
}
