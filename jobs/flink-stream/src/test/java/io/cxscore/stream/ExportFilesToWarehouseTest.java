package io.cxscore.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.ingest.QuarantineRecord;
import io.cxscore.core.judge.OfflineJudge;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.rubric.RubricBundle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dropped cx-jsonl files through the whole job into the Parquet warehouse (bounded, on a MiniCluster). */
class ExportFilesToWarehouseTest {
    @TempDir
    Path tmp;

    @Test
    void should_write_the_core_judges_scores_and_quarantine_every_bad_line_when_export_files_are_dropped() throws Exception {
        // given: three days of seeded demo conversations, about one line in ten malformed
        List<Path> files = StreamTestSupport.demoExport(tmp.resolve("input"), 3, 12, 0.1);
        StreamTestSupport.Expected expected = StreamTestSupport.readLikeBatch(files);
        assertThat(expected.quarantine()).isNotEmpty();
        Path warehouse = tmp.resolve("warehouse");
        CollectingSink<GapUpdate> gaps = new CollectingSink<>("files-gaps");
        CollectingSink<TeamCxWindow> teams = new CollectingSink<>("files-teams");
        ScoreConversationsStreamJob job = new ScoreConversationsStreamJob(
                new ScoreConversationsStreamJob.Inputs(null, null, StreamTestSupport.boundedFiles(tmp.resolve("input"))),
                new ScoreConversationsStreamJob.Outputs(
                        WarehouseParquetSink.forTable(warehouse.toUri().toString(), ConversationRow.PARQUET),
                        WarehouseParquetSink.forTable(warehouse.toUri().toString(), ScoreRow.PARQUET),
                        WarehouseParquetSink.forTable(warehouse.toUri().toString(), QuarantineRow.PARQUET),
                        gaps, teams),
                // quiet only after an hour: within this bounded run no input goes idle, so the team windows see
                // every conversation before end of input fires them (an idle input lets the watermark jump past
                // late ones; see the stream README)
                new SessionSettings(Duration.ofMinutes(30), Duration.ofSeconds(5), Duration.ofDays(2), Duration.ofHours(1)),
                Duration.ofDays(1), RubricBundle.defaults());

        // when
        job.execute(StreamTestSupport.environment(Duration.ofMillis(500), 2, null, null));

        // then: every conversation scored once, with the core judge's figures
        OfflineJudge judge = OfflineJudge.from(RubricBundle.defaults());
        List<Map<String, Object>> scores = ParquetTables.rows(warehouse.resolve("scores"));
        List<Map<String, Object>> expectedScores = expected.conversations().stream()
                .map(c -> StreamTestSupport.expectedScoreColumns(c, judge.judge(c))).toList();
        assertThat(scores).map(r -> StreamTestSupport.pick(r, expectedScores.get(0).keySet()))
                .containsExactlyInAnyOrderElementsOf(expectedScores);
        assertThat(scores).allSatisfy(r -> assertThat(r.get("conversation_version")).isEqualTo(1));
        assertThat(ParquetTables.rows(warehouse.resolve("conversations"))).map(r -> r.get("conversation_id"))
                .containsExactlyInAnyOrderElementsOf(expected.conversations().stream().map(Conversation::id).toList());

        // and: the bad lines are quarantined exactly as the batch reader rejects them, and the counts reconcile
        List<Map<String, Object>> quarantine = ParquetTables.rows(warehouse.resolve("quarantine"));
        assertThat(quarantine).map(r -> List.of(r.get("source"), r.get("position"), String.valueOf(r.get("field")), r.get("reason")))
                .containsExactlyInAnyOrderElementsOf(expected.quarantine().stream()
                        .map((QuarantineRecord q) -> List.<Object>of(q.source(), q.position(), q.field(), q.reason())).toList());
        assertThat(scores.size() + quarantine.size()).isEqualTo(expected.records());

        // and: one gap update per conversation and owner of its findings ("none" without findings), and team CX adds up
        assertThat(gaps.received()).map(u -> u.conversationId + "/" + u.owner)
                .containsExactlyInAnyOrderElementsOf(StreamTestSupport.expectedGapUpdates(expected.conversations(), judge));
        // a window fires again when a late conversation updates it: the newest result per team and window counts
        java.util.Map<String, Long> newestPerWindow = new java.util.HashMap<>();
        for (TeamCxWindow w : teams.received()) newestPerWindow.merge(w.team + "@" + w.windowStart, w.judged, Math::max);
        assertThat(newestPerWindow.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(expected.conversations().size());
    }
}
