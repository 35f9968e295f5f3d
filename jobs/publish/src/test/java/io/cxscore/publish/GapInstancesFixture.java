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
import java.util.stream.Collectors;

/**
 * The gap classification job's {@code gap_instances} Parquet for the conversations of
 * {@link ScoredConversationsFixture#standard()}, written with DuckDB in the contract's types and hive
 * layout ({@code gap_instances/day=YYYY-MM-DD/*.parquet}).
 *
 * <p>{@link #standard()} holds three gaps:
 * <ul>
 *   <li>knowledge/missing_article on topic "SSO setup", subject spelled two ways ("SSO set-up" and "sso  Set-Up")
 *       : c01, c04, c06 and c09 (AI turns), owner docs-team; c06 has it twice;</li>
 *   <li>routing/needless_escalation on c08 (escalated), owner support-ops;</li>
 *   <li>tool/action_failed on c05 (human), unmapped so it went to the default owner cx-triage.</li>
 * </ul>
 */
public final class GapInstancesFixture {
    public record Instance(String conversationId, String day, String category, String subcategory, double confidence,
                           String subject, String topic, String ownerTeam, boolean ownerIsDefault, boolean aiTurn,
                           String rationale, boolean notifies) {}

    public final List<Instance> instances = new ArrayList<>();
    /** false: write files as the job did before gap_instances had a notifies column */
    private boolean notifiesColumn = true;

    public static GapInstancesFixture standard() {
        GapInstancesFixture f = new GapInstancesFixture();
        f.add("c01", "2026-09-29", "knowledge", "missing_article", 0.9, "SSO set-up", "sso-setup", "docs-team", true);
        f.add("c04", "2026-10-01", "knowledge", "missing_article", 0.7, "sso  Set-Up", "SSO-Setup", "docs-team", true);
        f.add("c06", "2026-10-06", "knowledge", "missing_article", 0.8, "SSO set-up", "sso-setup", "docs-team", true);
        f.add("c06", "2026-10-06", "knowledge", "missing_article", 0.6, "SSO set-up", "sso-setup", "docs-team", true);
        f.add("c09", "2026-10-08", "knowledge", "missing_article", 0.5, "SSO set-up", "sso-setup", "docs-team", true);
        f.add("c08", "2026-10-07", "routing", "needless_escalation", 0.8, "refund status", "refunds", "support-ops", false);
        f.instances.add(new Instance("c05", "2026-10-01", "tool", "action_failed", 0.95, "refund api", "refunds",
                "cx-triage", true, false, "The refund call <failed> for Dana's card", true));
        return f;
    }

    public GapInstancesFixture add(String conversationId, String day, String category, String subcategory,
                                   double confidence, String subject, String topic, String owner, boolean aiTurn) {
        instances.add(new Instance(conversationId, day, category, subcategory, confidence, subject, topic, owner,
                false, aiTurn, "The agent had no article about " + subject, true));
        return this;
    }

    /** A finding below the notify confidence: written for review, never a gap. */
    public GapInstancesFixture addForReview(String conversationId, String day, String category, String subcategory,
                                            double confidence, String subject, String topic, String owner) {
        instances.add(new Instance(conversationId, day, category, subcategory, confidence, subject, topic, owner,
                false, false, "Maybe no article about " + subject, false));
        return this;
    }

    public GapInstancesFixture withoutNotifiesColumn() {
        notifiesColumn = false;
        return this;
    }

    public void writeTo(Path dataRoot) throws SQLException, IOException {
        Files.createDirectories(dataRoot);
        if (instances.isEmpty()) return; // the job writes no folder for a table without rows
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("""
                    create table gap_instances (
                        conversation_id varchar, taxonomy_version varchar, category varchar, subcategory varchar,
                        confidence double, notifies boolean, evidence integer[], ai_fault varchar, found_by varchar, subject varchar,
                        rationale varchar, topic varchar, owner_team varchar, owner_contact varchar,
                        owner_channel varchar, owner_is_default boolean, is_ai_turn boolean, judge varchar,
                        model varchar, param_hash varchar, day date)""");
            s.execute("insert into gap_instances values " + instances.stream().map(GapInstancesFixture::row)
                    .collect(Collectors.joining(",\n")));
            if (!notifiesColumn) s.execute("alter table gap_instances drop column notifies");
            s.execute("COPY gap_instances TO '" + dataRoot.resolve("gap_instances")
                    + "' (FORMAT PARQUET, PARTITION_BY (day), OVERWRITE_OR_IGNORE)");
        }
    }

    private static String row(Instance i) {
        return "(" + String.join(", ", q(i.conversationId()), q("1"), q(i.category()), q(i.subcategory()),
                String.valueOf(i.confidence()), String.valueOf(i.notifies()), "[1]", i.aiTurn() ? q("bad_retrieval") : "null",
                q("detector:" + i.subcategory()), q(i.subject()), q(i.rationale()), q(i.topic()), q(i.ownerTeam()),
                q(i.ownerTeam() + "@example.com"), q("feed"), String.valueOf(i.ownerIsDefault()),
                String.valueOf(i.aiTurn()), q("offline"), q("offline-2026-09"), q("abc123"),
                "date '" + i.day() + "'") + ")";
    }

    private static String q(String s) {
        return s == null ? "null" : "'" + s.replace("'", "''") + "'";
    }
}
