package io.cxscore.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.rubric.RubricBundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchScoringJobTest {
    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.create("cx-batch-test");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    static String conversation(String id, String day, String customerText, String agentText, String closing) {
        return "{\"id\":\"" + id + "\",\"channel\":\"chat\",\"team\":\"billing\",\"cohort\":\"smb\",\"opened_at\":\"" + day
                + "T09:00:00Z\",\"closed_at\":\"" + day + "T09:20:00Z\",\"messages\":["
                + "{\"role\":\"customer\",\"text\":\"" + customerText + "\",\"at\":\"" + day + "T09:00:00Z\"},"
                + "{\"role\":\"ai_agent\",\"text\":\"" + agentText + "\",\"at\":\"" + day + "T09:00:05Z\"},"
                + "{\"role\":\"customer\",\"text\":\"" + closing + "\",\"at\":\"" + day + "T09:02:00Z\"}]}";
    }

    static Path input(Path dir) throws IOException {
        Path f = dir.resolve("conversations.jsonl");
        Files.write(f, List.of(
                conversation("c1", "2026-10-01", "My invoice is wrong", "I have corrected the invoice, you can download it now.", "Thanks, that works!"),
                conversation("c2", "2026-10-01", "I still cannot log in, this is ridiculous", "Please try resetting your password.", "Still not working. Useless."),
                conversation("c3", "2026-10-02", "Where is my order?", "It will arrive tomorrow.", "Great, thank you"),
                "{\"id\":\"bad-role\",\"messages\":[{\"role\":\"robot\",\"text\":\"hi\"}]}",
                "{\"id\": \"truncated\", \"messages\": [",
                conversation("c3", "2026-10-02", "Where is my order??", "It will arrive tomorrow.", "ok")));
        return f;
    }

    static RunSummary run(Path in, Path warehouse) {
        var out = new PrintStream(new ByteArrayOutputStream());
        return new BatchScoringJob(spark, RubricBundle.defaults(), warehouse.toString(), out)
                .run(InputFiles.expand(List.of(in.toString()), null));
    }

    static List<String> rows(Path warehouse, String table) {
        return spark.read().parquet(warehouse.resolve(table).toString()).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void should_reconcile_read_scored_and_quarantined_and_name_the_bad_fields(@TempDir Path dir) throws IOException {
        // given
        Path warehouse = dir.resolve("wh");
        // when
        RunSummary s = run(input(dir), warehouse);
        // then: 6 records = 3 scored + 2 unreadable + 1 duplicate id
        assertThat(s.read()).isEqualTo(6);
        assertThat(s.scored()).isEqualTo(3);
        assertThat(s.quarantined()).isEqualTo(3);
        assertThat(s.reconciles()).isTrue();
        var q = spark.read().parquet(warehouse.resolve("quarantine").toString());
        assertThat(q.select("field").collectAsList().stream().map(r -> r.getString(0)).sorted())
                .containsExactly("id", "messages[0].role", "record");
        assertThat(q.where("field = 'id'").first().<String>getAs("record_id")).isEqualTo("c3");
        assertThat(spark.read().parquet(warehouse.resolve("scores").toString()).where("conversation_id = 'c3'").count()).isEqualTo(1);
    }

    @Test
    void should_give_identical_rows_and_no_duplicates_when_run_twice(@TempDir Path dir) throws IOException {
        // given
        Path in = input(dir);
        Path warehouse = dir.resolve("wh");
        run(in, warehouse);
        List<String> scores = rows(warehouse, "scores");
        List<String> conversations = rows(warehouse, "conversations");
        List<String> quarantine = rows(warehouse, "quarantine");
        // when
        run(in, warehouse);
        // then
        assertThat(rows(warehouse, "scores")).isEqualTo(scores).hasSize(3);
        assertThat(rows(warehouse, "conversations")).isEqualTo(conversations);
        assertThat(rows(warehouse, "quarantine")).isEqualTo(quarantine).hasSize(3);
        assertThat(spark.read().parquet(warehouse.resolve("runs").toString()).count()).isEqualTo(2);
        assertThat(warehouse.resolve(PartitionSwap.STAGING)).doesNotExist();
    }

    @Test
    void should_keep_other_rows_of_a_day_when_a_later_run_adds_to_it(@TempDir Path dir) throws IOException {
        // given a first export with c1 and c2 on 2026-10-01
        Path warehouse = dir.resolve("wh");
        Path first = dir.resolve("first.jsonl");
        Files.write(first, List.of(conversation("c1", "2026-10-01", "My invoice is wrong", "Fixed it.", "Thanks!"),
                conversation("c2", "2026-10-01", "Login fails", "Try a reset.", "Still failing.")));
        run(first, warehouse);
        // when a second export brings c4 for the same day and a changed c2
        Path second = dir.resolve("second.jsonl");
        Files.write(second, List.of(conversation("c4", "2026-10-01", "Where is my parcel?", "It arrives today.", "Great"),
                conversation("c2", "2026-10-01", "Login fails", "Try a reset.", "That worked, thanks!")));
        run(second, warehouse);
        // then the day holds c1 (kept), c2 (replaced) and c4 (added), once each
        var scores = spark.read().parquet(warehouse.resolve("scores").toString());
        assertThat(scores.select("conversation_id").collectAsList().stream().map(r -> r.getString(0)).sorted())
                .containsExactly("c1", "c2", "c4");
        var c2 = spark.read().parquet(warehouse.resolve("conversations").toString()).where("conversation_id = 'c2'").first();
        assertThat(c2.<scala.collection.Seq<Row>>getAs("messages").last().<String>getAs("text")).isEqualTo("That worked, thanks!");
    }

    @Test
    void should_partition_by_day_and_record_provenance_on_every_score(@TempDir Path dir) throws IOException {
        // given
        Path warehouse = dir.resolve("wh");
        // when
        run(input(dir), warehouse);
        // then
        try (Stream<Path> days = Files.list(warehouse.resolve("scores"))) {
            assertThat(days.map(p -> p.getFileName().toString()).sorted()).containsExactly("day=2026-10-01", "day=2026-10-02");
        }
        var bundle = RubricBundle.defaults();
        for (Row r : spark.read().parquet(warehouse.resolve("scores").toString()).collectAsList()) {
            assertThat(r.<String>getAs("judge")).isEqualTo("offline");
            assertThat(r.<String>getAs("rubric_version")).isEqualTo("1");
            assertThat(r.<String>getAs("param_hash")).isEqualTo(bundle.paramHash());
            assertThat(r.<Integer>getAs("cx_score")).isBetween(1, 5);
        }
        var c1 = spark.read().parquet(warehouse.resolve("scores").toString()).where("conversation_id = 'c1'").first();
        var c2 = spark.read().parquet(warehouse.resolve("scores").toString()).where("conversation_id = 'c2'").first();
        assertThat(c1.<Integer>getAs("cx_score")).isGreaterThan(c2.<Integer>getAs("cx_score"));
    }
}
