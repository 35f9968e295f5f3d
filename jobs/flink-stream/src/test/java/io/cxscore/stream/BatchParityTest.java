package io.cxscore.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cxscore.core.rubric.RubricBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same files through the batch job and through the stream give identical {@code scores} (and
 * {@code conversations}) rows, and Parquet files of the same physical schema.
 *
 * <p>Batch runs as the real {@code cx batch} command in a child JVM: this module cannot put Spark on
 * its test classpath (Spark's Kryo 4 and Flink's Kryo 5 clash), and the child JVM exercises exactly
 * what users run. The CLI jar comes from the same reactor build ({@code jobs/cli} is built before this
 * module); when it has not been built (e.g. {@code mvn -pl jobs/flink-stream}) the test is skipped with a note.
 */
class BatchParityTest {
    @TempDir
    Path tmp;

    @Test
    void should_write_identical_scores_rows_to_batch_when_the_same_files_are_scored() throws Exception {
        // given
        Path cliJar = Path.of(System.getProperty("cx.repo.root", "../.."), "jobs", "cli", "target", "cx.jar").toAbsolutePath().normalize();
        assumeTrue(Files.exists(cliJar), "skipped: " + cliJar + " is not built; `mvn -B verify` from the root builds it first");
        Path input = tmp.resolve("input");
        StreamTestSupport.demoExport(input, 2, 15, 0.05);
        Path batchWarehouse = tmp.resolve("batch");
        Path streamWarehouse = tmp.resolve("stream");

        // when: batch, in its own JVM
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-jar", cliJar.toString(), "batch", input.toString(), "--warehouse", batchWarehouse.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("batch.log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process batch = pb.start();
        assertThat(batch.waitFor(150, TimeUnit.SECONDS)).as("batch finished").isTrue();
        assertThat(batch.exitValue()).as("batch exit code; log:\n%s", Files.readString(tmp.resolve("batch.log"))).isZero();

        // and: the stream
        String w = streamWarehouse.toUri().toString();
        new ScoreConversationsStreamJob(
                new ScoreConversationsStreamJob.Inputs(null, null, StreamTestSupport.boundedFiles(input)),
                new ScoreConversationsStreamJob.Outputs(
                        WarehouseParquetSink.forTable(w, ConversationRow.PARQUET),
                        WarehouseParquetSink.forTable(w, ScoreRow.PARQUET),
                        WarehouseParquetSink.forTable(w, QuarantineRow.PARQUET), null, null),
                SessionSettings.defaults(), Duration.ofDays(1), RubricBundle.defaults())
                .execute(StreamTestSupport.environment(Duration.ofMillis(500), 2, null, null));

        // then
        for (String table : List.of("scores", "conversations")) {
            List<Map<String, Object>> fromBatch = ParquetTables.rows(batchWarehouse.resolve(table));
            List<Map<String, Object>> fromStream = ParquetTables.rows(streamWarehouse.resolve(table));
            assertThat(fromBatch).as("batch %s", table).isNotEmpty();
            assertThat(fromStream).as("%s rows", table).containsExactlyInAnyOrderElementsOf(fromBatch);
            assertThat(ParquetTables.schema(ParquetTables.files(streamWarehouse.resolve(table)).get(0)))
                    .as("%s Parquet schema", table)
                    .isEqualTo(ParquetTables.schema(ParquetTables.files(batchWarehouse.resolve(table)).get(0)));
        }
    }
}
