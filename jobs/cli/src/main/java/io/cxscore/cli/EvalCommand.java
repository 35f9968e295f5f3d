package io.cxscore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cxscore.core.eval.EvalReport;
import io.cxscore.core.eval.Evaluation;
import io.cxscore.core.eval.GapDisagreements;
import io.cxscore.core.eval.GapEvaluation;
import io.cxscore.core.eval.GapLabelAgreement;
import io.cxscore.core.eval.GapLabelledSet;
import io.cxscore.core.eval.GapRuleCalibration;
import io.cxscore.core.eval.HoldoutSplit;
import io.cxscore.core.gaps.GapClassifier;
import io.cxscore.core.gaps.GapsBundle;
import io.cxscore.core.ingest.ConversationReader;
import io.cxscore.core.ingest.ConversationReaders;
import io.cxscore.core.ingest.ReadResult;
import io.cxscore.core.judge.OfflineJudge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score labelled conversation files and print agreement with the human labels, with 95%% bootstrap intervals.",
            "USS: per-turn and dialogue-level UAR, Cohen's kappa, Spearman rho, dissatisfied-F1. STC-3: Spearman rho for A, S, E.",
            "TWCS: turn sentiment and sentiment-shift agreement. Any export with CSAT: CX vs CSAT.",
            "A labelled gap set (rubrics/gaps/<v>/labelled/*.jsonl): gap-classification precision, recall and F1 per category,",
            "of the offline classifier or, with --judge llm, of the LLM judge's findings;",
            "with --split calibration, train or all, also each rule's confidence fitted on the train part and corrected on the",
            "calibration part, beside the one classifier.yaml holds."})
final class EvalCommand implements Callable<Integer> {
    enum Split { test, train, calibration, all }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Labelled files in any supported format.")
    List<Path> files;

    @Option(names = "--format", description = "Reader for every file (default: detected).")
    String format;

    @Option(names = "--split", defaultValue = "test",
            description = "Which dialogues: test (CRC32(id) mod 5 = 0, never fitted on), train, all, or for a labelled gap set "
                    + "calibration (a blind batch that corrects the rule confidences fitted on train and that rule work never reads). "
                    + "Default: ${DEFAULT-VALUE}.")
    Split split;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Option(names = "--disagreements", paramLabel = "FILE",
            description = "With a labelled gap set and --split train: write, as JSON Lines, each train conversation whose detected "
                    + "categories differ from its labels, with every finding and the rules behind it. Refused for the test and "
                    + "calibration parts.")
    Path disagreements;

    @Option(names = "--agreement", paramLabel = "FILE",
            description = "With a labelled gap set: another labeller's labels of some of its conversations (same format); prints, "
                    + "per category, how often the two labellers agree and Cohen's kappa on the conversations both labelled.")
    Path agreement;

    @Option(names = "--datasets", paramLabel = "DIR", defaultValue = "../shared/datasets",
            description = "Where a labelled gap set's dataset files are (their text is never stored in the repository). "
                    + "Absent files are skipped with a message. Default: ${DEFAULT-VALUE}.")
    Path datasets;

    @Mixin
    RubricOption rubric;

    /**
     * Gap classification on a labelled gap set. The classifier is built from the version folder that holds
     * the set ({@code rubrics/gaps/v1/labelled/x.jsonl} → {@code rubrics/gaps/v1}) when it has a taxonomy,
     * so the figures are those of exactly the files beside the labels; otherwise from the bundled version.
     */
    private GapEvaluation.Report evalGaps(Path file, io.cxscore.llm.LlmJudge llmJudge) throws IOException {
        Path version = file.toAbsolutePath().getParent() == null ? null : file.toAbsolutePath().getParent().getParent();
        GapsBundle bundle = version != null && Files.exists(version.resolve(GapsBundle.TAXONOMY))
                ? GapsBundle.fromDirectory(version) : GapsBundle.defaults();
        GapClassifier classifier = GapClassifier.from(bundle);
        GapLabelledSet set = GapLabelledSet.load(file, classifier.taxonomy());
        GapLabelledSet.Resolved resolved = set.resolve(datasets);
        GapEvaluation eval = new GapEvaluation(classifier);
        GapRuleCalibration fit = new GapRuleCalibration(classifier);
        GapDisagreements review = new GapDisagreements(classifier);
        if (llmJudge != null) {
            // measured like the classifier's findings, behind the same notify line the warehouse applies; one parallel,
            // rate-limited pass fills the cache that judge() then reads
            List<Map.Entry<GapLabelledSet.Entry, io.cxscore.core.model.Conversation>> chosen = resolved.conversations().entrySet().stream()
                    .filter(e -> inSplit(e.getKey().part())).toList();
            llmJudge.judgeAll(chosen.stream().map(Map.Entry::getValue).toList());
            for (var e : chosen) {
                eval.add(e.getKey(), llmJudge.judge(e.getValue()).gaps().stream()
                        .map(f -> new GapClassifier.TracedFinding(f, List.of(f.foundBy()))).toList());
            }
        } else {
            for (var e : resolved.conversations().entrySet()) {
                GapLabelledSet.Part part = e.getKey().part();
                List<GapClassifier.TracedFinding> found = classifier.trace(e.getValue());
                if (inSplit(part)) eval.add(e.getKey(), found);
                if (part != GapLabelledSet.Part.test) fit.add(e.getKey(), found);
                if (part == GapLabelledSet.Part.train && disagreements != null) review.add(e.getKey(), found);
            }
        }
        GapEvaluation.Report report = eval.report(resolved.skipped());
        GapLabelAgreement.Report agreed = agreement == null ? null
                : GapLabelAgreement.compare(set, GapLabelledSet.load(agreement, classifier.taxonomy()), List.copyOf(classifier.taxonomy().categories()));
        String judgeName = llmJudge == null ? "classifier " + classifier.model() : "LLM judge " + llmJudge.provenance().model();
        System.out.printf(Locale.ROOT, "%n== %s (labelled gap set, split %s; %s, taxonomy v%s, params %s, notify at %.2f)%n",
                file, split, judgeName, classifier.taxonomyVersion(), classifier.paramHash(), classifier.notifyConfidence());
        System.out.print(report.toText());
        // rule confidences belong to the offline classifier: with the LLM judge there is no fit to show
        if (llmJudge == null && split == Split.test) {
            long off = fit.figures().stream().filter(r -> !r.matches()).count();
            System.out.printf(Locale.ROOT, "rule confidences: %s the fit (--split calibration shows it)%n",
                    off == 0 ? "all match" : off + " differ from");
        } else if (llmJudge == null) {
            System.out.print(fit.toText());
        }
        if (agreed != null) System.out.print(agreed.toText(file.getFileName().toString(), agreement.getFileName().toString()));
        if (disagreements != null) {
            writeJsonLines(disagreements, review.cases());
            System.out.printf(Locale.ROOT, "wrote %d train conversations that disagree with their labels to %s%n", review.cases().size(), disagreements);
        }
        return report;
    }

