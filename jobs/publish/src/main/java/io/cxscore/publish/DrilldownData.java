package io.cxscore.publish;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drill-down marts as the dashboard shows them: the example conversations, newest week first and
 * lowest score first, and their redacted messages. A database built before these marts existed has
 * neither table; {@link #available()} is then false and the dashboard says to rebuild.
 */
record DrilldownData(boolean available, List<Example> examples, Map<String, List<Turn>> turns) {

    record Example(String weekStart, String isoWeek, String handledBy, String selection, int selectionRank,
                   String conversationId, String team, String channel, String cohort, int cxScore, double cxRaw,
                   double contributionResolution, double contributionSentiment, double contributionEffort,
                   Double confidence, String resolution, Double sentimentStart, Double sentimentEnd,
                   Integer sentimentShift, Integer effort, String explanation, String rubricVersion, String judge) {}

    record Turn(int index, String role, boolean isPublic, String sentAt, String text, boolean resolutionEvidence,
                boolean sentimentEvidence, boolean effortEvidence) {
        boolean isEvidence() {
            return resolutionEvidence || sentimentEvidence || effortEvidence;
        }
    }

    static DrilldownData read(Path database) throws SQLException {
        try (Connection c = DuckDbConnections.openReadOnly(database); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select count(*) from information_schema.tables
                    where table_name in ('mart_drilldown_conversations', 'mart_drilldown_messages')""")) {
                rs.next();
                if (rs.getInt(1) < 2) return new DrilldownData(false, List.of(), Map.of());
            }
            List<Example> examples = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select cast(week_start as varchar), iso_week, handled_by, selection, selection_rank, conversation_id,
                           team, channel, cohort, cx_score, cx_raw, cx_contrib_resolution, cx_contrib_sentiment,
                           cx_contrib_effort, cx_confidence, resolution, sentiment_start, sentiment_end, sentiment_shift,
                           effort, explanation, rubric_id || ' ' || rubric_version, judge
                    from mart_drilldown_conversations
                    order by week_start desc, selection desc, cx_raw, conversation_id""")) {
                while (rs.next()) {
                    examples.add(new Example(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getInt(10), rs.getDouble(11), rs.getDouble(12), rs.getDouble(13), rs.getDouble(14),
                            nullableDouble(rs, 15), rs.getString(16), nullableDouble(rs, 17), nullableDouble(rs, 18),
                            nullableInt(rs, 19), nullableInt(rs, 20), rs.getString(21), rs.getString(22),
                            rs.getString(23)));
                }
            }
            Map<String, List<Turn>> turns = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("""
                    select conversation_id, message_index, role, is_public, strftime(sent_at, '%Y-%m-%d %H:%M'),
                           text_redacted, is_resolution_evidence, is_sentiment_evidence, is_effort_evidence
                    from mart_drilldown_messages order by conversation_id, message_index""")) {
                while (rs.next()) {
                    turns.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new Turn(rs.getInt(2),
                            rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                            rs.getBoolean(8), rs.getBoolean(9)));
                }
            }
            return new DrilldownData(true, examples, turns);
        }
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
