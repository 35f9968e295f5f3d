package io.cxscore.stream;

import io.cxscore.core.model.Conversation;
import io.cxscore.core.score.JudgeResult;
import java.util.List;

/**
 * One row of the warehouse's {@code scores} table: the same columns, in the same order and with the
 * same values, as the batch job's {@code ParsedRows.score} (the parity test holds both to it).
 */
public class ScoreRow implements WarehouseRow {
    public static final String TABLE = "scores";
    public static final String PARQUET_SCHEMA = """
            message spark_schema {
              optional binary conversation_id (STRING);
              optional binary rubric_id (STRING);
              optional binary rubric_version (STRING);
              optional binary judge (STRING);
              optional binary model (STRING);
              optional binary param_hash (STRING);
              optional binary status (STRING);
              optional binary status_reason (STRING);
              optional binary resolution (STRING);
              optional double resolution_value;
              optional double resolution_confidence;
              optional group resolution_evidence (LIST) { repeated group list { optional int32 element; } }
              optional double sentiment_start;
              optional double sentiment_end;
              optional int32 sentiment_shift;
              optional double sentiment_confidence;
              optional group sentiment_evidence (LIST) { repeated group list { optional int32 element; } }
              optional int32 effort;
              optional double effort_value;
              optional double effort_confidence;
              optional group effort_evidence (LIST) { repeated group list { optional int32 element; } }
              optional int32 effort_customer_turns;
              optional int32 effort_repeats;
              optional int32 effort_rephrasings;
              optional int32 effort_transfers;
              optional int32 effort_bot_loops;
              optional int64 effort_max_wait_s;
              optional int32 cx_score;
              optional double cx_raw;
              optional double cx_contrib_resolution;
              optional double cx_contrib_sentiment;
              optional double cx_contrib_effort;
              optional double cx_confidence;
              optional binary explanation (STRING);
              optional int32 conversation_version;
            }
            """;
    public static final ParquetTable PARQUET = new ParquetTable(TABLE, PARQUET_SCHEMA, List.of("conversation_id", "explanation"),
            List.of("explanation"));

    public String conversationId;
    public String rubricId;
    public String rubricVersion;
    public String judge;
    public String model;
    public String paramHash;
    public String status;
    public String statusReason;
    public String resolution;
    public Double resolutionValue;
    public Double resolutionConfidence;
    public int[] resolutionEvidence;
    public Double sentimentStart;
    public Double sentimentEnd;
    public Integer sentimentShift;
    public Double sentimentConfidence;
    public int[] sentimentEvidence;
    public Integer effort;
    public Double effortValue;
    public Double effortConfidence;
    public int[] effortEvidence;
    public Integer effortCustomerTurns;
    public Integer effortRepeats;
    public Integer effortRephrasings;
    public Integer effortTransfers;
    public Integer effortBotLoops;
    public Long effortMaxWaitSeconds;
    public Integer cxScore;
    public Double cxRaw;
    public Double cxContribResolution;
    public Double cxContribSentiment;
    public Double cxContribEffort;
    public Double cxConfidence;
    public String explanation;
    public Integer conversationVersion;
    public String day;

    public ScoreRow() {}

    public static ScoreRow of(Conversation c, JudgeResult r, int version) {
        ScoreRow row = new ScoreRow();
        var p = r.provenance();
        row.conversationId = c.id();
        row.rubricId = p.rubricId();
        row.rubricVersion = p.rubricVersion();
        row.judge = p.judge();
        row.model = p.model();
        row.paramHash = p.paramHash();
        row.status = r.status();
        row.statusReason = r.statusReason();
        row.conversationVersion = version;
        row.day = c.day().toString();
        if (!r.isScored()) return row;
        var res = r.resolution();
        var s = r.sentiment();
        var e = r.effort();
        var sig = e.signals();
        var cx = r.cx();
        row.resolution = res.label().wireName();
        row.resolutionValue = res.value();
        row.resolutionConfidence = res.confidence();
        row.resolutionEvidence = ints(res.evidence());
        row.sentimentStart = s.start();
        row.sentimentEnd = s.end();
        row.sentimentShift = s.shift();
        row.sentimentConfidence = s.confidence();
        row.sentimentEvidence = ints(s.evidence());
        row.effort = e.score();
        row.effortValue = e.value();
        row.effortConfidence = e.confidence();
        row.effortEvidence = ints(e.evidence());
        row.effortCustomerTurns = sig.customerTurns();
        row.effortRepeats = sig.repeats();
        row.effortRephrasings = sig.rephrasings();
        row.effortTransfers = sig.transfers();
        row.effortBotLoops = sig.botLoops();
        row.effortMaxWaitSeconds = sig.maxWaitSeconds();
        row.cxScore = cx.score();
        row.cxRaw = cx.raw();
        row.cxContribResolution = cx.contributions().get("resolution");
        row.cxContribSentiment = cx.contributions().get("sentiment_shift");
        row.cxContribEffort = cx.contributions().get("effort");
        row.cxConfidence = cx.confidence();
        row.explanation = r.explanation();
        return row;
    }

    static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String partitionDay() {
        return day;
    }

    @Override
    public void writeTo(ParquetRowWriter w) {
        w.string("conversation_id", conversationId).string("rubric_id", rubricId).string("rubric_version", rubricVersion)
                .string("judge", judge).string("model", model).string("param_hash", paramHash).string("status", status)
                .string("status_reason", statusReason).string("resolution", resolution).float64("resolution_value", resolutionValue)
                .float64("resolution_confidence", resolutionConfidence).intArray("resolution_evidence", resolutionEvidence)
                .float64("sentiment_start", sentimentStart).float64("sentiment_end", sentimentEnd)
                .int32("sentiment_shift", sentimentShift).float64("sentiment_confidence", sentimentConfidence)
                .intArray("sentiment_evidence", sentimentEvidence).int32("effort", effort).float64("effort_value", effortValue)
                .float64("effort_confidence", effortConfidence).intArray("effort_evidence", effortEvidence)
                .int32("effort_customer_turns", effortCustomerTurns).int32("effort_repeats", effortRepeats)
                .int32("effort_rephrasings", effortRephrasings).int32("effort_transfers", effortTransfers)
                .int32("effort_bot_loops", effortBotLoops).int64("effort_max_wait_s", effortMaxWaitSeconds)
                .int32("cx_score", cxScore).float64("cx_raw", cxRaw).float64("cx_contrib_resolution", cxContribResolution)
                .float64("cx_contrib_sentiment", cxContribSentiment).float64("cx_contrib_effort", cxContribEffort)
                .float64("cx_confidence", cxConfidence).string("explanation", explanation)
                .int32("conversation_version", conversationVersion);
    }
}
