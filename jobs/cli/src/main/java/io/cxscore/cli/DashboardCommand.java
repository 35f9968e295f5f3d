package io.cxscore.cli;

import io.cxscore.publish.HtmlDashboard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Write the self-contained HTML dashboard from the DuckDB marts (opens from a file, no network).")
final class DashboardCommand implements Callable<Integer> {
    @Option(names = "--db", defaultValue = "out/cx.duckdb", description = "DuckDB file built by `cx warehouse` (default: ${DEFAULT-VALUE}).")
    Path database;

    @Option(names = "--out", defaultValue = "out/dashboard.html", description = "HTML file to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(database)) throw new UserFacingException("no DuckDB file at " + database + ": run `cx warehouse` first");
        new HtmlDashboard(database).writeTo(out);
        System.out.println("wrote " + out);
        return 0;
    }
}
