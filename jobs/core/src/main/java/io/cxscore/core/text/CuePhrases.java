package io.cxscore.core.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A set of cue words and phrases, matched on word boundaries against a token sequence. The tokenizer is
 * the caller's, so cues and the text they are matched against are always split the same way.
 */
public final class CuePhrases {
    private final Map<String, List<String[]>> byFirstWord = new HashMap<>();

    public CuePhrases(List<String> phrases, Function<String, List<String>> tokenizer) {
        for (String p : phrases) {
            List<String> words = tokenizer.apply(p);
            if (words.isEmpty()) continue;
            byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(words.toArray(String[]::new));
        }
    }

    /** Number of positions where a cue starts (a position counts once even if several cues start there). */
    public int count(List<String> tokens) {
        int hits = 0;
        for (int i = 0; i < tokens.size(); i++) {
            List<String[]> candidates = byFirstWord.get(tokens.get(i));
            if (candidates == null) continue;
            for (String[] phrase : candidates) {
                if (matchesAt(tokens, i, phrase)) {
                    hits++;
                    break;
                }
            }
        }
        return hits;
    }

    static boolean matchesAt(List<String> tokens, int at, String[] phrase) {
        if (at + phrase.length > tokens.size()) return false;
        for (int k = 1; k < phrase.length; k++) {
            if (!tokens.get(at + k).equals(phrase[k])) return false;
        }
        return true;
    }
}
