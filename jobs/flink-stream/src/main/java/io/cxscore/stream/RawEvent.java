package io.cxscore.stream;

/**
 * One record as it arrived, before parsing: a Kafka record's value, or one line of a dropped file.
 * Flink serializes it as a POJO.
 */
public class RawEvent {
    /** the topic, or the file name */
    public String source;
    /** "partition 2 offset 1041", or "line 12" */
    public String position;
    /** orders events of one source: the Kafka offset, or the line number */
    public long sequence;
    /** the Kafka record's timestamp in epoch millis, or 0 for file lines */
    public long sourceTimestamp;
    public String payload;

    public RawEvent() {}

    public RawEvent(String source, String position, long sequence, long sourceTimestamp, String payload) {
        this.source = source;
        this.position = position;
        this.sequence = sequence;
        this.sourceTimestamp = sourceTimestamp;
        this.payload = payload;
    }

    @Override
    public String toString() {
        return source + " " + position;
    }
}
