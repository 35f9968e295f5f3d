package io.cxscore.core.eval;

import io.cxscore.core.gaps.GapClassifier;
import io.cxscore.core.gaps.GapFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The train-split conversations where the classifier's detected categories differ from the labels, each with
 * every finding (notifying or not) and the rules behind it: what a person reads to improve a rule. Test and
 * calibration conversations are refused, so rule work never looks at the conversations that measure it or fit it.
 */
public final class GapDisagreements {
    /** One finding as a reviewer needs it. */
    public record Finding(String category, String subcategory, double confidence, boolean notifies, List<String> rules,
                          List<Integer> evidence, String rationale) {}

    /**
     * One conversation: its labels and the labeller's note, the categories detected but not labelled
     * ({@code falsePositives}) and labelled but not detected ({@code missed}), and every finding.
     */
    public record Case(String file, String conversationId, List<GapLabelledSet.Label> labels, String note,
                       Set<String> falsePositives, Set<String> missed, List<Finding> findings) {}

    private final GapClassifier classifier;
    private final List<Case> cases = new ArrayList<>();

    public GapDisagreements(GapClassifier classifier) {
        this.classifier = classifier;
    }

    /** A train conversation and its {@link GapClassifier#trace traced findings}; refuses a test or calibration one. */
    public void add(GapLabelledSet.Entry entry, List<GapClassifier.TracedFinding> found) {
        if (entry.part() != GapLabelledSet.Part.train) {
            throw new IllegalArgumentException(entry.conversationId() + " is in the " + entry.part() + " part: never reviewed for rule work");
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> detected = new TreeSet<>();
        for (GapClassifier.TracedFinding t : found) {
            GapFinding f = t.finding();
            boolean notifies = classifier.notifies(f);
            if (notifies) detected.add(f.category());
            findings.add(new Finding(f.category(), f.subcategory(), f.confidence(), notifies, t.rules(), f.evidence(), f.rationale()));
        }
        Set<String> truth = entry.categories();
        Set<String> falsePositives = new TreeSet<>(detected);
        falsePositives.removeAll(truth);
        Set<String> missed = new TreeSet<>(truth);
        missed.removeAll(detected);
        if (falsePositives.isEmpty() && missed.isEmpty()) return;
        cases.add(new Case(entry.file(), entry.conversationId(), entry.labels(), entry.note(), falsePositives, missed, findings));
    }

    public List<Case> cases() {
        return List.copyOf(cases);
    }
}
