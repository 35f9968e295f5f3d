package io.cxscore.core.gaps;

import io.cxscore.core.gaps.GapClassifierSettings.Cue;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One message as the gap rules see it: tokens, content words and cue counts, computed once. */
final class TurnCues {
    private static final Set<String> STOPWORDS = Set.of("the", "a", "an", "and", "or", "to", "of", "in", "on", "for",
            "is", "it", "i", "my", "me", "you", "your", "we", "our", "this", "that", "with", "be", "are", "was", "can",
            "do", "have", "has", "at", "so", "but", "if", "please", "hi", "hello", "hey", "just", "there", "what", "how",
            "am", "its", "it's", "i'm", "will", "would", "could", "from", "as", "by", "not", "no", "yes", "they", "he", "she");

    /** A line that only signs off ("Kind regards,"): it and the lines after it are a signature. */
    private static final java.util.regex.Pattern SIGN_OFF = java.util.regex.Pattern.compile(
            "(?i)\\s*(thanks|thank you|many thanks|best|best regards|kind regards|regards|cheers|sincerely|warm regards|thanks again)[,.!]?\\s*");
    /** A first line that only greets ("Hi there,", "Dear Loomwork support,"). */
    private static final java.util.regex.Pattern GREETING_LINE = java.util.regex.Pattern.compile("(?i)\\s*(hi|hello|hey|dear|good morning|good afternoon|good evening)\\b[^.!?\\n]{0,40}[,!]?\\s*");

    final Message message;
    final int index;
    final Role role;
    final List<String> tokens;
    final Set<String> content = new HashSet<>();
    private final int[] counts;
    final int emoji;

    TurnCues(Message m, GapClassifierSettings s) {
        message = m;
        index = m.index();
        role = m.role();
        tokens = GapTokens.tokens(m.text());
        // overlap compares what was asked, so e-mail greetings and signatures (the same in every message) are left out;
        // both need a second line, so a one-line message's body is all of it
        List<String> bodyTokens = isOneLine(m.text()) ? tokens : GapTokens.tokens(body(m.text()));
        for (String t : bodyTokens) if (t.length() > 1 && !STOPWORDS.contains(t)) content.add(t);
        counts = s.cueCounts(tokens);
        emoji = emojiCount(m.text());
    }

    int count(Cue c) {
        return counts[c.ordinal()];
    }

    boolean has(Cue c) {
        return counts[c.ordinal()] > 0;
    }

    boolean isAgent() {
        return role.isAgent();
    }

    boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    /** The text without a greeting-only first line and without the signature from a sign-off line on. */
    static String body(String text) {
        String[] lines = text.split("\\R");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == 0 && lines.length > 1 && GREETING_LINE.matcher(lines[i]).matches()) continue;
            if (i > 0 && SIGN_OFF.matcher(lines[i]).matches()) break;
            b.append(lines[i]).append('\n');
        }
        return b.toString();
    }

    /** No line terminator that {@code \\R} in {@link #body} would split at. */
    private static boolean isOneLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ((ch >= '\n' && ch <= '\r') || ch == '\u0085' || ch == '\u2028' || ch == '\u2029') return false;
        }
        return true;
    }

    /** Jaccard overlap of content words. */
    double overlap(TurnCues other) {
        if (content.isEmpty() || other.content.isEmpty()) return 0;
        int inter = 0;
        for (String w : content) if (other.content.contains(w)) inter++;
        return inter / (double) (content.size() + other.content.size() - inter);
    }

    /** Pictographs and emoji (supplementary-plane symbols and the dingbat/misc-symbol blocks): a casual-register marker. */
    private static int emojiCount(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if ((cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF)) n++;
            i += Character.charCount(cp);
        }
        return n;
    }
}
