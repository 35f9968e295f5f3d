package io.cxscore.batch;

import io.cxscore.core.rubric.RubricBundle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point for {@code spark-submit}: {@code --warehouse URI [--rubric DIR] [--format NAME] FILE...}.
 * Input files must be readable at the same path from every executor (a shared mount); the CLI's
 * {@code cx batch} runs the same job in-process.
 */
public final class BatchScoringMain {
    public static void main(String[] args) {
        String warehouse = null, rubricDir = null, format = null;
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warehouse" -> warehouse = args[++i];
                case "--rubric" -> rubricDir = args[++i];
                case "--format" -> format = args[++i];
                default -> files.add(args[i]);
            }
        }
        if (warehouse == null || files.isEmpty()) {
            System.err.println("usage: BatchScoringMain --warehouse URI [--rubric DIR] [--format NAME] FILE_OR_DIR...");
            System.exit(2);
        }
        RubricBundle bundle = rubricDir == null ? RubricBundle.defaults() : RubricBundle.fromDirectory(Path.of(rubricDir));
        List<InputFile> inputs = InputFiles.expand(files, format);
        var spark = SparkSessions.create("cx-batch");
        try {
            RunSummary s = new BatchScoringJob(spark, bundle, warehouse, System.err).run(inputs);
            System.out.println(s.reconciliation());
        } finally {
            spark.stop();
        }
    }
}
