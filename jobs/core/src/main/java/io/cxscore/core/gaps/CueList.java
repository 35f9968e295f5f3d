package io.cxscore.core.gaps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Cue words and phrases, matched on whole lowercased words against a message's tokens. */
final class CueList {
    private final Map<String, List<String[]>> byFirstWord = new HashMap<>();

    CueList(List<String> phrases) {
        for (String p : phrases) {
            List<String> words = tokens(p);
            if (words.isEmpty()) continue;
            byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(words.toArray(String[]::new));
        }
    }

    /** Number of positions where a cue starts (a position counts once even if several cues start there). */
    int count(List<String> tokens) {
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

    private static boolean matchesAt(List<String> tokens, int at, String[] phrase) {
        if (at + phrase.length > tokens.size()) return false;
        for (int k = 1; k < phrase.length; k++) if (!tokens.get(at + k).equals(phrase[k])) return false;
        return true;
    }

    /**
     * Lowercased words: runs of letters and digits, keeping an inner apostrophe ("don't", typographic
     * ones folded) and an inner hyphen ("e-mail", "auto-reply"), so cues and text split the same way.
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                char c = text.charAt(i);
                boolean inner = (c == '\'' || c == '’' || c == '-') && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1));
                if (Character.isLetterOrDigit(c) || inner) i++;
                else break;
            }
            out.add(text.substring(start, i).replace('’', '\'').toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
