package io.cxscore.core.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the small HTML of help-desk message bodies into the plain text judges read: line breaks where the
 * HTML breaks lines, tags dropped, entities decoded. Not a general HTML renderer: chat bodies are a few
 * paragraphs, links and lists, and a parser library would be a heavy dependency for the core.
 */
public final class HtmlText {
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<!--.*?-->|<(script|style|head)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|li|h[1-6]|tr|blockquote|pre|ul|ol|table)\\s*>|<(p|div|h[1-6]|ul|ol|table|blockquote)\\b[^>]*>");
    private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
    // Only things that look like tags: "a < b" in a message stays
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ndash", "–"), Map.entry("mdash", "—"),
            Map.entry("hellip", "…"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("euro", "€"), Map.entry("pound", "£"), Map.entry("copy", "©"),
            Map.entry("reg", "®"), Map.entry("trade", "™"), Map.entry("bull", "•"), Map.entry("middot", "·"));

    private HtmlText() {}

    /** Plain text of an HTML fragment; null stays null. */
    public static String toPlain(String html) {
        if (html == null) return null;
        String s = html.replace("\r\n", "\n");
        // Source newlines are layout in HTML, not text; <br> and blocks are the real breaks
        s = s.replace('\n', ' ');
        s = INVISIBLE.matcher(s).replaceAll("");
        s = LINE_BREAK.matcher(s).replaceAll("\n");
        s = LIST_ITEM.matcher(s).replaceAll("\n- ");
        s = BLOCK_END.matcher(s).replaceAll("\n");
        s = TAG.matcher(s).replaceAll("");
        s = decodeEntities(s);
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            out.append(line.replaceAll("[ \\t\\u00A0]+", " ").strip()).append('\n');
        }
        // One newline per break: block tags often nest (<div><p>), and doubled breaks would be noise to a judge
        return out.toString().replaceAll("\n{2,}", "\n").strip();
    }

    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) return s;
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String body, String whole) {
        if (body.charAt(0) == '#') {
            int cp;
            try {
                cp = body.charAt(1) == 'x' || body.charAt(1) == 'X'
                        ? Integer.parseInt(body.substring(2), 16) : Integer.parseInt(body.substring(1));
            } catch (NumberFormatException e) {
                return whole;
            }
            return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : whole;
        }
        String named = NAMED.get(body);
        return named != null ? named : whole;
    }
}
