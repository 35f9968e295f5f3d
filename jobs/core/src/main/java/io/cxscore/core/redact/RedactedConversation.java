package io.cxscore.core.redact;

import io.cxscore.core.model.Conversation;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conversation with its personal data replaced by placeholders, and the map back. The map stays in
 * the process that redacted: only {@link #conversation()} may be sent anywhere.
 *
 * @param originals placeholder ({@code [EMAIL_1]}) to the text it replaced
 */
public record RedactedConversation(Conversation conversation, Map<String, String> originals) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z]+_\\d+]");

    public RedactedConversation {
        originals = Map.copyOf(originals);
    }

    /** Puts the originals back into text produced from the redacted conversation (evidence, rationales). */
    public String restore(String text) {
        if (text == null || originals.isEmpty()) return text;
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String original = originals.get(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(original != null ? original : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
