package io.cxscore.publish.gaps;

import io.cxscore.publish.DuckDbConnections;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gaps of one warehouse build, read from {@code mart_gaps} and {@code mart_gaps_weekly}.
 *
 * @param dataAsOf the data's latest day; empty when the warehouse has no conversations
 * @param weeklyConversations per gap id, conversations per ISO week (week start to count), oldest first
 */
public record GapCatalog(Optional<LocalDate> dataAsOf, List<Gap> gaps, Map<String, Map<LocalDate, Long>> weeklyConversations) {
    public GapCatalog {
        gaps = List.copyOf(gaps);
        weeklyConversations = Map.copyOf(weeklyConversations);
    }

    public static GapCatalog read(Path database) throws SQLException {
        try (Connection c = DuckDbConnections.openReadOnly(database); Statement s = c.createStatement()) {
            LocalDate asOf = null;
            try (ResultSet rs = s.executeQuery("select max(opened_on) from stg_conversations")) {
                if (rs.next() && rs.getObject(1) != null) asOf = rs.getObject(1, LocalDate.class);
            }
            List<Gap> gaps = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select gap_id, category, subcategory, topic, subject, owner_team, owner_contact, owner_channel,
                           owner_is_default, count_conversations, count_instances, count_ai_turn_instances,
                           mean_cx_affected, mean_cx_rest, cx_impact, first_seen_on, last_seen_on,
                           seen_on_days, example_conversation_ids, data_as_of
                    from mart_gaps order by count_conversations desc, gap_id""")) {
                while (rs.next()) {
                    LocalDate gapAsOf = rs.getObject(20, LocalDate.class);
                    if (asOf == null || gapAsOf.isAfter(asOf)) asOf = gapAsOf;
                    gaps.add(new Gap(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), new Owner(rs.getString(6), rs.getString(7), rs.getString(8),
                                    rs.getBoolean(9)),
                            rs.getLong(10), rs.getLong(11), rs.getLong(12), nullable(rs, 13), nullable(rs, 14),
                            nullable(rs, 15), rs.getObject(16, LocalDate.class), rs.getObject(17, LocalDate.class),
                            dates(rs.getArray(18)), strings(rs.getArray(19))));
                }
            }
            Map<String, Map<LocalDate, Long>> weekly = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery(
                    "select gap_id, week_start, count_conversations from mart_gaps_weekly order by gap_id, week_start")) {
                while (rs.next()) {
                    weekly.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getLong(3));
                }
            }
            return new GapCatalog(Optional.ofNullable(asOf), gaps, weekly);
        }
    }

    public Optional<Gap> gap(String id) {
        return gaps.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    private static List<LocalDate> dates(Array array) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) days.add(o instanceof LocalDate d ? d : LocalDate.parse(o.toString()));
        return days;
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> values = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) values.add(String.valueOf(o));
        return values;
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
