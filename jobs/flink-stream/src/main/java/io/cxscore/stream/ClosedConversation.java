package io.cxscore.stream;

/**
 * A conversation ready to be scored: closed by the sessionizer, or read whole from a file or the
 * conversations topic. It travels as its cx-jsonl line, so Flink ships it as a flat POJO.
 */
public class ClosedConversation {
    public String conversationId;
    /** the conversation in cx-jsonl, exactly as a file line would hold it */
    public String conversationJson;
    /** 1 for the first close; each re-open that is closed again gets the next number */
    public int version;
    /** event time of the close, epoch millis: the close event, else the last event */
    public long closedAt;
    /** where it came from: the file or topic, and "line 12" / "record 5" / "partition 0 offset 9" */
    public String origin;
    public String position;

    public ClosedConversation() {}

    public ClosedConversation(String conversationId, String conversationJson, int version, long closedAt, String origin, String position) {
        this.conversationId = conversationId;
        this.conversationJson = conversationJson;
        this.version = version;
        this.closedAt = closedAt;
        this.origin = origin;
        this.position = position;
    }

    @Override
    public String toString() {
        return conversationId + " v" + version + " closed " + java.time.Instant.ofEpochMilli(closedAt);
    }
}
