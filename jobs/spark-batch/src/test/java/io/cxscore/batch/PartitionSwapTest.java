package io.cxscore.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionSwapTest {
    static PartitionSwap swap(Path root) throws IOException {
        return new PartitionSwap(FileSystem.get(root.toUri(), new Configuration()), new org.apache.hadoop.fs.Path(root.toUri()));
    }

    static void file(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void should_replace_partitions_and_leave_no_staging_when_committed(@TempDir Path root) throws IOException {
        // given an old partition and a staged new one
        file(root.resolve("scores/day=2026-10-01/part-old.parquet"), "old");
        file(root.resolve("_staging/run1/scores/day=2026-10-01/part-new.parquet"), "new");
        // when
        int moved = swap(root).commit("run1", java.util.List.of("scores"));
        // then
        assertThat(moved).isEqualTo(1);
        assertThat(root.resolve("scores/day=2026-10-01/part-new.parquet")).hasContent("new");
        assertThat(root.resolve("scores/day=2026-10-01/part-old.parquet")).doesNotExist();
        assertThat(root.resolve("_staging")).doesNotExist();
    }

    @Test
    void should_roll_forward_a_commit_interrupted_between_its_two_renames(@TempDir Path root) throws IOException {
        // given a crash after the old day=01 was moved to trash, before the new one was moved in
        file(root.resolve("_trash/run2/scores/day=2026-10-01/part-old.parquet"), "old");
        file(root.resolve("_staging/run2/scores/day=2026-10-01/part-new.parquet"), "new");
        file(root.resolve("_staging/run2/scores/day=2026-10-02/part-new.parquet"), "new2");
        file(root.resolve("scores/day=2026-10-02/part-old.parquet"), "old2");
        Files.writeString(root.resolve("_staging/run2/_COMMIT"), "scores/day=2026-10-01\nscores/day=2026-10-02\n", StandardCharsets.UTF_8);
        // when
        int recovered = swap(root).recover();
        // then
        assertThat(recovered).isEqualTo(1);
        assertThat(root.resolve("scores/day=2026-10-01/part-new.parquet")).hasContent("new");
        assertThat(root.resolve("scores/day=2026-10-02/part-new.parquet")).hasContent("new2");
        assertThat(root.resolve("scores/day=2026-10-02/part-old.parquet")).doesNotExist();
        assertThat(root.resolve("_trash")).doesNotExist();
    }

    @Test
    void should_discard_a_run_that_crashed_before_committing(@TempDir Path root) throws IOException {
        // given a half-written staging folder with no commit file
        file(root.resolve("scores/day=2026-10-01/part-old.parquet"), "old");
        file(root.resolve("_staging/run3/scores/day=2026-10-01/part-half.parquet"), "half");
        // when
        swap(root).recover();
        // then readers still see the old partition, and the half-written one is gone
        assertThat(root.resolve("scores/day=2026-10-01/part-old.parquet")).hasContent("old");
        assertThat(root.resolve("_staging/run3")).doesNotExist();
    }
}
