package io.cxscore.publish;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The mart rows the dashboard shows, read once through a read-only connection. */
record DashboardData(List<CxWeek> cxWeekly, List<DriverWeek> drivers, List<ResolutionWeek> resolution,
                     List<QuarantineGroup> quarantine, List<Run> runs) {

    record CxWeek(String weekStart, String isoWeek, String dimension, String value, long count, double mean,
                  Double ciLow, Double ciHigh, double share12, double share45) {}

    record DriverWeek(String weekStart, String isoWeek, String driver, long count, double meanContribution,
                      Double previousMeanContribution, Double wowChange, Integer rank) {}

    record ResolutionWeek(String weekStart, String isoWeek, String dimension, String value, long count,
                          double resolutionRate, double escalationRate) {}

    record QuarantineGroup(String source, String field, String reason, long count, String firstDay,
                           String lastDay, String exampleRecordId, String exampleExcerpt) {}

    record Run(String runId, String runOn, long read, long scored, long quarantined, boolean reconciled) {}

    static DashboardData read(Path database) throws SQLException {
        try (Connection c = DuckDbConnections.openReadOnly(database); Statement s = c.createStatement()) {
            List<CxWeek> cx = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select cast(week_start as varchar), iso_week, dimension, dimension_value, count_conversations,
                           mean_cx, ci95_low, ci95_high, share_cx_1_2, share_cx_4_5
                    from mart_cx_weekly order by week_start, dimension, dimension_value""")) {
                while (rs.next()) {
                    cx.add(new CxWeek(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getDouble(6), nullable(rs, 7), nullable(rs, 8), rs.getDouble(9),
                            rs.getDouble(10)));
                }
            }
            List<DriverWeek> drivers = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select cast(week_start as varchar), iso_week, driver, count_conversations, mean_contribution,
                           previous_week_mean_contribution, wow_change, rank_abs_wow_change
                    from mart_drivers_weekly order by week_start, driver""")) {
                while (rs.next()) {
                    Double rank = nullable(rs, 8);
                    drivers.add(new DriverWeek(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getDouble(5), nullable(rs, 6), nullable(rs, 7), rank == null ? null : rank.intValue()));
                }
            }
            List<ResolutionWeek> resolution = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select cast(week_start as varchar), iso_week, dimension, dimension_value, count_conversations,
                           resolution_rate, escalation_rate
                    from mart_resolution_weekly order by week_start, dimension, dimension_value""")) {
                while (rs.next()) {
                    resolution.add(new ResolutionWeek(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getDouble(6), rs.getDouble(7)));
                }
            }
            List<QuarantineGroup> quarantine = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select source, field, reason, count_records, cast(first_quarantined_on as varchar),
                           cast(last_quarantined_on as varchar), example_record_id, example_excerpt
                    from mart_quarantine_summary order by count_records desc, source, field, reason""")) {
                while (rs.next()) {
                    quarantine.add(new QuarantineGroup(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            List<Run> runs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select run_id, cast(run_on as varchar), count_read, count_scored, count_quarantined, is_reconciled
                    from mart_runs order by started_at, run_id""")) {
                while (rs.next()) {
                    runs.add(new Run(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getBoolean(6)));
                }
            }
            return new DashboardData(cx, drivers, resolution, quarantine, runs);
        }
    }

    /** Weeks with scored conversations, oldest first. */
    List<String> weeks() {
        return cxWeekly.stream().filter(r -> r.dimension().equals("overall")).map(CxWeek::weekStart).toList();
    }

    Optional<String> latestWeek() {
        List<String> weeks = weeks();
        return weeks.isEmpty() ? Optional.empty() : Optional.of(weeks.get(weeks.size() - 1));
    }

    Optional<CxWeek> cx(String weekStart, String dimension, String value) {
        return cxWeekly.stream().filter(r -> r.weekStart().equals(weekStart) && r.dimension().equals(dimension)
                && r.value().equals(value)).findFirst();
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
