package io.cxscore.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxscore.core.gaps.GapClassifier;
import io.cxscore.core.gaps.GapFinding;
import io.cxscore.core.gaps.GapOwners;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.score.JudgeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gap update for one owner about one scored conversation version, for the gap-updates topic
 * (schema in this module's README). The Kafka key is {@link #owner}.
 *
 * <p>The owner is the team {@code owners.yaml} gives the finding. A conversation version with no finding
 * that notifies yields one update with owner {@code none} and no findings: it tells every consumer that this
 * version has no gap, which retracts what an earlier version of the same conversation reported.
 */
public class GapUpdate {
    public static final String NO_GAP_OWNER = "none";

    public String owner;
    public String conversationId;
    public int conversationVersion;
    /** ISO-8601 UTC */
    public String closedAt;
    public String team;
    public String queue;
    public Integer cxScore;
    public String resolution;
    /** the owner's findings as a JSON array */
    public String findingsJson;

    public GapUpdate() {}

    /**
     * One update per owner team of the findings that notify (confidence at or above the classifier's notify
     * confidence; owners resolved as batch resolves them for gap_instances), or the single "none" update when
     * no finding notifies. A finding below the threshold stays in the scores for review, as in batch.
     */
    public static List<GapUpdate> of(Conversation c, JudgeResult r, int version, GapClassifier classifier, GapOwners owners) {
        Map<String, List<GapFinding>> byOwner = new LinkedHashMap<>();
        List<GapFinding> notifying = classifier.detected(r.gaps());
        String topic = notifying.isEmpty() ? null : classifier.topic(c);
        for (GapFinding f : notifying) {
            String team = owners.resolve(f.category(), c.brand(), c.queue(), topic).team();
            byOwner.computeIfAbsent(team, k -> new ArrayList<>()).add(f);
        }
        if (byOwner.isEmpty()) byOwner.put(NO_GAP_OWNER, List.of());
        List<GapUpdate> out = new ArrayList<>(byOwner.size());
        for (Map.Entry<String, List<GapFinding>> e : byOwner.entrySet()) {
            GapUpdate u = new GapUpdate();
            u.owner = e.getKey();
            u.conversationId = c.id();
            u.conversationVersion = version;
            u.closedAt = c.closedAt() == null ? null : c.closedAt().toString();
            u.team = c.team();
            u.queue = c.queue();
            u.cxScore = r.isScored() ? r.cx().score() : null;
            u.resolution = r.isScored() ? r.resolution().label().wireName() : null;
            ArrayNode findings = MessageEvents.JSON.createArrayNode();
            for (GapFinding f : e.getValue()) {
                ObjectNode o = findings.addObject();
                o.put("owner", e.getKey());
                o.put("category", f.category());
                o.put("subcategory", f.subcategory());
                o.put("confidence", f.confidence());
                f.evidence().forEach(o.putArray("evidence")::add);
                o.put("ai_fault", f.aiFault());
                o.put("found_by", f.foundBy());
                o.put("subject", f.subject());
                o.put("rationale", f.rationale());
            }
            u.findingsJson = findings.toString();
            out.add(u);
        }
        return out;
    }

    public String toJson() {
        ObjectNode n = MessageEvents.JSON.createObjectNode();
        n.put("owner", owner);
        n.put("conversation_id", conversationId);
        n.put("conversation_version", conversationVersion);
        n.put("closed_at", closedAt);
        n.put("team", team);
        n.put("queue", queue);
        if (cxScore == null) n.putNull("cx_score"); else n.put("cx_score", cxScore);
        n.put("resolution", resolution);
        // the findings are JSON we wrote ourselves: spliced in as they are, not parsed again for every record
        String head = n.toString();
        return head.substring(0, head.length() - 1) + ",\"findings\":" + findingsJson + "}";
    }

    @Override
    public String toString() {
        return toJson();
    }
}
