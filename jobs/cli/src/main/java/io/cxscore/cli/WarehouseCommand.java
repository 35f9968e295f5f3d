package io.cxscore.cli;

import io.cxscore.publish.BuildResult;
import io.cxscore.publish.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "warehouse", mixinStandardHelpOptions = true,
        description = "Build the DuckDB marts from the Parquet warehouse with the SQL models in warehouse/, and run their tests.")
final class WarehouseCommand implements Callable<Integer> {
    @Option(names = "--warehouse", defaultValue = "out/warehouse", description = "Parquet warehouse root (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", defaultValue = "out/cx.duckdb", description = "DuckDB file to publish (default: ${DEFAULT-VALUE}).")
    Path database;

    @Option(names = "--project", defaultValue = "warehouse", description = "SQL models folder (default: ${DEFAULT-VALUE}).")
    Path project;

    @Override
    public Integer call() {
        BuildResult r = build(project, data, database);
        System.out.println(r.report());
        return 0;
    }

    /** Builds and publishes, or fails with the build report as the message. */
    static BuildResult build(Path project, Path data, Path database) {
        if (!Files.isDirectory(project)) {
            throw new UserFacingException("SQL models folder " + project.toAbsolutePath()
                    + " not found: run from the repository root or pass --project");
        }
        BuildResult r = Warehouse.load(project).withRedactor(TextRedactors.STANDARD).build(data, database);
        if (!r.succeeded()) throw new UserFacingException("warehouse not published:\n" + r.report());
        return r;
    }
}
