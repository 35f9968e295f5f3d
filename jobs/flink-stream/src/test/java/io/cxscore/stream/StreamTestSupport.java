package io.cxscore.stream;

import io.cxscore.core.demo.DemoGenerator;
import io.cxscore.core.ingest.CxJsonlReader;
import io.cxscore.core.ingest.ConversationReader;
import io.cxscore.core.ingest.QuarantineRecord;
import io.cxscore.core.ingest.ReadResult;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.score.JudgeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Fixtures shared by the stream job's tests: seeded demo input, environments, expected rows. */
final class StreamTestSupport {
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 5);

    private StreamTestSupport() {}

    /** A small seeded export: a few days of demo conversations with some malformed lines. */
    static List<Path> demoExport(Path folder, int days, int perDay, double malformedRate) throws IOException {
        DemoGenerator.builder().seed(11).startDate(FIRST_DAY).days(days).conversationsPerDay(perDay)
                .malformedRate(malformedRate).build().generate(folder);
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    /** The demo's conversations (no malformed lines), in the order the generator writes them. */
    static List<Conversation> demoConversations(int days, int perDay) {
        DemoGenerator g = DemoGenerator.builder().seed(11).startDate(FIRST_DAY).days(days).conversationsPerDay(perDay).malformedRate(0).build();
        List<Conversation> out = new ArrayList<>();
        for (int d = 0; d < days; d++) out.addAll(g.conversations(FIRST_DAY.plusDays(d)));
        return out;
    }

    static StreamExecutionEnvironment environment(Duration checkpointInterval, int parallelism, Path checkpoints, String restoreFrom) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        if (checkpoints != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
            conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    org.apache.flink.configuration.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        }
        if (restoreFrom != null) conf.set(org.apache.flink.configuration.StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    static FileSource<RawEvent> boundedFiles(Path folder) {
        return FileSource.forBulkFileFormat(new CxJsonlLinesFormat(), new org.apache.flink.core.fs.Path(folder.toUri())).build();
    }

    /** What the batch reader makes of the files: conversations to score, and rejected lines. */
    record Expected(List<Conversation> conversations, List<QuarantineRecord> quarantine, int records) {}

    static Expected readLikeBatch(List<Path> files) throws IOException {
        List<Conversation> conversations = new ArrayList<>();
        List<QuarantineRecord> quarantine = new ArrayList<>();
        int records = 0;
        for (Path f : files) {
            try (ConversationReader.RecordStream s = new CxJsonlReader().open(f)) {
                while (s.hasNext()) {
                    ReadResult r = s.next();
                    records++;
                    if (r instanceof ReadResult.Read read) conversations.add(read.conversation());
                    else quarantine.add(((ReadResult.Rejected) r).quarantine());
                }
            }
        }
        return new Expected(conversations, quarantine, records);
    }

    /** The columns of a scores row computed straight from the core judge's result, without the stream's row code. */
    static Map<String, Object> expectedScoreColumns(Conversation c, JudgeResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conversation_id", c.id());
        m.put("rubric_version", r.provenance().rubricVersion());
        m.put("param_hash", r.provenance().paramHash());
        m.put("status", r.status());
        m.put("resolution", r.resolution().label().wireName());
        m.put("resolution_evidence", List.copyOf(r.resolution().evidence()));
        m.put("sentiment_shift", r.sentiment().shift());
        m.put("effort", r.effort().score());
        m.put("effort_max_wait_s", r.effort().signals().maxWaitSeconds());
        m.put("cx_score", r.cx().score());
        m.put("cx_raw", r.cx().raw());
        m.put("cx_contrib_sentiment", r.cx().contributions().get("sentiment_shift"));
        m.put("explanation", r.explanation());
        m.put("day", c.day().toString());
        return m;
    }

    static Map<String, Object> pick(Map<String, Object> row, Iterable<String> columns) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : columns) m.put(k, row.get(k));
        return m;
    }

    /** "conversationId/owner" for every gap update the stream should send: per owner of the findings, or "none". */
    static List<String> expectedGapUpdates(List<io.cxscore.core.model.Conversation> conversations,
                                           io.cxscore.core.judge.OfflineJudge judge) {
        var owners = io.cxscore.core.gaps.GapsBundle.defaults().owners();
        List<String> out = new java.util.ArrayList<>();
        for (var c : conversations) {
            for (GapUpdate u : GapUpdate.of(c, judge.judge(c), 1, judge.gapClassifier(), owners)) out.add(c.id() + "/" + u.owner);
        }
        return out;
    }
}
