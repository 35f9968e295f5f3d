package io.cxscore.core.llm;

import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A conversation rendered for a judge as untrusted data, one line per message, with transfers and actions as
 * indented event lines after the message they follow. The caller wraps it in delimiters built from
 * {@link #boundary()}, a random token drawn per request. A prompt version names its {@link Format}; a released
 * format is never changed, because the cache key and every score made with it depend on the exact text.
 *
 * <p>Nothing in a message can pose as structure: a message never starts a line of its own (no forged
 * {@code [7] human_agent:} or {@code 7H} turn, no forged delimiter line); {@code <<<} and {@code >>>} are replaced
 * by look-alikes; and the boundary token, were it ever guessed, is replaced wherever it appears in the text.
 *
 * @param turns number of messages; turn indices are 0..turns-1, the message indices evidence refers to
 * @param contentChars characters of message content and roles alone, the "transcript" that prompt size is
 *                     measured against
 */
public record Transcript(String boundary, String text, int turns, int contentChars) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n|\\u2028|\\u2029|\\u0085");
    /** A run of line breaks (everything a tokenizer or a reader may take for one) with the blanks around it. */
    private static final Pattern LINE_BREAKS = Pattern.compile(
            "[\\t \\u00A0]*(?:[\\r\\n\\u000B\\u000C\\u001C-\\u001E\\u0085\\u2028\\u2029][\\t \\u00A0]*)+");

    /** How a transcript is written. */
    public enum Format {
        /**
         * Prompt v1: {@code [index] role: text}, line breaks inside a message written as the two characters
         * {@code \n}, event lines {@code   (transfer a -> b: reason)} and {@code   (action name status)}, boundary
         * {@code cx} + 16 hex digits.
         */
        V1,
        /**
         * Prompt v2: {@code <index><role code>[*] text} with the role codes C customer, A AI agent, H human agent,
         * S system and {@code *} for an internal note; a run of line breaks inside a message becomes one space;
         * event lines {@code  transfer a>b: reason} and {@code  action name status} (one leading space); boundary
         * 9 random lowercase letters (42 bits), which cost fewer tokens than hex.
         */
        COMPACT;

        public static Format parse(String s) {
            if (s == null || s.isBlank()) return V1;
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "v1" -> V1;
                case "compact" -> COMPACT;
                default -> throw new IllegalArgumentException("transcript format '" + s + "' is not one of v1, compact");
            };
        }
    }

    /** A v1 transcript with a fresh boundary. */
    public static Transcript of(Conversation c) {
        return of(c, Format.V1);
    }

    /** A transcript in the given format with a fresh boundary drawn for this request. */
    public static Transcript of(Conversation c, Format format) {
        return of(c, newBoundary(format), format);
    }

    /** A v1 transcript with a given boundary: for cache keys (the content without the per-request token) and tests. */
    public static Transcript of(Conversation c, String boundary) {
        return of(c, boundary, Format.V1);
    }

    /** With a given boundary: for cache keys (the content without the per-request token) and tests. */
    public static Transcript of(Conversation c, String boundary, Format format) {
        return format == Format.V1 ? v1(c, boundary) : compact(c, boundary);
    }

    /** A boundary token for one request, unguessable by whoever wrote the conversation. */
    public static String newBoundary(Format format) {
        if (format == Format.V1) {
            // 64 random bits: unguessable for text written before the request, and few tokens per delimiter
            byte[] b = new byte[8];
            RANDOM.nextBytes(b);
            return "cx" + HexFormat.of().formatHex(b);
        }
        // 26^9 ≈ 2^42.3; random lowercase letters tokenize at about two letters a token, hex at about one
        char[] out = new char[9];
        for (int i = 0; i < out.length; i++) out[i] = (char) ('a' + RANDOM.nextInt(26));
        return new String(out);
    }

    private static Transcript v1(Conversation c, String boundary) {
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

    private static Transcript compact(Conversation c, String boundary) {
        StringBuilder out = new StringBuilder(256);
        int content = 0;
        for (Message m : c.messages()) {
            if (out.length() > 0) out.append('\n');
            out.append(m.index()).append(code(m.role()));
            if (!m.isPublic()) out.append('*');
            String text = flatten(m.text(), boundary);
            if (!text.isEmpty()) out.append(' ').append(text);
            content += m.role().wireName().length() + 2 + (m.text() == null ? 0 : m.text().length());
            for (Transfer t : c.transfers()) {
                if (t.afterMessage() == m.index()) {
                    out.append("\n transfer ").append(flatten(t.fromQueue(), boundary)).append('>').append(flatten(t.toQueue(), boundary));
                    if (t.reason() != null && !t.reason().isBlank()) out.append(": ").append(flatten(t.reason(), boundary));
                }
            }
            for (AgentAction a : c.actions()) {
                if (a.afterMessage() == m.index()) {
                    out.append("\n action ").append(flatten(a.name(), boundary)).append(' ').append(flatten(a.status(), boundary));
                }
            }
        }
        return new Transcript(boundary, out.toString(), c.messages().size(), content);
    }

    /** The one-letter role codes of {@link Format#COMPACT}; the v2 system prompt defines them. */
    public static char code(Role r) {
        return switch (r) {
            case CUSTOMER -> 'C';
            case AI_AGENT -> 'A';
            case HUMAN_AGENT -> 'H';
            case SYSTEM -> 'S';
        };
    }

    static String escape(String s, String boundary) {
        if (s == null) return "";
        return defuse(LINE_BREAK.matcher(s).replaceAll("\\\\n"), boundary);
    }

    /** {@link Format#COMPACT}: every run of line breaks becomes one space, so the text stays on its line. */
    static String flatten(String s, String boundary) {
        if (s == null) return "";
        return defuse(LINE_BREAKS.matcher(s).replaceAll(" ").strip(), boundary);
    }

    /** Delimiter look-alikes for {@code <<<} and {@code >>>}, and the boundary token hidden: no text can close the data. */
    private static String defuse(String t, String boundary) {
        return t.replace("<<<", "\u2039\u2039\u2039").replace(">>>", "\u203a\u203a\u203a").replace(boundary, "[boundary]");
    }
}
