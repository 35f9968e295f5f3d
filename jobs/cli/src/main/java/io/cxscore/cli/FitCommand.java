package io.cxscore.cli;

import io.cxscore.core.ingest.ConversationReader;
import io.cxscore.core.ingest.ConversationReaders;
import io.cxscore.core.ingest.ReadResult;
import io.cxscore.core.judge.OfflineJudgeFit;
import io.cxscore.core.judge.OfflineJudgeParams;
import io.cxscore.core.model.Conversation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit the offline judge's parameters on the labelled public datasets (train split only) and write params.json.",
            "Reproduces rubrics/cx/v1/offline/params.json: cx fit --datasets ../shared/datasets --out rubrics/cx/v1/offline/params.json"})
final class FitCommand implements Callable<Integer> {
    @Option(names = "--datasets", required = true, description = "Folder holding uss/, stc3-dialogue-quality/, twcs-frustration/.")
    Path datasets;

    @Option(names = "--out", required = true, description = "Where to write the fitted parameters (JSON).")
    Path out;

    @Mixin
    RubricOption rubric;

    @Override
    public Integer call() throws IOException {
        List<Conversation> twcs = read(datasets.resolve("twcs-frustration/dprocessed.txt"), "twcs");
        List<Conversation> uss = new ArrayList<>();
        for (String f : List.of("SGD.txt", "ReDial.txt", "CCPE.txt")) uss.addAll(read(datasets.resolve("uss").resolve(f), "uss"));
        List<Conversation> stc3 = read(datasets.resolve("stc3-dialogue-quality/train_data_en.json.gz"), "stc3");
        OfflineJudgeFit fit = new OfflineJudgeFit(rubric.bundle());
        OfflineJudgeParams params = fit.fit(twcs, uss, stc3,
                "cx fit --datasets <shared>/datasets --out rubrics/cx/v1/offline/params.json");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, params.toJson());
        System.out.println("wrote " + out);
        System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(params.fit()));
        return 0;
    }

    static List<Conversation> read(Path file, String format) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("dataset file " + file + " does not exist");
        List<Conversation> out = new ArrayList<>();
        ConversationReader reader = ConversationReaders.forFormat(format);
        try (var records = reader.open(file)) {
            while (records.hasNext()) {
                ReadResult r = records.next();
                if (r instanceof ReadResult.Read read) out.add(read.conversation());
                else throw new IllegalArgumentException("unreadable record in " + file + ": "
                        + ((ReadResult.Rejected) r).quarantine().describe());
            }
        }
        return out;
    }
}
