package io.cxscore.batch;

import io.cxscore.core.gaps.GapOwners;
import io.cxscore.core.gaps.GapsBundle;
import io.cxscore.core.ingest.ConversationReader;
import io.cxscore.core.ingest.ConversationReaders;
import io.cxscore.core.ingest.QuarantineRecord;
import io.cxscore.core.ingest.ReadResult;
import io.cxscore.core.judge.OfflineJudge;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.model.Conversation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * The per-file task: stream one file through its reader and the judge. Nothing is dropped: an
 * unreadable record, and a conversation the judge throws on, both become quarantine rows.
 */
final class ReadAndScore implements FlatMapFunction<InputFile, Row> {
    /** The judge and the owners map of one rubric + gaps bundle pair. */
    private record Judging(OfflineJudge judge, GapOwners owners) {}

    /** One judge per rubric and gaps bundle per executor JVM: parsing the files per task would be waste. */
    private static final ConcurrentHashMap<String, Judging> JUDGES = new ConcurrentHashMap<>();

    private final Broadcast<RubricBundle> bundle;
    private final Broadcast<GapsBundle> gapsBundle;
    private final LocalDate runDay;

    ReadAndScore(Broadcast<RubricBundle> bundle, Broadcast<GapsBundle> gapsBundle, LocalDate runDay) {
        this.bundle = bundle;
        this.gapsBundle = gapsBundle;
        this.runDay = runDay;
    }

    @Override
    public Iterator<Row> call(InputFile file) throws Exception {
        RubricBundle b = bundle.value();
        GapsBundle g = gapsBundle.value();
        // the owners map is not in the gaps param hash, so it is part of the cache key on its own
        String key = b.paramHash() + "/" + g.paramHash() + "/" + io.cxscore.core.rubric.RubricLoader.sha256(g.ownersYaml());
        Judging judging = JUDGES.computeIfAbsent(key, h -> new Judging(OfflineJudge.from(b, g), g.owners()));
        OfflineJudge judge = judging.judge();
        ConversationReader.RecordStream records = ConversationReaders.forFormat(file.format()).open(Path.of(file.path()));
        TaskContext task = TaskContext.get();
        if (task != null) task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> closeQuietly(records));
        // lazy: rows are produced as Spark pulls them, so a large file never sits in memory
        return new Iterator<>() {
            int ordinal = 0;

            @Override
            public boolean hasNext() {
                boolean more = records.hasNext();
                if (!more) closeQuietly(records);
                return more;
            }

            @Override
            public Row next() {
                ReadResult r = records.next();
                ordinal++;
                if (r instanceof ReadResult.Rejected rej) return ParsedRows.quarantined(rej.quarantine(), runDay);
                Conversation c = ((ReadResult.Read) r).conversation();
                String position = "record " + ordinal;
                try {
                    return ParsedRows.scored(c, judge.judge(c), judge.gapClassifier(), judging.owners(), file.path(), position);
                } catch (RuntimeException e) {
                    return ParsedRows.quarantined(new QuarantineRecord(file.path(), position, c.id(), "judge",
                            "the judge could not score it: " + e, ""), runDay);
                }
            }
        };
    }

    private static void closeQuietly(ConversationReader.RecordStream s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // read-only stream: nothing to lose on a failed close
        }
    }
}
