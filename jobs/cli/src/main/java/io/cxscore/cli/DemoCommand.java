package io.cxscore.cli;

import io.cxscore.batch.RunSummary;
import io.cxscore.core.demo.DemoGenerator;
import io.cxscore.core.demo.DemoSummary;
import io.cxscore.publish.BuildResult;
import io.cxscore.publish.GapPublication;
import io.cxscore.publish.HtmlDashboard;
import io.cxscore.publish.gaps.LifecyclePolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate seeded synthetic conversations, score them on local Spark, build the DuckDB marts and the HTML dashboard.",
            "Same seed, same rows: running it twice gives identical scores."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--days", defaultValue = "42", description = "Days of conversations (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--per-day", defaultValue = "200", description = "Conversations per day, on average (default: ${DEFAULT-VALUE}).")
    int perDay;

    @Option(names = "--project", defaultValue = "warehouse", description = "SQL models folder (default: ${DEFAULT-VALUE}).")
    Path project;

    @Mixin
    RubricOption rubric;

    @Override
    public Integer call() throws Exception {
        long t0 = System.currentTimeMillis();
        Path input = out.resolve("input");
        Path warehouse = out.resolve("warehouse");
        Path database = out.resolve("cx.duckdb");
        Path dashboard = out.resolve("dashboard.html");

        step(1, "generating demo conversations (seed %d, %d days, ~%d/day)", seed, days, perDay);
        DemoSummary demo = DemoGenerator.builder().seed(seed).days(days).conversationsPerDay(perDay).build().generate(input);
        System.err.printf(Locale.ROOT, "        %,d conversations and %d malformed lines in %d daily files%n",
                demo.conversations(), demo.malformedLines(), demo.files().size());

        step(2, "scoring on local Spark");
        RunSummary run = BatchCommand.run(List.of(input.toString()), "cx-jsonl", warehouse.toString(), rubric);

        step(3, "building the DuckDB marts and running their tests");
        BuildResult built = WarehouseCommand.build(project, warehouse, database);
        System.err.printf(Locale.ROOT, "        %d models, %d tests passed%n", built.builtModels().size(),
                built.tests().stream().filter(t -> t.passed()).count());

        step(4, "writing the dashboard");
        new HtmlDashboard(database).writeTo(dashboard);

        step(5, "grouping gaps, writing per-owner feeds, the weekly report and eval cases");
        GapPublication.Summary gaps = ReportCommand.publish(database, warehouse, out, LifecyclePolicy.DEFAULT, 30, false);

        System.out.printf(Locale.ROOT, "%nDone in %.0f s. %s%n", (System.currentTimeMillis() - t0) / 1000.0, run.reconciliation());
        System.out.printf(Locale.ROOT, "  input conversations   %s%n", input.toAbsolutePath());
        System.out.printf(Locale.ROOT, "  Parquet warehouse     %s  (conversations, scores, quarantine, runs; partitioned by day)%n", warehouse.toAbsolutePath());
        System.out.printf(Locale.ROOT, "  DuckDB marts          %s%n", database.toAbsolutePath());
        System.out.printf(Locale.ROOT, "  HTML dashboard        %s%n", dashboard.toAbsolutePath());
        ReportCommand.print(gaps);
        return 0;
    }

    private static void step(int n, String fmt, Object... args) {
        System.err.printf(Locale.ROOT, "[%d/5] %s%n", n, String.format(Locale.ROOT, fmt, args));
    }
}
