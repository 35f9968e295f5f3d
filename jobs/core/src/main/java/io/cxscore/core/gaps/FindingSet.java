package io.cxscore.core.gaps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Findings of one conversation keyed as gap_instances is, (category, subcategory, found_by): a rule that
 * fires twice widens the evidence and keeps its highest confidence, so each key gives exactly one row.
 */
final class FindingSet {
    private record Key(String category, String subcategory, String foundBy) {}

    private final Map<Key, GapFinding> byKey = new LinkedHashMap<>();

    void add(String category, String subcategory, double confidence, List<Integer> evidence, String foundBy, String subject,
             String rationale) {
        Key k = new Key(category, subcategory, foundBy);
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

    void put(GapFinding f) {
        byKey.put(new Key(f.category(), f.subcategory(), f.foundBy()), f);
    }

    /** In a fixed order (category, subcategory, found_by), so the same conversation always lists its findings alike. */
    List<GapFinding> sorted() {
        List<GapFinding> out = new ArrayList<>(byKey.values());
        out.sort(Comparator.comparing(GapFinding::category).thenComparing(GapFinding::subcategory).thenComparing(GapFinding::foundBy));
        return out;
    }
}
