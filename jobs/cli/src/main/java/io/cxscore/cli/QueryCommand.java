package io.cxscore.cli;

import io.cxscore.publish.MartQuery;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one read-only SQL query on the DuckDB marts and print the rows as CSV with a header.",
            "The connection is read-only: a statement that would write is refused. The notebooks read the marts this way."})
final class QueryCommand implements Callable<Integer> {
    @Option(names = "--db", defaultValue = "out/cx.duckdb", description = "DuckDB file built by `cx warehouse` (default: ${DEFAULT-VALUE}).")
    Path database;

    @Parameters(index = "0", paramLabel = "SQL", description = "The query, e.g. \"select * from mart_cx_weekly\".")
    String sql;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(database)) throw new UserFacingException("no DuckDB file at " + database + ": run `cx warehouse` first");
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder csv = new StringBuilder();
        try {
            MartQuery.writeCsv(database, sql, csv);
        } catch (SQLException e) {
            throw new UserFacingException("query failed: " + e.getMessage().lines().findFirst().orElse(e.toString()));
        }
        out.print(csv);
        out.flush();
        return 0;
    }
}
