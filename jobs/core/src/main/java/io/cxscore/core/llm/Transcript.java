package io.cxscore.core.llm;

import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Transfer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A conversation rendered for a judge as untrusted data: one line per message, {@code [index] role: text}, with
 * transfers and actions as indented event lines after the message they follow. The caller wraps it in
 * delimiters built from {@link #boundary()}, a random token drawn per request.
 *
 * <p>Nothing in a message can pose as structure: line breaks are written as the two characters {@code \n} so a
 * message cannot start a line of its own (no forged {@code [7] human_agent:} turn, no forged delimiter line);
 * {@code <<<} and {@code >>>} are replaced by look-alikes; and the boundary token, were it ever guessed, is
 * replaced wherever it appears in the text.
 *
 * @param turns number of messages; turn indices are 0..turns-1, the message indices evidence refers to
 * @param contentChars characters of message content and roles alone, the "transcript" that prompt size is
 *                     measured against
 */
public record Transcript(String boundary, String text, int turns, int contentChars) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n|\\u2028|\\u2029|\\u0085");

    public static Transcript of(Conversation c) {
        // 64 random bits: unguessable for text written before the request, and few tokens per delimiter
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return of(c, "cx" + HexFormat.of().formatHex(b));
    }

    /** With a given boundary: for cache keys (the content without the per-request token) and tests. */
    public static Transcript of(Conversation c, String boundary) {
        StringBuilder out = new StringBuilder(256);
        int content = 0;
        for (Message m : c.messages()) {
            if (out.length() > 0) out.append('\n');
            String text = escape(m.text(), boundary);
            out.append('[').append(m.index()).append("] ").append(m.role().wireName());
            if (!m.isPublic()) out.append(" (internal note)");
            out.append(": ").append(text);
            content += m.role().wireName().length() + 2 + m.text().length();
            for (Transfer t : c.transfers()) {
                if (t.afterMessage() == m.index()) {
                    out.append("\n  (transfer ").append(escape(t.fromQueue(), boundary)).append(" -> ").append(escape(t.toQueue(), boundary));
                    if (t.reason() != null) out.append(": ").append(escape(t.reason(), boundary));
                    out.append(')');
                }
            }
            for (AgentAction a : c.actions()) {
                if (a.afterMessage() == m.index()) {
                    out.append("\n  (action ").append(escape(a.name(), boundary)).append(' ').append(escape(a.status(), boundary)).append(')');
                }
            }
        }
        return new Transcript(boundary, out.toString(), c.messages().size(), content);
    }

    static String escape(String s, String boundary) {
        if (s == null) return "";
        String t = LINE_BREAK.matcher(s).replaceAll("\\\\n");
        t = t.replace("<<<", "\u2039\u2039\u2039").replace(">>>", "\u203a\u203a\u203a");
        return t.replace(boundary, "[boundary]");
    }
}
