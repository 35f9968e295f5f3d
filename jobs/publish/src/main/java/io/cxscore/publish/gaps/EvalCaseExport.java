package io.cxscore.publish.gaps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxscore.publish.DuckDbConnections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Failed AI-agent conversations as JSON Lines eval cases for the AI-agent team's own suite: one case
 * per conversation x gap with at least one finding on an AI-agent turn (the most confident finding
 * speaks for the case).
 *
 * <p>Each case holds {@code input} (the public messages before the first failing AI turn, the
 * context the agent had), {@code failed_turns} (what the agent said at the evidence turns),
 * {@code what_went_wrong} (category, subcategory, retrieval vs reasoning, the finding's rationale) and
 * {@code expected_behaviour} (from the subcategory and the evidence turns). Every text from a
 * conversation or a judge passes through the redactor; without one, texts are withheld and only the
 * structure is written.
 */
public final class EvalCaseExport {
    static final String WITHHELD = "[withheld: no redactor configured]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Finding(String gapId, String conversationId, String category, String subcategory, double confidence,
                           List<Integer> evidence, String aiFault, String foundBy, String subject, String topic,
                           String rationale, String taxonomyVersion) {}

    private final FeedOptions options;

    public EvalCaseExport(FeedOptions options) {
        this.options = options;
    }

    /** Writes the cases (atomically) and returns how many. */
    public int write(Path jsonlFile, Path database, Path dataRoot) {
        try {
            List<Finding> findings = findings(database);
            Set<String> ids = new LinkedHashSet<>();
            findings.forEach(f -> ids.add(f.conversationId()));
            Map<String, List<ConversationTranscripts.Message>> transcripts = ConversationTranscripts.read(dataRoot, ids);
            StringBuilder lines = new StringBuilder();
            for (Finding f : findings) {
                lines.append(JSON.writeValueAsString(evalCase(f, transcripts.getOrDefault(f.conversationId(), List.of()))))
                        .append('\n');
            }
            AtomicFiles.write(jsonlFile, lines.toString());
            return findings.size();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read AI-agent failures: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write eval cases to " + jsonlFile + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode evalCase(Finding f, List<ConversationTranscripts.Message> messages) {
        int firstFailing = f.evidence().stream().filter(i -> messages.stream()
                        .anyMatch(m -> m.idx() == i && "ai_agent".equals(m.role()))).mapToInt(Integer::intValue).min()
                .orElse(f.evidence().stream().mapToInt(Integer::intValue).min().orElse(Integer.MAX_VALUE));
        ObjectNode n = JSON.createObjectNode();
        n.put("case_id", f.gapId() + "/" + f.conversationId());
        n.put("gap_id", f.gapId());
        n.put("conversation_id", f.conversationId());
        n.put("taxonomy_version", f.taxonomyVersion());
        ArrayNode input = n.putObject("input").putArray("messages");
        for (ConversationTranscripts.Message m : messages) {
            if (m.idx() >= firstFailing || !m.isPublic()) continue;
            ObjectNode message = input.addObject();
            message.put("idx", m.idx());
            message.put("role", m.role());
            message.put("text", text(m.text()));
        }
        ArrayNode failed = n.putArray("failed_turns");
        for (ConversationTranscripts.Message m : messages) {
            if (!f.evidence().contains(m.idx())) continue;
            ObjectNode message = failed.addObject();
            message.put("idx", m.idx());
            message.put("role", m.role());
            message.put("text", text(m.text()));
        }
        ObjectNode wrong = n.putObject("what_went_wrong");
        wrong.put("category", f.category());
        wrong.put("subcategory", f.subcategory());
        wrong.put("ai_fault", f.aiFault());
        wrong.put("subject", f.subject());
        wrong.put("topic", f.topic());
        wrong.put("confidence", f.confidence());
        wrong.put("found_by", f.foundBy());
        wrong.put("rationale", f.rationale() == null ? null : text(f.rationale()));
        ArrayNode evidence = wrong.putArray("evidence");
        f.evidence().forEach(evidence::add);
        n.put("expected_behaviour", ExpectedBehaviour.of(f.category(), f.subcategory(), f.evidence()));
        n.put("text_redacted", options.includesText());
        return n;
    }

    private String text(String raw) {
        if (raw == null) return null;
        return options.includesText() ? options.redact(raw) : WITHHELD;
    }

    private static List<Finding> findings(Path database) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        try (Connection c = DuckDbConnections.openReadOnly(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select gap_id, conversation_id, category, subcategory, confidence, evidence, ai_fault, found_by,
                            subject, topic, rationale, taxonomy_version
                     from (
                         select *, row_number() over (
                             partition by gap_id, conversation_id order by confidence desc, found_by, rationale) as pick
                         from int_gap_instances
                         where is_ai_turn
                     )
                     where pick = 1
                     order by gap_id, conversation_id""")) {
            while (rs.next()) {
                findings.add(new Finding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDouble(5), integers(rs.getArray(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12)));
            }
        }
        return findings;
    }

    private static List<Integer> integers(Array array) throws SQLException {
        List<Integer> values = new ArrayList<>();
        if (array == null) return values;
        for (Object o : (Object[]) array.getArray()) if (o != null) values.add(((Number) o).intValue());
        return values;
    }
}
