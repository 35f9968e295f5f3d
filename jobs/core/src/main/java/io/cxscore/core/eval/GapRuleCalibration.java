package io.cxscore.core.eval;

import io.cxscore.core.gaps.GapClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits each gap rule's confidence on the labelled set's train split: the share of the conversations where the
 * rule fired whose labels hold its finding's category, shrunk towards the rule's prior (the expert's guess in
 * {@code classifier.yaml}) as if the prior were {@code prior_weight} labelled firings:
 * {@code (hits + w × prior) / (firings + w)}. A rule that never fired keeps its prior. A finding notifies its
 * owner when its confidence reaches the notify threshold, so the threshold reads as "precision seen on labelled
 * data", and a rule too noisy for an owner still writes its findings for review.
 */
public final class GapRuleCalibration {
    /** One rule: its firings and hits on the train split, its prior, the fitted value and the one in use. */
    public record RuleFigures(String rule, int firings, int hits, double prior, double fitted, double inUse) {
        public boolean matches() {
            return round(fitted) == round(inUse);
        }
    }

    private final GapClassifier classifier;
    private final Map<String, int[]> counts = new TreeMap<>();

    public GapRuleCalibration(GapClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * A train-split conversation and its {@link GapClassifier#trace traced findings}; refuses a test-split one, so
     * the fit can never see it.
     */
    public void add(GapLabelledSet.Entry entry, List<GapClassifier.TracedFinding> found) {
        if (entry.isTest()) throw new IllegalArgumentException(entry.conversationId() + " is in the test split: never fitted on");
        for (GapClassifier.TracedFinding t : found) {
            for (String rule : t.rules()) {
                int[] n = counts.computeIfAbsent(rule, r -> new int[2]);
                n[0]++;
                if (entry.categories().contains(t.finding().category())) n[1]++;
            }
        }
    }

    public List<RuleFigures> figures() {
        double w = classifier.priorWeight();
        Map<String, Double> inUse = classifier.ruleConfidences();
        List<RuleFigures> out = new ArrayList<>();
        classifier.priorConfidences().forEach((rule, prior) -> {
            int[] n = counts.getOrDefault(rule, new int[2]);
            double fitted = (n[1] + w * prior) / (n[0] + w);
            out.add(new RuleFigures(rule, n[0], n[1], prior, round(fitted), inUse.get(rule)));
        });
        return out;
    }

    public String toText() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "rule confidences fitted on the train split (prior weight %.0f; notify at %.2f)%n  %-28s %7s %5s %9s %6s %7s %7s%n",
                classifier.priorWeight(), classifier.notifyConfidence(), "rule", "firings", "hits", "precision", "prior", "fitted", "in use"));
        for (RuleFigures r : figures()) {
            b.append(String.format(Locale.ROOT, "  %-28s %7d %5d %9s %6.2f %7.2f %7.2f%s%n", r.rule(), r.firings(), r.hits(),
                    r.firings() == 0 ? "-" : String.format(Locale.ROOT, "%.3f", r.hits() / (double) r.firings()), r.prior(), r.fitted(),
                    r.inUse(), r.matches() ? "" : "  (classifier.yaml differs from the fit)"));
        }
        return b.toString();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
