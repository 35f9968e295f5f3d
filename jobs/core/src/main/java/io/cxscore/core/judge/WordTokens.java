package io.cxscore.core.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits text into lowercased word tokens (letters, digits, apostrophes), counting shouted words on the way. */
final class WordTokens {
    final List<String> tokens;
    final int shoutedWords;

    private WordTokens(List<String> tokens, int shoutedWords) {
        this.tokens = tokens;
        this.shoutedWords = shoutedWords;
    }

    static WordTokens of(String text) {
        List<String> out = new ArrayList<>();
        int shouted = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                int start = i;
                boolean allUpper = true;
                int letters = 0;
                while (i < n) {
                    char c = text.charAt(i);
                    if (Character.isLetterOrDigit(c) || ((c == '\'' || c == '’') && i + 1 < n && Character.isLetter(text.charAt(i + 1)))) {
                        if (Character.isLetter(c)) {
                            letters++;
                            if (!Character.isUpperCase(c)) allUpper = false;
                        }
                        i++;
                    } else {
                        break;
                    }
                }
                String w = text.substring(start, i).replace('’', '\'').toLowerCase(Locale.ROOT);
                if (allUpper && letters >= 2) shouted++;
                out.add(w);
            } else {
                i++;
            }
        }
        return new WordTokens(out, shouted);
    }
}
