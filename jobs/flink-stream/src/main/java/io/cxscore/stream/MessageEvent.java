package io.cxscore.stream;

import java.util.Objects;

/**
 * One event of a conversation in progress, from the message-events topic (schema in this module's
 * README): a message, a transfer, an agent action, or the close. Attributes of the conversation
 * (source, channel, team...) may ride on any event; the latest one that carries each wins.
 * A flat POJO so that Flink keeps it in keyed state without Kryo.
 */
public class MessageEvent {
    public static final String MESSAGE = "message";
    public static final String TRANSFER = "transfer";
    public static final String ACTION = "action";
    public static final String CLOSE = "close";

    public String type;
    public String conversationId;
    /** event time, epoch millis */
    public long at;
    /** arrival order within the source: breaks ties between events with the same {@code at} */
    public long sequence;
    /** where it came from, for quarantine rows */
    public String origin;
    public String position;

    // message
    public String role;
    public String author;
    public String text;
    public boolean isPublic = true;

    // transfer
    public String fromQueue;
    public String toQueue;
    public String reason;

    // action
    public String actionName;
    public String actionStatus;
    /** the action's params as a JSON object, or null */
    public String actionParamsJson;

    // close
    public Integer csat;

    // conversation attributes, on any event
    public String source;
    public String channel;
    public String brand;
    public String team;
    public String queue;
    public String cohort;
    /** the conversation's metadata as a JSON object, or null */
    public String metadataJson;

    public MessageEvent() {}

    public boolean isClose() {
        return CLOSE.equals(type);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MessageEvent e)) return false;
        return at == e.at && sequence == e.sequence && isPublic == e.isPublic && Objects.equals(type, e.type)
                && Objects.equals(conversationId, e.conversationId) && Objects.equals(origin, e.origin)
                && Objects.equals(position, e.position) && Objects.equals(role, e.role) && Objects.equals(author, e.author)
                && Objects.equals(text, e.text) && Objects.equals(fromQueue, e.fromQueue) && Objects.equals(toQueue, e.toQueue)
                && Objects.equals(reason, e.reason) && Objects.equals(actionName, e.actionName)
                && Objects.equals(actionStatus, e.actionStatus) && Objects.equals(actionParamsJson, e.actionParamsJson)
                && Objects.equals(csat, e.csat) && Objects.equals(source, e.source) && Objects.equals(channel, e.channel)
                && Objects.equals(brand, e.brand) && Objects.equals(team, e.team) && Objects.equals(queue, e.queue)
                && Objects.equals(cohort, e.cohort) && Objects.equals(metadataJson, e.metadataJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, conversationId, at, sequence, origin, position);
    }

    @Override
    public String toString() {
        return type + " " + conversationId + " @" + java.time.Instant.ofEpochMilli(at) + " #" + sequence;
    }
}
