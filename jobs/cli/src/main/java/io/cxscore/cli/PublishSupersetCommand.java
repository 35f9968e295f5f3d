package io.cxscore.cli;

import io.cxscore.publish.SupersetBundle;
import io.cxscore.publish.SupersetClient;
import io.cxscore.publish.SupersetException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "superset", mixinStandardHelpOptions = true,
        description = {"Write a Superset import bundle (datasets, charts and a dashboard over the DuckDB marts) and import it"
                + " through Superset's REST API, replacing what an earlier import created.",
            "Credentials come from the environment only: SUPERSET_USERNAME, SUPERSET_PASSWORD"
                + " (and SUPERSET_AUTH_PROVIDER, default db). The URL comes from --url or SUPERSET_URL.",
            "Superset opens the database read-only at --database-path: point it at the file `cx warehouse` publishes,"
                + " which every build replaces atomically."})
final class PublishSupersetCommand implements Callable<Integer> {
    @Option(names = "--db", defaultValue = "out/cx.duckdb", description = "DuckDB file built by `cx warehouse` (default: ${DEFAULT-VALUE}).")
    Path database;

    @Option(names = "--database-path", description = "Absolute path of that file as the Superset server sees it"
            + " (default: the absolute path of --db; differs when Superset runs in a container or elsewhere).")
    String databasePath;

    @Option(names = "--database-name", defaultValue = "cx-warehouse", description = "Superset's name for the database;"
            + " the bundle's UUIDs derive from it (default: ${DEFAULT-VALUE}).")
    String databaseName;

    @Option(names = "--bundle", defaultValue = "out/superset/cx-superset.zip", description = "Where to write the import bundle (default: ${DEFAULT-VALUE}).")
    Path bundleFile;

    @Option(names = "--url", description = "Superset's base URL, e.g. http://localhost:8088 (default: $SUPERSET_URL).")
    String url;

    @Option(names = "--bundle-only", description = "Write the bundle and stop: import it by hand in Superset's UI.")
    boolean bundleOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The process environment; a test replaces it, since a JVM cannot change its own. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(database)) throw new UserFacingException("no DuckDB file at " + database + ": run `cx warehouse` first");
        PrintWriter out = spec.commandLine().getOut();
        String pathForSuperset = databasePath != null ? databasePath : database.toAbsolutePath().normalize().toString();
        SupersetBundle bundle;
        try {
            bundle = SupersetBundle.describe(database, pathForSuperset, databaseName, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
        bundle.writeTo(bundleFile);
        out.printf("wrote %s: database %s -> duckdb:///%s (read-only), %d charts, dashboard \"%s\"%n",
                bundleFile, databaseName, pathForSuperset, bundle.chartTitles().size(), bundle.dashboardTitle());
        if (bundleOnly) {
            out.flush();
            return 0;
        }

        String base = url != null ? url : environment.get("SUPERSET_URL");
        if (base == null || base.isBlank()) {
            throw new UserFacingException("no Superset URL: pass --url or set SUPERSET_URL (or use --bundle-only)");
        }
        String user = environment.get("SUPERSET_USERNAME");
        String password = environment.get("SUPERSET_PASSWORD");
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new UserFacingException("set SUPERSET_USERNAME and SUPERSET_PASSWORD in the environment;"
                    + " credentials are never taken from the command line");
        }
        String provider = environment.getOrDefault("SUPERSET_AUTH_PROVIDER", "db");
        SupersetClient.ImportReport report;
        try {
            report = new SupersetClient(URI.create(base)).importDashboard(bundle,
                    new SupersetClient.Credentials(user, password, provider), true, Map.of());
        } catch (SupersetException e) {
            throw new UserFacingException(e.getMessage());
        }
        out.printf("imported into %s: dashboard #%d \"%s\" at %s%n", base, report.dashboardId(), report.dashboardTitle(),
                report.dashboardUrl());
        out.printf("  %d charts: %s%n", report.charts().size(), String.join(", ", report.charts()));
        out.printf("  %d datasets: %s%n", report.datasets().size(), String.join(", ", report.datasets()));
        out.flush();
        return 0;
    }
}
