package io.cxscore.core.model;

import java.util.List;
import java.util.Map;

/**
 * Human judgements that came with a labelled dataset, kept as raw votes so that each metric can
 * aggregate them the way its literature does (majority with ties down for USS, mean for STC-3).
 * Production exports carry none.
 *
 * @param dialogue label name to the votes for the whole conversation, e.g. "satisfaction" (USS 1..5),
 *     "A", "S", "E" (STC-3, -2..2)
 * @param turns message index to label name to votes, e.g. "satisfaction" (USS 1..5),
 *     "frustration" (TWCS 0..4)
 */
public record HumanLabels(Map<String, List<Integer>> dialogue, Map<Integer, Map<String, List<Integer>>> turns) {
    public static final HumanLabels NONE = new HumanLabels(Map.of(), Map.of());

    public HumanLabels {
        // sorted copies: fitting iterates these, and a fit must not depend on hash order
        java.util.TreeMap<String, List<Integer>> d = new java.util.TreeMap<>();
        if (dialogue != null) dialogue.forEach((k, v) -> d.put(k, List.copyOf(v)));
        java.util.TreeMap<Integer, Map<String, List<Integer>>> t = new java.util.TreeMap<>();
        if (turns != null) {
            turns.forEach((i, labels) -> {
                java.util.TreeMap<String, List<Integer>> l = new java.util.TreeMap<>();
                labels.forEach((k, v) -> l.put(k, List.copyOf(v)));
                t.put(i, java.util.Collections.unmodifiableSortedMap(l));
            });
        }
        dialogue = java.util.Collections.unmodifiableSortedMap(d);
        turns = java.util.Collections.unmodifiableSortedMap(t);
    }

    public boolean isEmpty() {
        return dialogue.isEmpty() && turns.isEmpty();
    }
}
