package io.cxscore.publish;

import static io.cxscore.publish.HtmlText.change;
import static io.cxscore.publish.HtmlText.data;
import static io.cxscore.publish.HtmlText.escape;
import static io.cxscore.publish.HtmlText.number;

import java.util.ArrayList;
import java.util.List;

/**
 * The drill-down: every example conversation of {@code mart_drilldown_conversations}, newest week
 * first, as a {@code <details>} element (no script needed to open one) with its scores, each driver's
 * points, and its redacted turns, the turns a score cites as evidence highlighted. The first one, the
 * lowest score of the latest week, starts open.
 */
final class DrilldownSection {
    static final String CSS = """
            details.conversation{border:1px solid #e1e4e8;border-radius:6px;margin:6px 0;padding:4px 10px}
            details.conversation[open]{background:#fcfcfd}
            details.conversation summary{cursor:pointer;font-size:.9rem}
            .cx-badge{display:inline-block;min-width:1.6em;text-align:center;border-radius:4px;color:#fff;font-weight:600;margin-right:6px}
            .cx-1,.cx-2{background:#c62828}.cx-3{background:#d08c00}.cx-4,.cx-5{background:#2e7d32}
            ol.turns{list-style:none;padding:0;margin:8px 0}
            ol.turns li{margin:4px 0;padding:6px 8px;border-left:3px solid #ddd;background:#fff}
            ol.turns li.role-customer{border-left-color:#1f4e79}
            ol.turns li.role-ai_agent{border-left-color:#2e8b57}ol.turns li.role-human_agent{border-left-color:#7a4fa0}
            ol.turns li.evidence{background:#fff6d6;border-left-width:6px}
            ol.turns li.internal{opacity:.75;font-style:italic}
            .who{font-size:.75rem;color:#555;text-transform:uppercase;letter-spacing:.04em}
            .evidence-tag{font-size:.7rem;background:#d08c00;color:#fff;border-radius:3px;padding:0 4px;margin-left:4px}
            .turn-text{margin:2px 0 0;white-space:pre-wrap}
            """;

    private DrilldownSection() {}

    static String section(DrilldownData data) {
        StringBuilder html = new StringBuilder("<section id=\"drilldown\"><h2>Drill-down: conversations to read</h2>\n");
        if (!data.available()) {
            return html.append("<p class=\"empty\">This database has no drill-down marts: rebuild it with"
                    + " <code>cx warehouse</code>.</p></section>\n").toString();
        }
        if (data.examples().isEmpty()) {
            return html.append("<p class=\"empty\">No scored conversations yet.</p></section>\n").toString();
        }
        html.append("<p>For every week and handler, the two conversations with the lowest CX and the one with the"
                + " highest. Text was redacted before it entered the warehouse; author names are left out."
                + " Highlighted turns are the ones a score cites as evidence.</p>\n");
        String week = null;
        boolean first = true;
        for (DrilldownData.Example e : data.examples()) {
            if (!e.weekStart().equals(week)) {
                week = e.weekStart();
                html.append("<h3>Week ").append(escape(e.isoWeek())).append("</h3>\n");
            }
            conversation(html, e, data.turns().getOrDefault(e.conversationId(), List.of()), first);
            first = false;
        }
        return html.append("</section>\n").toString();
    }

    private static void conversation(StringBuilder html, DrilldownData.Example e, List<DrilldownData.Turn> turns,
                                     boolean open) {
        html.append("<details class=\"conversation\"").append(open ? " open" : "")
                .append(" data-conversation-id=\"").append(escape(e.conversationId()))
                .append("\" data-week=\"").append(escape(e.weekStart()))
                .append("\" data-handled-by=\"").append(escape(e.handledBy()))
                .append("\" data-selection=\"").append(escape(e.selection()))
                .append("\" data-cx-score=\"").append(e.cxScore())
                .append("\" data-cx-raw=\"").append(data(e.cxRaw()))
                .append("\" data-turns=\"").append(turns.size()).append("\">\n<summary><span class=\"cx-badge cx-")
                .append(e.cxScore()).append("\">").append(e.cxScore()).append("</span>")
                .append(escape(e.selection().equals("lowest_cx") ? "lowest CX" : "highest CX")).append(" \u00b7 ")
                .append(escape(e.handledBy().replace('_', ' '))).append(" \u00b7 ").append(escape(e.team()))
                .append(" / ").append(escape(e.channel())).append(" / ").append(escape(e.cohort()))
                .append(" \u00b7 ").append(escape(e.resolution())).append(" \u00b7 <code>")
                .append(escape(e.conversationId())).append("</code></summary>\n");
        html.append("<table class=\"scores\"><thead><tr><th>Driver</th><th>Score</th><th class=\"num\">Points</th>")
                .append("</tr></thead><tbody>\n");
        scoreRow(html, "resolution", escape(e.resolution()), e.contributionResolution());
        scoreRow(html, "sentiment_shift", "shift " + (e.sentimentShift() == null ? "\u2013" : String.format("%+d", e.sentimentShift()))
                + " (" + number(e.sentimentStart()) + " \u2192 " + number(e.sentimentEnd()) + ")", e.contributionSentiment());
        scoreRow(html, "effort", (e.effort() == null ? "\u2013" : e.effort()) + "/5", e.contributionEffort());
        html.append("<tr><td><strong>CX</strong></td><td><strong>").append(e.cxScore()).append("/5</strong> (raw ")
                .append(number(e.cxRaw())).append(", confidence ").append(number(e.confidence()))
                .append(")</td><td></td></tr>\n</tbody></table>\n<p>").append(escape(e.explanation()))
                .append(" <small>rubric ").append(escape(e.rubricVersion())).append(", judge ").append(escape(e.judge()))
                .append("</small></p>\n<ol class=\"turns\">\n");
        for (DrilldownData.Turn t : turns) {
            List<String> cites = new ArrayList<>();
            if (t.resolutionEvidence()) cites.add("resolution");
            if (t.sentimentEvidence()) cites.add("sentiment");
            if (t.effortEvidence()) cites.add("effort");
            html.append("<li class=\"turn role-").append(escape(t.role())).append(t.isEvidence() ? " evidence" : "")
                    .append(t.isPublic() ? "" : " internal").append("\" data-message-index=\"").append(t.index())
                    .append("\" data-evidence=\"").append(escape(String.join(" ", cites))).append("\"><span class=\"who\">")
                    .append(escape(t.role().replace('_', ' '))).append(t.isPublic() ? "" : " (internal note)")
                    .append(t.sentAt() == null ? "" : " \u00b7 " + escape(t.sentAt())).append("</span>");
            for (String cite : cites) html.append("<span class=\"evidence-tag\">").append(cite).append("</span>");
            html.append("<p class=\"turn-text\">").append(escape(t.text())).append("</p></li>\n");
        }
        html.append("</ol>\n</details>\n");
    }

    private static void scoreRow(StringBuilder html, String driver, String scoreHtml, double points) {
        html.append("<tr data-driver=\"").append(driver).append("\" data-points=\"").append(data(points))
                .append("\"><td>").append(escape(driver.replace('_', ' '))).append("</td><td>").append(scoreHtml)
                .append("</td><td class=\"num\">").append(change(points)).append("</td></tr>\n");
    }
}