    private boolean inSplit(GapLabelledSet.Part part) {
        return split == Split.all || split.name().equals(part.name());
    }

    enum JudgeKind { offline, llm }

    @Option(names = "--judge", defaultValue = "offline",
            description = "offline, or llm: the LLM judge configured by --llm-config (calls in parallel, cached in memory). Default: ${DEFAULT-VALUE}.")
    JudgeKind judgeKind;

    @Mixin
    LlmOptions llm;

    private static void createParentDirectories(Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
    }

    private static void writeJsonLines(Path file, List<?> rows) throws IOException {
        createParentDirectories(file);
        ObjectMapper m = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        try (var w = Files.newBufferedWriter(file)) {
            for (Object row : rows) w.write(m.writeValueAsString(row) + "\n");
        }
    }

    @Override
    public Integer call() throws IOException {
        if (disagreements != null && judgeKind == JudgeKind.llm) {
            throw new UserFacingException("--disagreements lists the offline classifier's rules behind each finding: not with --judge llm");
        }
        if (disagreements != null && split != Split.train) {
            throw new UserFacingException("--disagreements lists train-split conversations only (add --split train): "
                    + "the test split measures the rules and is never read to change them");
        }
        OfflineJudge offline = OfflineJudge.from(rubric.bundle());
        io.cxscore.llm.LlmJudge llmJudge = judgeKind == JudgeKind.llm
                ? llm.judge(rubric.bundle(), llm.prompt(rubric), io.cxscore.llm.JudgementCache.inMemory()) : null;
        io.cxscore.core.score.Judge judge = llmJudge != null ? llmJudge : offline;
        Map<String, Object> reports = new LinkedHashMap<>();
        for (Path file : files) {
            if (GapLabelledSet.looksLike(file)) {
                reports.put(file.toString(), evalGaps(file, llmJudge));
                continue;
            }
            if (split == Split.calibration) {
                throw new UserFacingException(file + ": --split calibration applies to a labelled gap set only (its blind calibration batch)");
            }
            ConversationReader reader = format != null ? ConversationReaders.forFormat(format) : ConversationReaders.detect(file);
            // the LLM judge's sentiment is mapped onto USS's 1..5 with the offline judge's fitted cut-points
            Evaluation eval = new Evaluation(judge, offline.rubric(), offline::ussTurnClass);
            int rejected = 0;
            List<io.cxscore.core.model.Conversation> chosen = new java.util.ArrayList<>();
            try (var records = reader.open(file)) {
                while (records.hasNext()) {
                    ReadResult r = records.next();
                    if (r instanceof ReadResult.Read read) {
                        boolean test = HoldoutSplit.isTest(read.conversation());
                        if (split == Split.all || (split == Split.test) == test) chosen.add(read.conversation());
                    } else {
                        rejected++;
                    }
                }
            }
            // one parallel, rate-limited pass fills the cache; the evaluation then reads every answer from it
            if (llmJudge != null) llmJudge.judgeAll(chosen);
            chosen.forEach(eval::add);
            EvalReport report = eval.report();
            reports.put(file.toString(), report);
            System.out.printf(Locale.ROOT, "%n== %s (%s, split %s%s)%n", file, reader.format(), split,
                    rejected > 0 ? ", " + rejected + " unreadable records skipped" : "");
            System.out.print(report.toText());
        }
        if (llmJudge != null) System.out.println("\n" + llmJudge.ledger().summary());
        if (json != null) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("split", split.name());
            out.put("reports", reports);
            createParentDirectories(json);
            m.writeValue(json.toFile(), out);
            System.out.println("\nwrote " + json);
        }
        return 0;
    }
}
