package io.cxscore.stream;

import io.cxscore.core.ingest.CxJsonl;
import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;

/** One row of the warehouse's {@code conversations} table, as the batch job's {@code ParsedRows.conversation} builds it. */
public class ConversationRow implements WarehouseRow {
    public static final String TABLE = "conversations";
    public static final String PARQUET_SCHEMA = """
            message spark_schema {
              optional binary conversation_id (STRING);
              optional binary source (STRING);
              optional binary channel (STRING);
              optional binary brand (STRING);
              optional binary team (STRING);
              optional binary queue (STRING);
              optional binary cohort (STRING);
              optional int96 opened_at;
              optional int96 closed_at;
              optional binary handled_by (STRING);
              optional int32 message_count;
              optional int32 customer_message_count;
              optional int32 transfer_count;
              optional int32 action_count;
              optional int32 failed_action_count;
              optional int32 csat;
              optional binary content_hash (STRING);
              optional group messages (LIST) {
                repeated group list {
                  optional group element {
                    optional int32 idx;
                    optional binary role (STRING);
                    optional binary author (STRING);
                    optional binary text (STRING);
                    optional int96 at;
                    optional boolean is_public;
                  }
                }
              }
              optional group metadata (MAP) {
                repeated group key_value {
                  required binary key (STRING);
                  optional binary value (STRING);
                }
              }
              optional int32 conversation_version;
            }
            """;
    /** ids and message text are unique per row; only message text is too long for useful statistics */
    public static final ParquetTable PARQUET = new ParquetTable(TABLE, PARQUET_SCHEMA,
            List.of("conversation_id", "content_hash", "messages.list.element.text"), List.of("messages.list.element.text"));

    /** One element of the {@code messages} column. */
    public static class MessageElement {
        public int idx;
        public String role;
        public String author;
        public String text;
        /** epoch millis, or null when the message is undated */
        public Long at;
        public boolean isPublic;

        public MessageElement() {}
    }

    public String conversationId;
    public String source;
    public String channel;
    public String brand;
    public String team;
    public String queue;
    public String cohort;
    public Long openedAt;
    public Long closedAt;
    public String handledBy;
    public int messageCount;
    public int customerMessageCount;
    public int transferCount;
    public int actionCount;
    public int failedActionCount;
    public Integer csat;
    public String contentHash;
    public MessageElement[] messages;
    public HashMap<String, String> metadata;
    public int conversationVersion;
    public String day;

    public ConversationRow() {}

    /** @param canonicalLine the conversation as {@code CxJsonl.write} wrote it, for the content hash */
    public static ConversationRow of(Conversation c, int version, String canonicalLine) {
        ConversationRow r = new ConversationRow();
        r.conversationId = c.id();
        r.source = c.source();
        r.channel = c.channel();
        r.brand = c.brand();
        r.team = c.team();
        r.queue = c.queue();
        r.cohort = c.cohort();
        r.openedAt = millis(c.openedAt());
        r.closedAt = millis(c.closedAt());
        boolean ai = c.handledByAi(), human = c.handledByHuman();
        r.handledBy = ai && human ? "ai_to_human" : ai ? "ai" : human ? "human" : "none";
        r.messages = new MessageElement[c.messages().size()];
        for (Message m : c.messages()) {
            MessageElement e = new MessageElement();
            e.idx = m.index();
            e.role = m.role().wireName();
            e.author = m.author();
            e.text = m.text();
            e.at = millis(m.at());
            e.isPublic = m.isPublic();
            r.messages[m.index()] = e;
            if (m.role() == Role.CUSTOMER) r.customerMessageCount++;
        }
        r.messageCount = c.messages().size();
        r.transferCount = c.transfers().size();
        r.actionCount = c.actions().size();
        for (AgentAction a : c.actions()) if (a.failed()) r.failedActionCount++;
        r.csat = c.csat();
        // the same canonical-JSON hash as batch: the same conversation from any source hashes the same
        r.contentHash = CxJsonl.contentHash(canonicalLine);
        r.metadata = new HashMap<>(c.metadata());
        r.conversationVersion = version;
        r.day = c.day().toString();
        return r;
    }

    private static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public String partitionDay() {
        return day;
    }

    @Override
    public void writeTo(ParquetRowWriter w) {
        w.string("conversation_id", conversationId).string("source", source).string("channel", channel).string("brand", brand)
                .string("team", team).string("queue", queue).string("cohort", cohort).timestamp("opened_at", instant(openedAt))
                .timestamp("closed_at", instant(closedAt)).string("handled_by", handledBy).int32("message_count", messageCount)
                .int32("customer_message_count", customerMessageCount).int32("transfer_count", transferCount)
                .int32("action_count", actionCount).int32("failed_action_count", failedActionCount).int32("csat", csat)
                .string("content_hash", contentHash)
                .structArray("messages", messages, (m, e) -> m.int32("idx", e.idx).string("role", e.role).string("author", e.author)
                        .string("text", e.text).timestamp("at", instant(e.at)).bool("is_public", e.isPublic))
                .stringMap("metadata", metadata).int32("conversation_version", conversationVersion);
    }
}
