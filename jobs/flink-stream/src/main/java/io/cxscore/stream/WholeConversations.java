package io.cxscore.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cxscore.core.ingest.CxJsonl;
import io.cxscore.core.ingest.QuarantineRecord;
import io.cxscore.core.ingest.RecordException;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import java.time.Instant;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads whole conversations in cx-jsonl, one per record: lines of dropped files and records of the
 * conversations topic. Exactly as strict as the batch reader ({@code CxJsonlReader}), so a line that
 * batch quarantines is quarantined here with the same field and reason.
 */
public class WholeConversations extends ProcessFunction<RawEvent, ClosedConversation> {
    public static final OutputTag<QuarantineRow> QUARANTINE = new OutputTag<>("whole-conversation-quarantine") {};
    // Two records on one line are a broken line, not a record plus ignored text (as in CxJsonlReader)
    private static final ObjectReader LINE_READER = new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public void processElement(RawEvent raw, Context ctx, Collector<ClosedConversation> out) {
        JsonNode node;
        try {
            node = LINE_READER.readTree(raw.payload);
        } catch (JsonProcessingException e) {
            quarantine(ctx, new QuarantineRecord(raw.source, raw.position, null, "record", "invalid JSON: " + e.getOriginalMessage(),
                    QuarantineRecord.excerptOf(raw.payload)));
            return;
        }
        Conversation c;
        try {
            c = CxJsonl.parse(node, CxJsonl.FORMAT);
        } catch (RecordException e) {
            JsonNode id = node == null ? null : node.get("id");
            quarantine(ctx, new QuarantineRecord(raw.source, raw.position, id != null && id.isValueNode() ? id.asText() : null,
                    e.field(), e.getMessage(), QuarantineRecord.excerptOf(raw.payload)));
            return;
        }
        out.collect(new ClosedConversation(c.id(), CxJsonl.write(c), 0, closedAt(c, raw), raw.source, raw.position));
    }

    /** Event time of a whole conversation: its close, else its last dated message, else when it arrived. */
    static long closedAt(Conversation c, RawEvent raw) {
        if (c.closedAt() != null) return c.closedAt().toEpochMilli();
        Instant last = null;
        for (Message m : c.messages()) if (m.at() != null && (last == null || m.at().isAfter(last))) last = m.at();
        if (last != null) return last.toEpochMilli();
        if (c.openedAt() != null) return c.openedAt().toEpochMilli();
        return raw.sourceTimestamp;
    }

    private static void quarantine(Context ctx, QuarantineRecord q) {
        ctx.output(QUARANTINE, QuarantineRow.of(q, System.currentTimeMillis()));
    }
}
