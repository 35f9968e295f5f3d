package io.cxscore.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A support conversation, whatever system it came from. Readers build it; judges only read it.
 *
 * @param source the system or dataset it came from (zendesk, intercom, cx-jsonl, uss-sgd...)
 * @param cohort customer cohort, e.g. enterprise or self-serve
 * @param csat the customer's own rating 1..5 when a survey was answered, else null
 * @param labels human labels from a labelled dataset; {@link HumanLabels#NONE} for exports
 */
public record Conversation(
        String id,
        String source,
        String channel,
        String brand,
        String team,
        String queue,
        String cohort,
        Instant openedAt,
        Instant closedAt,
        List<Message> messages,
        List<Transfer> transfers,
        List<AgentAction> actions,
        Integer csat,
        Map<String, String> metadata,
        HumanLabels labels) {

    public Conversation {
        Objects.requireNonNull(id, "id");
        messages = List.copyOf(messages);
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
        actions = actions == null ? List.of() : List.copyOf(actions);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        labels = labels == null ? HumanLabels.NONE : labels;
    }

    /** The warehouse partition: the UTC day the conversation opened (or closed, or 1970-01-01 when undated). */
    public LocalDate day() {
        Instant t = openedAt != null ? openedAt : closedAt;
        if (t == null && !messages.isEmpty()) t = messages.get(0).at();
        return t == null ? LocalDate.EPOCH : LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** True when any agent message was written by an AI agent. */
    public boolean handledByAi() {
        return messages.stream().anyMatch(m -> m.role() == Role.AI_AGENT);
    }

    /** True when a human agent wrote any message. */
    public boolean handledByHuman() {
        return messages.stream().anyMatch(m -> m.role() == Role.HUMAN_AGENT);
    }

    public Conversation withLabels(HumanLabels l) {
        return new Conversation(id, source, channel, brand, team, queue, cohort, openedAt, closedAt,
                messages, transfers, actions, csat, metadata, l);
    }
}
