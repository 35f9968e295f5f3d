package io.cxscore.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The batch job's Parquet output for a small, hand-checkable set of conversations, written with
 * DuckDB in the contract's exact types and hive layout ({@code <table>/day=YYYY-MM-DD/*.parquet}).
 *
 * <p>{@link #standard()} covers two ISO weeks: W40 (2026-09-28..) and W41 (2026-10-05..), teams
 * billing and tech, AI, human and AI-to-human conversations, superseded rubric versions (v1 before
 * v2, v9 before v10), an invalid and a failed judgement, one quarantined record whose excerpt is a
 * script tag, and two runs that reconcile.
 */
public final class ScoredConversationsFixture {
    record Conversation(String id, String day, String team, String channel, String cohort, String handledBy) {}

    record Score(String conversationId, String version, String status, Integer cx, String resolution,
                 String day) {}

    record QuarantinedRecord(String source, String recordId, String field, String reason, String excerpt,
                             String day) {}

    record Run(String runId, String day, long read, long scored, long quarantined) {}

    final List<Conversation> conversations = new ArrayList<>();
    final List<Score> scores = new ArrayList<>();
    final List<QuarantinedRecord> quarantine = new ArrayList<>();
    final List<Run> runs = new ArrayList<>();

    public static ScoredConversationsFixture standard() {
        ScoredConversationsFixture f = new ScoredConversationsFixture();
        // ISO week 40
        f.conversation("c01", "2026-09-29", "billing", "chat", "enterprise", "ai")
                .score("c01", "v1", 1, "unresolved").score("c01", "v2", 4, "resolved");
        f.conversation("c02", "2026-09-29", "billing", "email", "self-serve", "human")
                .score("c02", "v1", 2, "unresolved").unscored("c02", "v2", "invalid");
        f.conversation("c03", "2026-09-30", "tech", "chat", "enterprise", "ai_to_human")
                .score("c03", "v9", 5, "resolved").score("c03", "v10", 3, "escalated");
        f.conversation("c04", "2026-10-01", "billing", "chat", "self-serve", "ai")
                .score("c04", "v2", 5, "resolved");
        f.conversation("c05", "2026-10-01", "tech", "email", "enterprise", "human")
                .score("c05", "v2", 1, "unresolved");
        // ISO week 41
        f.conversation("c06", "2026-10-06", "billing", "chat", "enterprise", "ai")
                .score("c06", "v2", 5, "resolved");
        f.conversation("c07", "2026-10-06", "billing", "chat", "self-serve", "human")
                .score("c07", "v2", 4, "resolved");
        f.conversation("c08", "2026-10-07", "tech", "email", "enterprise", "human")
                .score("c08", "v2", 2, "escalated");
        f.conversation("c09", "2026-10-08", "billing", "email", "self-serve", "ai")
                .score("c09", "v2", 3, "partly_resolved");
        f.conversation("c10", "2026-10-08", "tech", "chat", "enterprise", "ai")
                .score("c10", "v2", 4, "resolved");
        f.conversation("c11", "2026-10-08", "billing", "chat", "enterprise", "ai")
                .unscored("c11", "v2", "failed");

        f.quarantine.add(new QuarantinedRecord("zendesk", "z-7", "closed_at", "unparseable timestamp",
                "<script>alert(\"x\")</script>", "2026-10-01"));
        f.runs.add(new Run("r1", "2026-10-01", 6, 5, 1));
        f.runs.add(new Run("r2", "2026-10-08", 6, 6, 0));
        return f;
    }

    public ScoredConversationsFixture conversation(String id, String day, String team, String channel, String cohort,
                                            String handledBy) {
        conversations.add(new Conversation(id, day, team, channel, cohort, handledBy));
        return this;
    }

    public ScoredConversationsFixture score(String conversationId, String version, int cx, String resolution) {
        scores.add(new Score(conversationId, version, "scored", cx, resolution, dayOf(conversationId)));
        return this;
    }

    ScoredConversationsFixture unscored(String conversationId, String version, String status) {
        scores.add(new Score(conversationId, version, status, null, null, dayOf(conversationId)));
        return this;
    }

    /** Points the resolution driver adds: the fixture's stand-in for the rubric's weights. */
    static double resolutionContribution(String resolution) {
        return switch (resolution) {
            case "resolved" -> 1.0;
            case "partly_resolved" -> 0.25;
            case "escalated" -> -0.25;
            default -> -1.0;
        };
    }

    /** Sentiment shift follows the score (-2..2) and adds half a point per step. */
    static int sentimentShift(int cx) {
        return cx - 3;
    }

    /** Effort is the mirror of the score (5 for a 1) and costs a tenth of a point per step above 1. */
    static int effort(int cx) {
        return 6 - cx;
    }

    public void writeTo(Path dataRoot) throws SQLException, IOException {
        Files.createDirectories(dataRoot);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("""
                    create table conversations (
                        conversation_id varchar, source varchar, channel varchar, brand varchar, team varchar,
                        queue varchar, cohort varchar, opened_at timestamptz, closed_at timestamptz,
                        handled_by varchar, message_count integer, customer_message_count integer,
                        transfer_count integer, action_count integer, failed_action_count integer,
                        csat integer, content_hash varchar,
                        messages struct(idx integer, role varchar, author varchar, text varchar,
                                        "at" timestamptz, is_public boolean)[],
                        metadata map(varchar, varchar), conversation_version integer, day date)""");
            s.execute("""
                    create table scores (
                        conversation_id varchar, rubric_id varchar, rubric_version varchar, judge varchar,
                        model varchar, param_hash varchar, status varchar, status_reason varchar,
                        resolution varchar, resolution_value double, resolution_confidence double,
                        resolution_evidence integer[], sentiment_start double, sentiment_end double,
                        sentiment_shift integer, sentiment_confidence double, sentiment_evidence integer[],
                        effort integer, effort_value double, effort_confidence double, effort_evidence integer[],
                        effort_customer_turns integer, effort_repeats integer, effort_rephrasings integer,
                        effort_transfers integer, effort_bot_loops integer, effort_max_wait_s bigint,
                        cx_score integer, cx_raw double, cx_contrib_resolution double,
                        cx_contrib_sentiment double, cx_contrib_effort double, cx_confidence double,
                        explanation varchar, conversation_version integer, day date)""");
            s.execute("""
                    create table quarantine (source varchar, position varchar, record_id varchar, field varchar,
                        reason varchar, excerpt varchar, day date)""");
            s.execute("""
                    create table runs (run_id varchar, started_at timestamptz, finished_at timestamptz,
                        inputs varchar, read bigint, scored bigint, quarantined bigint, judge varchar,
                        model varchar, rubric_version varchar, param_hash varchar, day date)""");

            insert(s, "conversations", conversations.stream().map(ScoredConversationsFixture::row).toList());
            insert(s, "scores", scores.stream().map(ScoredConversationsFixture::row).toList());
            insert(s, "quarantine", quarantine.stream().map(ScoredConversationsFixture::row).toList());
            insert(s, "runs", runs.stream().map(ScoredConversationsFixture::row).toList());

            for (String table : List.of("conversations", "scores", "quarantine", "runs")) {
                // the batch job writes no folder for a table without rows; neither does the fixture
                if (count(s, table) == 0) continue;
                s.execute("COPY " + table + " TO '" + dataRoot.resolve(table) + "' (FORMAT PARQUET, PARTITION_BY (day))");
            }
        }
    }

    private String dayOf(String conversationId) {
        return conversations.stream().filter(c -> c.id().equals(conversationId)).findFirst()
                .map(Conversation::day).orElse("2026-10-01");
    }

    private static long count(Statement s, String table) throws SQLException {
        try (var rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insert(Statement s, String table, List<String> rows) throws SQLException {
        if (!rows.isEmpty()) s.execute("insert into " + table + " values " + String.join(",\n", rows));
    }

    private static String row(Conversation c) {
        String opened = "timestamptz '" + c.day() + " 09:00:00+00'";
        String closed = "timestamptz '" + c.day() + " 09:20:00+00'";
        String messages = "[{'idx': 0, 'role': 'customer', 'author': 'cust-" + c.id() + "', 'text': 'My invoice is wrong',"
                + " 'at': " + opened + ", 'is_public': true},"
                + " {'idx': 1, 'role': '" + ("human".equals(c.handledBy()) ? "human_agent" : "ai_agent")
                + "', 'author': 'agent', 'text': 'Let me fix that', 'at': " + closed + ", 'is_public': true}]";
        return "(" + String.join(", ", q(c.id()), q("zendesk"), q(c.channel()), q("acme"), q(c.team()),
                q(c.team() + "-queue"), q(c.cohort()), opened, closed, q(c.handledBy()), "2", "1", "0", "0", "0",
                "null", q("hash-" + c.id()), messages, "map {'locale': 'en'}", "1", "date '" + c.day() + "'") + ")";
    }

    private static String row(Score s) {
        if (s.cx() == null) {
            return "(" + String.join(", ", q(s.conversationId()), q("cx"), q(s.version()), q("offline"),
                    q("offline-2026-09"), q("abc123"), q(s.status()), q("judge gave no usable answer"),
                    nulls(25), q(null), "1", "date '" + s.day() + "'") + ")";
        }
        int cx = s.cx();
        int shift = sentimentShift(cx);
        int effort = effort(cx);
        return "(" + String.join(", ", q(s.conversationId()), q("cx"), q(s.version()), q("offline"),
                q("offline-2026-09"), q("abc123"), q(s.status()), q(null),
                q(s.resolution()), "0.5", "0.8", "[1]",
                num(shift / 4.0 - 0.1), num(shift / 4.0 + 0.1), String.valueOf(shift), "0.7", "[0]",
                String.valueOf(effort), num(effort), "0.6", "[0, 1]", "1", "0", "0", "0", "0", "60",
                String.valueOf(cx), num(cx), num(resolutionContribution(s.resolution())), num(0.5 * shift),
                num(-0.1 * (effort - 1)), "0.75", q("Score " + cx + " because the issue was " + s.resolution()),
                "1", "date '" + s.day() + "'") + ")";
    }

    private static String row(QuarantinedRecord r) {
        return "(" + String.join(", ", q(r.source()), q("line 7"), q(r.recordId()), q(r.field()), q(r.reason()),
                q(r.excerpt()), "date '" + r.day() + "'") + ")";
    }

    private static String row(Run r) {
        return "(" + String.join(", ", q(r.runId()), "timestamptz '" + r.day() + " 02:00:00+00'",
                "timestamptz '" + r.day() + " 02:05:00+00'", q("in/" + r.day()), String.valueOf(r.read()),
                String.valueOf(r.scored()), String.valueOf(r.quarantined()), q("offline"), q("offline-2026-09"),
                q("v2"), q("abc123"), "date '" + r.day() + "'") + ")";
    }

    private static String nulls(int n) {
        return java.util.Collections.nCopies(n, "null").stream().collect(Collectors.joining(", "));
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    private static String q(String s) {
        return s == null ? "null" : "'" + s.replace("'", "''") + "'";
    }
}
