package io.cxscore.core.eval;

import io.cxscore.core.gaps.GapClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits each gap rule's confidence on the labelled set, in two stages. A rule's precision is the share of the
 * conversations where it fired whose labels hold its finding's category.
 * <ol>
 *   <li>On the train part, shrunk towards the rule's prior (the expert's guess in {@code classifier.yaml}) as if the
 *       prior were {@code prior_weight} firings: {@code train fit = (hits + w × prior) / (firings + w)}.</li>
 *   <li>On the calibration part, shrunk towards the train fit as if it were {@code train_weight} firings:
 *       {@code fitted = (hits + t × train fit) / (firings + t)}.</li>
 * </ol>
 * The cue lists are chosen by reading train conversations, so a rule's train precision reads high (every version
 * read about 0.85 for product on train and 0.70 on test). The calibration part is a blind batch no rule work reads;
 * where a rule fires there, its unbiased precision outweighs the train figure, and where it rarely fires the train
 * figure still speaks. A finding notifies its owner when its confidence reaches the notify threshold, so the
 * threshold reads as "precision seen on labelled data".
 */
public final class GapRuleCalibration {
    /** One rule: its firings and hits on each part, its prior, the train fit, the final fit and the value in use. */
    public record RuleFigures(String rule, int trainFirings, int trainHits, double prior, double trainFit,
                              int firings, int hits, double fitted, double inUse) {
        public boolean matches() {
            return round(fitted) == round(inUse);
        }
    }

    private final GapClassifier classifier;
    /** per rule: train firings, train hits, calibration firings, calibration hits */
    private final Map<String, int[]> counts = new TreeMap<>();

    public GapRuleCalibration(GapClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * A train or calibration conversation and its {@link GapClassifier#trace traced findings}; refuses a test one,
     * so the fit never sees the split that measures it.
     */
    public void add(GapLabelledSet.Entry entry, List<GapClassifier.TracedFinding> found) {
        if (entry.part() == GapLabelledSet.Part.test) {
            throw new IllegalArgumentException(entry.conversationId() + " is in the test part: never fitted on");
        }
        int at = entry.part() == GapLabelledSet.Part.train ? 0 : 2;
        for (GapClassifier.TracedFinding t : found) {
            for (String rule : t.rules()) {
                int[] n = counts.computeIfAbsent(rule, r -> new int[4]);
                n[at]++;
                if (entry.categories().contains(t.finding().category())) n[at + 1]++;
            }
        }
    }

    public List<RuleFigures> figures() {
        double w = classifier.priorWeight(), tw = classifier.trainWeight();
        Map<String, Double> inUse = classifier.ruleConfidences();
        List<RuleFigures> out = new ArrayList<>();
        classifier.priorConfidences().forEach((rule, prior) -> {
            int[] n = counts.getOrDefault(rule, new int[4]);
            double trainFit = (n[1] + w * prior) / (n[0] + w);
            double fitted = (n[3] + tw * trainFit) / (n[2] + tw);
            out.add(new RuleFigures(rule, n[0], n[1], prior, round(trainFit), n[2], n[3], round(fitted), inUse.get(rule)));
        });
        return out;
    }

    public String toText() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "rule confidences: train fit (prior weight %.0f), corrected on the calibration part (train fit weight %.0f); notify at %.2f%n"
                        + "  %-28s %6s %6s %6s %9s %6s %6s %9s %7s %7s%n",
                classifier.priorWeight(), classifier.trainWeight(), classifier.notifyConfidence(),
                "rule", "prior", "train", "hits", "train fit", "calib", "hits", "precision", "fitted", "in use"));
        for (RuleFigures r : figures()) {
            b.append(String.format(Locale.ROOT, "  %-28s %6.2f %6d %6d %9.2f %6d %6d %9s %7.2f %7.2f%s%n", r.rule(), r.prior(),
                    r.trainFirings(), r.trainHits(), r.trainFit(), r.firings(), r.hits(),
                    r.firings() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", r.hits() / (double) r.firings()), r.fitted(),
                    r.inUse(), r.matches() ? "" : "  (classifier.yaml differs from the fit)"));
        }
        return b.toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
