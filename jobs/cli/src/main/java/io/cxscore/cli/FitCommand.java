package io.cxscore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxscore.core.judge.OfflineJudgeFit;
import io.cxscore.core.judge.OfflineJudgeParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit the offline judge on the labelled public datasets (train split only) and write its parameters.",
            "Reproduces the committed file byte for byte: " + OfflineJudgeFit.COMMAND})
final class FitCommand implements Callable<Integer> {
    @Option(names = "--datasets", required = true, description = "Folder holding uss/, stc3-dialogue-quality/, twcs-frustration/.")
    Path datasets;

    @Option(names = "--out", required = true, description = "Where to write the fitted parameters (JSON).")
    Path out;

    @Mixin
    RubricOption rubric;

    @Override
    public Integer call() throws IOException {
        OfflineJudgeParams params = new OfflineJudgeFit(rubric.bundle()).fit(datasets);
        if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, params.toJson());
        System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(params.fit()));
        System.out.println("wrote " + out);
        return 0;
    }
}
