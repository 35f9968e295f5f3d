package io.cxscore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.publish.BuildResult;
import io.cxscore.publish.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QueryCommandTest {
    @TempDir
    Path tmp;

    private Path database;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void emptyWarehouse() throws Exception {
        Files.createDirectories(tmp.resolve("data"));
        BuildResult built = Warehouse.load(DemoCommandTest.REPO.resolve("warehouse"))
                .build(tmp.resolve("data"), tmp.resolve("cx.duckdb"));
        assertThat(built.succeeded()).as(built.report()).isTrue();
        database = built.database();
    }

    private int run(String... args) {
        CommandLine cx = Cx.commandLine();
        cx.setOut(new PrintWriter(out, true));
        cx.setErr(new PrintWriter(err, true));
        return cx.execute(args);
    }

    @Test
    void should_print_rows_as_csv_with_a_header_when_querying() {
        // when
        int exit = run("query", "--db", database.toString(),
                "select 'a,b' as text_with_comma, 'say \"hi\"' as quoted, null as missing, '' as blank, 42 as answer");

        // then
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("text_with_comma,quoted,missing,blank,answer\n\"a,b\",\"say \"\"hi\"\"\",,\"\",42\n");
    }

    @Test
    void should_refuse_to_write_when_the_statement_changes_the_database() {
        // when
        int exit = run("query", "--db", database.toString(), "drop table mart_cx_weekly");

        // then
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("query failed:").contains("read-only");
        assertThat(run("query", "--db", database.toString(), "select count(*) as n from mart_cx_weekly")).isZero();
    }
}
