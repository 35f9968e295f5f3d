package io.cxscore.publish.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxscore.publish.gaps.GapUpdate;
import io.cxscore.publish.gaps.GapUpdateText;
import java.nio.charset.StandardCharsets;

/**
 * A gap update as a Slack incoming-webhook body: {@code text} (the notification fallback) and
 * {@code blocks} (a header and a section in mrkdwn). Slack treats {@code & < >} as markup, so text
 * from the data is escaped the way Slack documents.
 */
public final class SlackMessage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackMessage() {}

    public static byte[] body(GapUpdate update) {
        String headline = GapUpdateText.headline(update);
        String summary = GapUpdateText.summary(update);
        ObjectNode root = JSON.createObjectNode();
        root.put("text", escape(headline + ". " + summary));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject();
        header.put("type", "header");
        ObjectNode headerText = header.putObject("text");
        headerText.put("type", "plain_text");
        headerText.put("text", headline.length() > 150 ? headline.substring(0, 149) + "\u2026" : headline);
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        ObjectNode sectionText = section.putObject("text");
        sectionText.put("type", "mrkdwn");
        sectionText.put("text", escape(summary) + "\n_gap " + update.gapId() + ", update " + update.uuid() + "_");
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
