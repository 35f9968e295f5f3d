package io.cxscore.core.gaps;

import io.cxscore.core.gaps.GapClassifierSettings.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Findings of one conversation keyed as gap_instances is, (category, subcategory, found_by): a rule that
 * fires twice, or two rules that find the same key, widen the evidence and keep the highest confidence, so each
 * key gives exactly one row. The rules behind each finding are kept for calibration ({@link GapClassifier#trace}).
 */
final class FindingSet {
    private record Key(String category, String subcategory, String foundBy) {}

    /** A finding and every rule that found it. */
    record Traced(GapFinding finding, Set<Rule> rules) {}

    private final GapClassifierSettings settings;
    private final Map<Key, GapFinding> byKey = new LinkedHashMap<>();
    private final Map<Key, Set<Rule>> rules = new LinkedHashMap<>();

    FindingSet(GapClassifierSettings settings) {
        this.settings = settings;
    }

    void add(String category, String subcategory, Rule rule, List<Integer> evidence, String foundBy, String subject, String rationale) {
        Key k = new Key(category, subcategory, foundBy);
        rules.computeIfAbsent(k, x -> EnumSet.noneOf(Rule.class)).add(rule);
        double confidence = settings.confidence(rule);
        GapFinding old = byKey.get(k);
        TreeSet<Integer> ev = new TreeSet<>();
        for (Integer i : evidence) if (i != null && i >= 0) ev.add(i);
        if (old == null) {
            byKey.put(k, new GapFinding(category, subcategory, confidence, new ArrayList<>(ev), null, foundBy, subject, rationale));
            return;
        }
        ev.addAll(old.evidence());
        boolean stronger = confidence > old.confidence();
        byKey.put(k, new GapFinding(category, subcategory, Math.max(confidence, old.confidence()), new ArrayList<>(ev), null, foundBy,
                stronger ? subject : old.subject(), stronger ? rationale : old.rationale()));
    }

    /** In a fixed order (category, subcategory, found_by), so the same conversation always lists its findings alike. */
    List<Traced> sorted() {
        List<Traced> out = new ArrayList<>();
        for (Map.Entry<Key, GapFinding> e : byKey.entrySet()) out.add(new Traced(e.getValue(), rules.get(e.getKey())));
        out.sort(Comparator.comparing((Traced t) -> t.finding().category()).thenComparing(t -> t.finding().subcategory())
                .thenComparing(t -> t.finding().foundBy()));
        return out;
    }
}
