package io.cxscore.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.rubric.RubricBundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapInstancesTest {
    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.create("cx-gaps-test");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    static final String FAILED_REFUND = "{\"id\":\"g1\",\"brand\":\"Loomwork\",\"team\":\"billing\",\"queue\":\"billing-l1\","
            + "\"opened_at\":\"2026-10-01T09:00:00Z\",\"messages\":["
            + "{\"role\":\"customer\",\"author\":\"Dana Reyes\",\"text\":\"I was charged twice, please refund it.\"},"
            + "{\"role\":\"ai_agent\",\"text\":\"Doing that now.\"},"
            + "{\"role\":\"ai_agent\",\"text\":\"Hmm, our system returned an error. I'll log it.\"}],"
            + "\"actions\":[{\"name\":\"issue_refund\",\"status\":\"failed\",\"after_message\":1}]}";
    static final String CLEAN = "{\"id\":\"g2\",\"team\":\"billing\",\"opened_at\":\"2026-10-02T09:00:00Z\",\"messages\":["
            + "{\"role\":\"customer\",\"text\":\"Where is my invoice?\"},"
            + "{\"role\":\"human_agent\",\"text\":\"It is under Billing > Invoices.\"},"
            + "{\"role\":\"customer\",\"text\":\"Found it, thanks!\"}]}";

    static void run(Path in, Path warehouse) {
        new BatchScoringJob(spark, RubricBundle.defaults(), warehouse.toString(), new PrintStream(new ByteArrayOutputStream()))
                .run(InputFiles.expand(List.of(in.toString()), null));
    }

    static List<String> rows(Path warehouse) {
        return spark.read().parquet(warehouse.resolve(WarehouseSchema.GAP_INSTANCES).toString()).collectAsList().stream()
                .map(Row::toString).sorted().toList();
    }

    @Test
    void should_write_one_owned_row_per_finding_and_identical_rows_when_run_again(@TempDir Path dir) throws IOException {
        // given
        Path in = dir.resolve("in.jsonl");
        Files.write(in, List.of(FAILED_REFUND, CLEAN));
        Path warehouse = dir.resolve("wh");
        // when
        run(in, warehouse);
        List<String> first = rows(warehouse);
        run(in, warehouse);
        // then
        assertThat(rows(warehouse)).isEqualTo(first);
        var table = spark.read().parquet(warehouse.resolve(WarehouseSchema.GAP_INSTANCES).toString());
        assertThat(Arrays.asList(table.schema().fieldNames())).containsExactly("conversation_id", "taxonomy_version", "category",
                "subcategory", "confidence", "notifies", "evidence", "ai_fault", "found_by", "subject", "rationale", "topic", "owner_team",
                "owner_contact", "owner_channel", "owner_is_default", "is_ai_turn", "judge", "model", "param_hash", "day");
        Row failed = table.where("found_by = 'detector:failed_action'").first();
        assertThat(failed.<String>getAs("conversation_id")).isEqualTo("g1");
        assertThat(failed.<String>getAs("category")).isEqualTo("tool");
        assertThat(failed.<String>getAs("subcategory")).isEqualTo("action_failed");
        assertThat(failed.<String>getAs("owner_team")).isEqualTo("support-tooling");
        assertThat(failed.<Boolean>getAs("owner_is_default")).isFalse();
        assertThat(failed.<Boolean>getAs("notifies")).isTrue();
        assertThat(failed.<Boolean>getAs("is_ai_turn")).isTrue();
        assertThat(failed.<String>getAs("topic")).isEqualTo("billing/refund");
        assertThat(failed.<String>getAs("taxonomy_version")).isEqualTo("1");
        assertThat(failed.<String>getAs("judge")).isEqualTo("offline");
        assertThat(failed.getAs("day").toString()).isEqualTo("2026-10-01");
        assertThat(table.where("conversation_id = 'g2'").count()).isZero();
        assertThat(table.groupBy("conversation_id", "taxonomy_version", "category", "subcategory", "found_by").count()
                .where("count > 1").count()).isZero();
    }

    @Test
    void should_drop_a_conversations_old_findings_when_a_rerun_no_longer_makes_them(@TempDir Path dir) throws IOException {
        // given
        Path in = dir.resolve("in.jsonl");
        Files.write(in, List.of(FAILED_REFUND));
        Path warehouse = dir.resolve("wh");
        run(in, warehouse);
        assertThat(rows(warehouse)).isNotEmpty();
        // when the same conversation comes back clean
        Files.write(in, List.of(FAILED_REFUND.replace("\"failed\"", "\"succeeded\"").replace("Hmm, our system returned an error. I'll log it.",
                "Done, the refund is on its way.")));
        run(in, warehouse);
        // then
        assertThat(spark.read().parquet(warehouse.resolve(WarehouseSchema.GAP_INSTANCES).toString())
                .where("found_by = 'detector:failed_action'").count()).isZero();
    }
}
