package io.cxscore.cli;

import io.cxscore.batch.BatchScoringJob;
import io.cxscore.batch.InputFiles;
import io.cxscore.batch.RunSummary;
import io.cxscore.batch.SparkSessions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Read conversation files, score them with the offline judge on local Spark, and write the Parquet warehouse.")
final class BatchCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders (formats are detected unless --format is given).")
    List<String> inputs;

    @Option(names = "--warehouse", defaultValue = "out/warehouse", description = "Parquet warehouse root (default: ${DEFAULT-VALUE}).")
    String warehouse;

    @Option(names = "--format", description = "Read every input with this reader: cx-jsonl, zendesk, intercom, uss, stc3, twcs, twitter-cdp, abcd.")
    String format;

    @Mixin
    RubricOption rubric;

    @Override
    public Integer call() {
        RunSummary s = run(inputs, format, warehouse, rubric);
        System.out.println(s.reconciliation());
        return 0;
    }

    static RunSummary run(List<String> inputs, String format, String warehouse, RubricOption rubric) {
        var bundle = rubric.bundle();
        var files = InputFiles.expand(inputs, format);
        var spark = SparkSessions.create("cx-batch");
        try {
            return new BatchScoringJob(spark, bundle, warehouse, System.err).run(files);
        } finally {
            spark.stop();
        }
    }
}
