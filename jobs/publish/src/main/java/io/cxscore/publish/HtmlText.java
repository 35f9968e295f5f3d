package io.cxscore.publish;

import java.util.Locale;

/** Text and numbers as they go into the dashboard's HTML. Conversation-derived text is untrusted. */
final class HtmlText {
    private HtmlText() {}

    /** Safe in element content and in double- or single-quoted attribute values. */
    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Two decimals for reading; an en dash when there is no value. */
    static String number(Double value) {
        return value == null ? "\u2013" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Signed, for changes. */
    static String change(Double value) {
        return value == null ? "\u2013" : String.format(Locale.ROOT, "%+.2f", value);
    }

    static String percent(Double share) {
        return share == null ? "\u2013" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** Four decimals in data attributes, so a browser test can compare them with the marts. */
    static String data(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
