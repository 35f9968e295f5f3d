package io.cxscore.core.eval;

import io.cxscore.core.gaps.GapClassifier;
import io.cxscore.core.gaps.GapFinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gap-classification agreement with the labelled set: per category (the six classes that notify an
 * owner), precision, recall and F1 of "this conversation has a gap of this category", their macro
 * average, and the same at subcategory level as a micro figure. A conversation's predicted categories are
 * those of its findings at or above the classifier's notify confidence. F1 and macro-F1 carry 95%
 * bootstrap intervals over conversations.
 */
public final class GapEvaluation {
    /** One conversation's truth and prediction. */
    public record Outcome(String id, Set<String> truth, Set<String> predicted, Set<String> truthSub, Set<String> predictedSub) {}

    /** One class's counts and figures; precision, recall or F1 is NaN when undefined (no predictions, no positives). */
    public record ClassFigures(String category, int support, int tp, int fp, int fn, double precision, double recall, double f1,
                               Bootstrap.Interval f1Interval) {}

    /** The whole report. */
    public record Report(int conversations, List<ClassFigures> classes, double macroF1, Bootstrap.Interval macroF1Interval,
                         double subcategoryMicroF1, List<String> skipped) {
        public String toText() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "gap classification, %d conversations%n", conversations));
            b.append(String.format(Locale.ROOT, "  %-10s %7s %4s %4s %4s %9s %7s %6s  %s%n", "class", "support", "tp", "fp", "fn",
                    "precision", "recall", "F1", "F1 95% CI"));
            for (ClassFigures c : classes) {
                b.append(String.format(Locale.ROOT, "  %-10s %7d %4d %4d %4d %9s %7s %6s  %s%n", c.category(), c.support(), c.tp(),
                        c.fp(), c.fn(), fmt(c.precision()), fmt(c.recall()), fmt(c.f1()), interval(c.f1Interval())));
            }
            b.append(String.format(Locale.ROOT, "  macro-F1 %s %s; subcategory micro-F1 %s%n", fmt(macroF1), interval(macroF1Interval),
                    fmt(subcategoryMicroF1)));
            for (String s : skipped) b.append("  skipped: ").append(s).append('\n');
            return b.toString();
        }

        private static String fmt(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
        }

        private static String interval(Bootstrap.Interval i) {
            return i == null || Double.isNaN(i.low()) ? "" : String.format(Locale.ROOT, "[%.3f, %.3f]", i.low(), i.high());
        }
    }

    private final GapClassifier classifier;
    private final List<String> classes;
    private final List<Outcome> outcomes = new ArrayList<>();

    public GapEvaluation(GapClassifier classifier) {
        this.classifier = classifier;
        this.classes = List.copyOf(classifier.taxonomy().categories());
    }

    /** A labelled conversation and its {@link GapClassifier#trace traced findings}; only notifying ones count as predicted. */
    public void add(GapLabelledSet.Entry entry, List<GapClassifier.TracedFinding> found) {
        Set<String> predicted = new TreeSet<>();
        Set<String> predictedSub = new TreeSet<>();
        for (GapClassifier.TracedFinding t : found) {
            GapFinding f = t.finding();
            if (!classifier.notifies(f)) continue;
            predicted.add(f.category());
            predictedSub.add(f.category() + "/" + f.subcategory());
        }
        outcomes.add(new Outcome(entry.conversationId(), entry.categories(), predicted, entry.subcategories(), predictedSub));
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public Report report(List<String> skipped) {
        List<List<Outcome>> clusters = new ArrayList<>();
        for (Outcome o : outcomes) clusters.add(List.of(o));
        List<ClassFigures> figures = new ArrayList<>();
        for (String c : classes) {
            int[] n = counts(outcomes, c);
            double p = precision(n), r = recall(n), f = f1(n);
            figures.add(new ClassFigures(c, n[0] + n[2], n[0], n[1], n[2], p, r, f,
                    Bootstrap.interval(clusters, sample -> f1(counts(sample, c)))));
        }
        double macro = macroF1(outcomes, classes);
        Bootstrap.Interval macroCi = Bootstrap.interval(clusters, sample -> macroF1(sample, classes));
        int tp = 0, fp = 0, fn = 0;
        for (Outcome o : outcomes) {
            for (String s : o.predictedSub()) if (o.truthSub().contains(s)) tp++; else fp++;
            for (String s : o.truthSub()) if (!o.predictedSub().contains(s)) fn++;
        }
        double micro = f1(new int[] {tp, fp, fn});
        return new Report(outcomes.size(), figures, macro, macroCi, micro, List.copyOf(skipped));
    }

    /** tp, fp, fn of one class. */
    static int[] counts(List<Outcome> sample, String c) {
        int tp = 0, fp = 0, fn = 0;
        for (Outcome o : sample) {
            boolean t = o.truth().contains(c), p = o.predicted().contains(c);
            if (t && p) tp++;
            else if (p) fp++;
            else if (t) fn++;
        }
        return new int[] {tp, fp, fn};
    }

    static double precision(int[] n) {
        return n[0] + n[1] == 0 ? Double.NaN : n[0] / (double) (n[0] + n[1]);
    }

    static double recall(int[] n) {
        return n[0] + n[2] == 0 ? Double.NaN : n[0] / (double) (n[0] + n[2]);
    }

    /** NaN when the class neither occurs nor is predicted; 0 when it occurs or is predicted and never both. */
    static double f1(int[] n) {
        if (n[0] + n[1] + n[2] == 0) return Double.NaN;
        return 2.0 * n[0] / (2.0 * n[0] + n[1] + n[2]);
    }

    /** Mean F1 over the classes that occur or are predicted in the sample. */
    static double macroF1(List<Outcome> sample, List<String> classes) {
        double sum = 0;
        int k = 0;
        for (String c : classes) {
            double f = f1(counts(sample, c));
            if (!Double.isNaN(f)) {
                sum += f;
                k++;
            }
        }
        return k == 0 ? Double.NaN : sum / k;
    }

    /** Per-class figures by name, for callers that want one class. */
    public static Map<String, ClassFigures> byClass(Report r) {
        Map<String, ClassFigures> out = new LinkedHashMap<>();
        for (ClassFigures c : r.classes()) out.put(c.category(), c);
        return out;
    }
}
