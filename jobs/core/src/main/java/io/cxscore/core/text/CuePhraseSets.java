package io.cxscore.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sets of cue words and phrases, matched on word boundaries against a token sequence and counted in one pass:
 * for each set, the number of positions where one of its phrases starts (a position counts once per set even
 * if several of its phrases start there). The tokenizer is the caller's, so cues and the text they are matched
 * against are always split the same way. One look-up per token instead of one per token and set matters when
 * every message of every conversation is matched against dozens of sets.
 */
public final class CuePhraseSets {
    private record Phrase(int set, String[] words) {}

    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();
    private final int sets;

    public CuePhraseSets(List<List<String>> phraseSets, Function<String, List<String>> tokenizer) {
        sets = phraseSets.size();
        for (int s = 0; s < sets; s++) {
            for (String p : phraseSets.get(s)) {
                List<String> words = tokenizer.apply(p);
                if (words.isEmpty()) continue;
                byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(new Phrase(s, words.toArray(String[]::new)));
            }
        }
    }

    /** Per set, in the order given: the number of positions where one of its phrases starts. */
    public int[] count(List<String> tokens) {
        int[] hits = new int[sets];
        int[] countedAt = new int[sets];
        Arrays.fill(countedAt, -1);
        for (int i = 0; i < tokens.size(); i++) {
            List<Phrase> candidates = byFirstWord.get(tokens.get(i));
            if (candidates == null) continue;
            for (Phrase p : candidates) {
                if (countedAt[p.set()] != i && matchesAt(tokens, i, p.words())) {
                    hits[p.set()]++;
                    countedAt[p.set()] = i;
                }
            }
        }
        return hits;
    }

    private static boolean matchesAt(List<String> tokens, int at, String[] phrase) {
        if (at + phrase.length > tokens.size()) return false;
        for (int k = 1; k < phrase.length; k++) {
            if (!tokens.get(at + k).equals(phrase[k])) return false;
        }
        return true;
    }
}
