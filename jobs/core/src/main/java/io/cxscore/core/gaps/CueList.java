package io.cxscore.core.gaps;

import io.cxscore.core.text.CuePhrases;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Cue words and phrases of the gap classifier, split by its own tokenizer (which keeps inner hyphens). */
final class CueList {
    private final CuePhrases phrases;

    CueList(List<String> phrases) {
        this.phrases = new CuePhrases(phrases, CueList::tokens);
    }

    /** Number of positions where a cue starts (a position counts once even if several cues start there). */
    int count(List<String> tokens) {
        return phrases.count(tokens);
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
