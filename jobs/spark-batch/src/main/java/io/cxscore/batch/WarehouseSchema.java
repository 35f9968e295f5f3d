package io.cxscore.batch;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet tables' columns. {@code warehouse/sources.yml} declares the same columns for DuckDB;
 * a change here is a change to that contract.
 *
 * <p>{@code conversation_version} is 1 for every batch row: a batch run sees each conversation once,
 * and a re-run replaces rows by key. The stream job writes 2, 3... when a re-opened conversation
 * closes again, and the staging models keep the newest version of each key.
 */
public final class WarehouseSchema {
    public static final String CONVERSATIONS = "conversations";
    public static final String SCORES = "scores";
    public static final String QUARANTINE = "quarantine";
    public static final String RUNS = "runs";
    public static final String GAP_INSTANCES = "gap_instances";
    /** Judgements a person should look at: low-confidence or unscored LLM results. */
    public static final String REVIEW_QUEUE = "review_queue";

    private WarehouseSchema() {}

    private static StructField f(String name, org.apache.spark.sql.types.DataType t) {
        return createStructField(name, t, true);
    }

    static final StructType MESSAGE = createStructType(List.of(
            f("idx", IntegerType), f("role", StringType), f("author", StringType), f("text", StringType),
            f("at", TimestampType), f("is_public", BooleanType)));

    public static final StructType CONVERSATION = createStructType(List.of(
            f("conversation_id", StringType), f("source", StringType), f("channel", StringType), f("brand", StringType),
            f("team", StringType), f("queue", StringType), f("cohort", StringType), f("opened_at", TimestampType),
            f("closed_at", TimestampType), f("handled_by", StringType), f("message_count", IntegerType),
            f("customer_message_count", IntegerType), f("transfer_count", IntegerType), f("action_count", IntegerType),
            f("failed_action_count", IntegerType), f("csat", IntegerType), f("content_hash", StringType),
            f("messages", createArrayType(MESSAGE)), f("metadata", createMapType(StringType, StringType)),
            f("conversation_version", IntegerType), f("day", DateType)));

    static final org.apache.spark.sql.types.DataType INTS = createArrayType(IntegerType);

    public static final StructType SCORE = createStructType(List.of(
            f("conversation_id", StringType), f("rubric_id", StringType), f("rubric_version", StringType),
            f("judge", StringType), f("model", StringType), f("param_hash", StringType), f("status", StringType),
            f("status_reason", StringType), f("resolution", StringType), f("resolution_value", DoubleType),
            f("resolution_confidence", DoubleType), f("resolution_evidence", INTS), f("sentiment_start", DoubleType),
            f("sentiment_end", DoubleType), f("sentiment_shift", IntegerType), f("sentiment_confidence", DoubleType),
            f("sentiment_evidence", INTS), f("effort", IntegerType), f("effort_value", DoubleType),
            f("effort_confidence", DoubleType), f("effort_evidence", INTS), f("effort_customer_turns", IntegerType),
            f("effort_repeats", IntegerType), f("effort_rephrasings", IntegerType), f("effort_transfers", IntegerType),
            f("effort_bot_loops", IntegerType), f("effort_max_wait_s", LongType), f("cx_score", IntegerType),
            f("cx_raw", DoubleType), f("cx_contrib_resolution", DoubleType), f("cx_contrib_sentiment", DoubleType),
            f("cx_contrib_effort", DoubleType), f("cx_confidence", DoubleType), f("explanation", StringType),
            f("conversation_version", IntegerType), f("day", DateType)));

    public static final StructType REVIEW_ROW = createStructType(List.of(
            f("conversation_id", StringType), f("rubric_id", StringType), f("rubric_version", StringType),
            f("judge", StringType), f("model", StringType), f("status", StringType), f("reason", StringType),
            f("cx_score", IntegerType), f("cx_confidence", DoubleType), f("offline_cx_score", IntegerType),
            f("queued_at", TimestampType), f("day", DateType)));

    public static final StructType QUARANTINE_ROW = createStructType(List.of(
            f("source", StringType), f("position", StringType), f("record_id", StringType), f("field", StringType),
            f("reason", StringType), f("excerpt", StringType), f("day", DateType)));

    public static final StructType RUN = createStructType(List.of(
            f("run_id", StringType), f("started_at", TimestampType), f("finished_at", TimestampType),
            f("inputs", StringType), f("read", LongType), f("scored", LongType), f("quarantined", LongType),
            f("judge", StringType), f("model", StringType), f("rubric_version", StringType), f("param_hash", StringType),
            f("day", DateType)));

    /**
     * One row per conversation x gap finding, in the taxonomy's terms, with its one owner. Partitioned by
     * the conversation's day; the key is (conversation_id, taxonomy_version, category, subcategory, found_by).
     */
    public static final StructType GAP_INSTANCE = createStructType(List.of(
            f("conversation_id", StringType), f("taxonomy_version", StringType), f("category", StringType),
            f("subcategory", StringType), f("confidence", DoubleType), f("notifies", BooleanType), f("evidence", INTS), f("ai_fault", StringType),
            f("found_by", StringType), f("subject", StringType), f("rationale", StringType), f("topic", StringType),
            f("owner_team", StringType), f("owner_contact", StringType), f("owner_channel", StringType),
            f("owner_is_default", BooleanType), f("is_ai_turn", BooleanType), f("judge", StringType), f("model", StringType),
            f("param_hash", StringType), f("day", DateType)));

    /** Where a record came from, so a duplicate found after parsing can still be quarantined by position. */
    static final StructType ORIGIN = createStructType(List.of(f("source", StringType), f("position", StringType)));

    /** One row per record read: either conversation, score and gaps, or quarantine, is set. */
    public static final StructType PARSED = createStructType(List.of(
            f("conversation", CONVERSATION), f("score", SCORE), f("quarantine", QUARANTINE_ROW), f("origin", ORIGIN),
            f("gaps", createArrayType(GAP_INSTANCE))));
}
