package io.cxscore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end: generate, score on local Spark, build the marts, write the dashboard. */
class DemoCommandTest {
    static final Path REPO = Path.of(System.getProperty("cx.repo.root", "../.."));

    static int demo(Path out) {
        return Cx.commandLine().execute("demo", "--out", out.toString(), "--days", "4", "--per-day", "40",
                "--project", REPO.resolve("warehouse").toString());
    }

    static List<String> scoreRows(Path warehouse) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("select * exclude (day) from read_parquet('" + warehouse.resolve("scores")
                    + "/*/*.parquet', hive_partitioning = true) order by conversation_id");
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) b.append(r.getString(i)).append('|');
                rows.add(b.toString());
            }
        }
        return rows;
    }

    @Test
    void should_leave_parquet_marts_and_dashboard_and_identical_scores_when_run_twice(@TempDir Path dir) throws Exception {
        // when
        int first = demo(dir.resolve("a"));
        int second = demo(dir.resolve("b"));
        // then
        assertThat(first).isZero();
        assertThat(second).isZero();
        Path a = dir.resolve("a");
        for (String table : List.of("conversations", "scores", "runs")) { // 160 lines may hold no malformed one
            assertThat(a.resolve("warehouse").resolve(table)).isDirectory();
        }
        assertThat(a.resolve("cx.duckdb")).isRegularFile();
        String html = Files.readString(a.resolve("dashboard.html"));
        assertThat(html).contains("<svg").doesNotContain("src=\"http").doesNotContain("href=\"http");
        // the gap step runs whether or not gap findings exist yet
        assertThat(Files.readString(a.resolve("report/weekly-report.md"))).contains("## CX trend").contains("## Regressions");
        assertThat(a.resolve("gaps/state.json")).isRegularFile();
        assertThat(a.resolve("eval-cases/ai-agent-failures.jsonl")).isRegularFile();
        List<String> rowsA = scoreRows(a.resolve("warehouse"));
        assertThat(rowsA).hasSizeGreaterThan(100);
        assertThat(scoreRows(dir.resolve("b").resolve("warehouse"))).isEqualTo(rowsA);
        // and re-running into the same folder replaces rows instead of adding them
        assertThat(demo(a)).isZero();
        assertThat(scoreRows(a.resolve("warehouse"))).isEqualTo(rowsA);
    }

    @Test
    void should_print_one_line_and_exit_2_when_an_input_is_missing(@TempDir Path dir) {
        var err = new java.io.StringWriter();
        var cmd = Cx.commandLine();
        cmd.setErr(new java.io.PrintWriter(err));
        int code = cmd.execute("batch", dir.resolve("nope.jsonl").toString(), "--warehouse", dir.resolve("wh").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist").doesNotContain("at io.cxscore");
    }
}
