package io.cxscore.core.gaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The gap classifier's tokenizer: cue phrases and message text are split by it alike. */
final class GapTokens {
    private GapTokens() {}

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
