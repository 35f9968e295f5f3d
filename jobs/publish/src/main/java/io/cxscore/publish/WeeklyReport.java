package io.cxscore.publish;

import io.cxscore.publish.gaps.AtomicFiles;
import io.cxscore.publish.gaps.GapLifecycle;
import io.cxscore.publish.gaps.GapState;
import io.cxscore.publish.gaps.GapStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The weekly governance report, in Markdown and in self-contained HTML, from the marts and the gap
 * lifecycle. Both renderings come from one list of sections, so they always show the same numbers.
 *
 * <p>Segments with fewer than {@code minN} scored conversations are shown as "too few", not as a
 * number: a mean of seven conversations moves a point from one week to the next by chance alone.
 *
 * <pre>{@code
 * new WeeklyReport(Path.of("out/cx.duckdb"), Path.of("out/warehouse"), lifecycle, 30).writeTo(Path.of("out/report"));
 * }</pre>
 */
public final class WeeklyReport {
    static final String TOO_FEW = "too few";
    private static final int WEEKS_SHOWN = 6;
    private static final int TOP_GAPS_PER_OWNER = 5;
    /** What counts as pointing the customer at documentation (RE2 syntax, case-insensitive). */
    static final String ARTICLE_REFERENCE = "(?i)(\\barticles?\\b|\\bguides?\\b|help cent(er|re)|knowledge base|\\bfaq\\b"
            + "|documentation|https?://\\S*/(help|docs|hc|kb|articles?)/)";

    record Table(List<String> headers, List<List<String>> rows) {}

    record Section(String id, String title, List<String> paragraphs, List<Table> tables) {}

    private record CxRow(String weekStart, String isoWeek, String dimension, String value, long n, double mean,
                         Double ciLow, Double ciHigh) {}

    private final Path database;
    private final Path dataRoot;
    private final GapLifecycle.Result lifecycle;
    private final int minN;

    public WeeklyReport(Path database, Path dataRoot, GapLifecycle.Result lifecycle, int minN) {
        if (minN < 2) throw new IllegalArgumentException("the minimum segment size must be at least 2, got " + minN);
        this.database = database;
        this.dataRoot = dataRoot;
        this.lifecycle = lifecycle;
        this.minN = minN;
    }

    /** Writes {@code weekly-report.md} and {@code weekly-report.html} into {@code folder}; returns the Markdown path. */
    public Path writeTo(Path folder) throws IOException, SQLException {
        List<Section> sections = sections();
        Path md = folder.resolve("weekly-report.md");
        AtomicFiles.write(md, markdown(sections));
        AtomicFiles.write(folder.resolve("weekly-report.html"), html(sections));
        return md;
    }

    public String markdown() throws SQLException {
        return markdown(sections());
    }

    public String html() throws SQLException {
        return html(sections());
    }

    List<Section> sections() throws SQLException {
        List<Section> sections = new ArrayList<>();
        List<CxRow> cx = new ArrayList<>();
        Optional<String> latestWeek;
        try (Connection c = DuckDbConnections.openReadOnly(database); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select cast(week_start as varchar), iso_week, dimension, dimension_value, count_conversations,
                           mean_cx, ci95_low, ci95_high
                    from mart_cx_weekly order by week_start, dimension, dimension_value""")) {
                while (rs.next()) {
                    cx.add(new CxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getDouble(6), nullable(rs, 7), nullable(rs, 8)));
                }
            }
            List<CxRow> overall = cx.stream().filter(r -> r.dimension().equals("overall")).toList();
            latestWeek = overall.isEmpty() ? Optional.empty() : Optional.of(overall.get(overall.size() - 1).weekStart());
            sections.add(trend(overall));
            sections.add(segments(cx, latestWeek));
            sections.add(gapsPerOwner());
            sections.add(automation(s));
            sections.add(escalation(s));
        }
        sections.add(rtfm(latestWeek));
        try (Connection c = DuckDbConnections.openReadOnly(database); Statement s = c.createStatement()) {
            sections.add(difficulty(s));
        }
        sections.add(regressions());
        return sections;
    }

    private Section trend(List<CxRow> overall) {
        List<List<String>> rows = new ArrayList<>();
        int from = Math.max(0, overall.size() - WEEKS_SHOWN);
        for (int i = from; i < overall.size(); i++) {
            CxRow w = overall.get(i);
            CxRow before = i > 0 && previousWeek(w.weekStart()).equals(overall.get(i - 1).weekStart()) ? overall.get(i - 1) : null;
            rows.add(List.of(w.isoWeek(), String.valueOf(w.n()), guarded(w.n(), number(w.mean())), guarded(w.n(), interval(w)),
                    change(w, before), changeInterval(w, before)));
        }
        return new Section("cx-trend", "CX trend", List.of(
                "Mean CX score (1\u20135) of scored conversations per ISO week, with its 95% confidence interval "
                        + "(normal approximation). The week-over-week change has a 95% interval from the two weeks' "
                        + "standard errors; an interval that includes 0 is not a real move. Weeks with fewer than "
                        + minN + " conversations are shown as \"" + TOO_FEW + "\"."),
                List.of(new Table(List.of("Week", "n", "Mean CX", "95% CI", "Change vs week before", "95% CI of change"), rows)));
    }

    private Section segments(List<CxRow> cx, Optional<String> latestWeek) {
        List<Table> tables = new ArrayList<>();
        if (latestWeek.isPresent()) {
            String week = latestWeek.get();
            for (String dimension : List.of("handled_by", "team", "channel", "cohort")) {
                List<List<String>> rows = new ArrayList<>();
                for (CxRow r : cx) {
                    if (!r.weekStart().equals(week) || !r.dimension().equals(dimension)) continue;
                    CxRow before = cx.stream().filter(p -> p.weekStart().equals(previousWeek(week))
                            && p.dimension().equals(dimension) && p.value().equals(r.value())).findFirst().orElse(null);
                    rows.add(List.of(r.value(), String.valueOf(r.n()), guarded(r.n(), number(r.mean())),
                            guarded(r.n(), interval(r)), change(r, before)));
                }
                tables.add(new Table(List.of(dimension.replace('_', ' '), "n", "Mean CX", "95% CI", "Change vs week before"), rows));
            }
        }
        return new Section("segments", "Segments" + latestWeek.map(w -> ", week of " + w).orElse(""),
                List.of(latestWeek.isEmpty() ? "No scored conversations yet."
                        : "The latest week by segment. Segments under " + minN + " conversations: \"" + TOO_FEW + "\"."),
                tables);
    }

    private Section gapsPerOwner() {
        List<Table> tables = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Failure instances grouped into gaps (category, subcategory, topic, subject). A gap is new in the "
                + "week after it first appears, resolved once unseen for the lifecycle's N days, regressed when it "
                + "returns; \"change\" compares with the previous run. CX impact is the mean CX of the gap's "
                + "conversations minus that of all others (negative is worse). Up to " + TOP_GAPS_PER_OWNER
                + " open gaps per owner, plus every gap whose state changed.");
        Map<String, List<GapStatus>> byOwner = GapLifecycle.byOwner(lifecycle.statuses());
        if (byOwner.isEmpty()) paragraphs.add("No gap findings in the warehouse.");
        for (Map.Entry<String, List<GapStatus>> owner : byOwner.entrySet()) {
            List<List<String>> rows = new ArrayList<>();
            int open = 0;
            for (GapStatus s : owner.getValue()) {
                boolean isOpen = s.state() != GapState.RESOLVED;
                if (!(isOpen && open < TOP_GAPS_PER_OWNER) && !s.changed()) continue;
                if (isOpen) open++;
                rows.add(List.of(owner.getKey() + (s.owner().isDefault() ? " (default owner)" : ""), s.title(),
                        s.state().wireName() + " since " + s.since(),
                        s.previousState().map(p -> p == s.state() ? "\u2013" : p.wireName() + " \u2192 " + s.state().wireName())
                                .orElse("first recorded"),
                        s.gap().map(g -> String.valueOf(g.conversations())).orElse("\u2013"),
                        s.gap().map(g -> g.cxImpact() == null ? "\u2013" : signed(g.cxImpact())).orElse("\u2013"),
                        s.lastSeen().toString()));
            }
            tables.add(new Table(List.of("Owner", "Gap", "State", "Change", "Conversations", "CX impact", "Last seen"), rows));
        }
        return new Section("gaps-by-owner", "Top gaps per owner", paragraphs, tables);
    }

    private Section automation(Statement s) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                select iso_week, count_conversations, deflection_rate, automated_resolution_rate, unresolved_deflection_rate
                from mart_automation_weekly order by week_start desc limit %d""".formatted(WEEKS_SHOWN))) {
            while (rs.next()) {
                long n = rs.getLong(2);
                rows.add(0, List.of(rs.getString(1), String.valueOf(n), guarded(n, percent(rs.getDouble(3))),
                        guarded(n, percent(rs.getDouble(4))), guarded(n, percent(rs.getDouble(5)))));
            }
        }
        return new Section("automation", "Automated resolution vs deflection", List.of(
                "Deflection rate: share of scored conversations the AI agent handled alone (no human took part). "
                        + "Automated resolution rate: share of scored conversations the AI agent handled alone and the rubric "
                        + "judged resolved. Deflection counts a customer who gave up on the bot as a success; automated "
                        + "resolution does not. The gap between them (\"deflected, unresolved\") is deflection that did not help."),
                List.of(new Table(List.of("Week", "n", "Deflection", "Automated resolution", "Deflected, unresolved"), rows)));
    }

    private Section escalation(Statement s) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                select iso_week, count_conversations, count_escalated, count_needless_escalations, count_not_escalated,
                       count_missed_escalations, escalation_accuracy, escalation_precision, missed_escalation_rate
                from mart_escalation_accuracy_weekly order by week_start desc limit %d""".formatted(WEEKS_SHOWN))) {
            while (rs.next()) {
                long n = rs.getLong(2);
                rows.add(0, List.of(rs.getString(1), String.valueOf(n), String.valueOf(rs.getLong(3)),
                        String.valueOf(rs.getLong(4)), String.valueOf(rs.getLong(5)), String.valueOf(rs.getLong(6)),
                        guarded(n, percent(rs.getDouble(7))), guarded(rs.getLong(3), percentOrDash(nullable(rs, 8))),
                        guarded(rs.getLong(5), percentOrDash(nullable(rs, 9)))));
            }
        }
        return new Section("escalation", "Escalation accuracy", List.of(
                "Escalated: the rubric labelled the conversation 'escalated' or the AI agent handed it to a human. "
                        + "Needless: escalated with a routing/needless_escalation finding. Missed: not escalated with a "
                        + "routing/missed_escalation finding. Accuracy: share of conversations with neither; precision: "
                        + "escalations that were needed; missed rate: missed among those not escalated. Only as good as "
                        + "the routing findings: a week without findings reads 100%."),
                List.of(new Table(List.of("Week", "n", "Escalated", "Needless", "Not escalated", "Missed", "Accuracy",
                        "Precision", "Missed rate"), rows)));
    }

    private Section rtfm(Optional<String> latestWeek) throws SQLException {
        String definition = "Humans answering what the docs already cover. Measurable proxy: among conversations a human "
                + "agent handled (handled_by human or ai_to_human) in the latest week, those where a human agent's public "
                + "message points to documentation (mentions an article, guide, FAQ, help centre, knowledge base or "
                + "documentation, or links to a /help/, /docs/, /hc/, /kb/ or /articles/ path) and that carry no knowledge "
                + "gap finding, so the documentation existed and was right. A proxy: it misses answers copied from the "
                + "docs without saying so, and counts an agent who cites the docs while adding judgement.";
        List<List<String>> rows = new ArrayList<>();
        Path conversations = dataRoot == null ? null : dataRoot.toAbsolutePath().normalize().resolve("conversations");
        if (latestWeek.isPresent() && conversations != null && Files.isDirectory(conversations)) {
            long[] f = rtfmFigures(latestWeek.get(), conversations);
            rows.add(List.of(latestWeek.get(), String.valueOf(f[0]), String.valueOf(f[1]), String.valueOf(f[2]),
                    guarded(f[0], percent(f[0] == 0 ? 0 : (double) f[2] / f[0]))));
        }
        return new Section("rtfm", "RTFM gap", List.of(definition),
                List.of(new Table(List.of("Week of", "Human-handled", "Citing docs", "Citing docs, no knowledge gap",
                        "RTFM rate"), rows)));
    }

    /** {human-handled, citing docs, citing docs with no knowledge finding} in the week starting {@code weekStart}. */
    private long[] rtfmFigures(String weekStart, Path conversations) throws SQLException {
        String glob = conversations.resolve("day=*").resolve("*.parquet").toString().replace("'", "''");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET autoload_known_extensions = false");
            s.execute("ATTACH '" + database.toAbsolutePath().toString().replace("'", "''") + "' AS marts (READ_ONLY)");
            try (ResultSet rs = s.executeQuery("""
                    with week as (
                        select conversation_id from marts.fct_conversation_scores
                        where week_start = date '%s' and handled_by in ('human', 'ai_to_human')
                    ),
                    citing as (
                        select distinct conversation_id
                        from (select conversation_id, unnest(messages) as m
                              from read_parquet('%s', hive_partitioning = true, union_by_name = true)
                              where conversation_id in (select conversation_id from week))
                        where m.role = 'human_agent' and coalesce(m.is_public, true)
                          and regexp_matches(coalesce(m.text, ''), '%s')
                    ),
                    knowledge as (
                        select distinct conversation_id from marts.int_gap_instances where category = 'knowledge'
                    )
                    select
                        (select count(*) from week),
                        (select count(*) from citing),
                        (select count(*) from citing where conversation_id not in (select conversation_id from knowledge))
                    """.formatted(weekStart, glob, ARTICLE_REFERENCE.replace("'", "''")))) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }

    private Section difficulty(Statement s) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                select topic, count_conversations, count_ai_only, count_reaching_human, share_reaching_human,
                       mean_cx_ai_only, mean_cx_reaching_human
                from mart_difficulty_by_topic order by share_reaching_human desc, count_conversations desc, topic""")) {
            while (rs.next()) {
                long n = rs.getLong(2);
                rows.add(List.of(rs.getString(1), String.valueOf(n), String.valueOf(rs.getLong(3)),
                        String.valueOf(rs.getLong(4)), guarded(n, percent(rs.getDouble(5))),
                        guarded(rs.getLong(3), numberOrDash(nullable(rs, 6))), guarded(rs.getLong(4), numberOrDash(nullable(rs, 7)))));
            }
        }
        return new Section("difficulty", "Difficulty concentration", List.of(
                "What reaches human agents and what the AI agent keeps, by topic, over all scored conversations, "
                        + "topics reaching humans most first. A topic is the export's topic or intent, else the topic its gap "
                        + "findings name, else its queue. Groups under " + minN + " conversations: \"" + TOO_FEW + "\"."),
                List.of(new Table(List.of("Topic", "n", "AI only", "Reached a human", "Share reaching humans",
                        "Mean CX, AI only", "Mean CX, human"), rows)));
    }

    private Section regressions() {
        List<List<String>> rows = new ArrayList<>();
        lifecycle.statuses().stream()
                .filter(s -> s.state() == GapState.REGRESSED
                        || lifecycle.announced().stream().anyMatch(u -> u.gapId().equals(s.gapId()) && u.state() == GapState.REGRESSED))
                .sorted(Comparator.comparing(GapStatus::since).reversed().thenComparing(GapStatus::gapId))
                .forEach(s -> rows.add(List.of(s.title(), s.owner().team(), s.state().wireName() + " since " + s.since(),
                        s.gap().map(g -> String.valueOf(g.conversations())).orElse("\u2013"),
                        s.gap().map(g -> g.cxImpact() == null ? "\u2013" : signed(g.cxImpact())).orElse("\u2013"))));
        return new Section("regressions", "Regressions", List.of(rows.isEmpty()
                ? "No gap came back after having been resolved."
                : "Gaps seen again after having been resolved: the fix did not hold, or the cause returned."),
                List.of(new Table(List.of("Gap", "Owner", "State", "Conversations", "CX impact"), rows)));
    }

    // ---------- rendering

    private String title() {
        return "Weekly CX governance report" + lifecycle.dataAsOf().map(d -> ", data as of " + d).orElse("");
    }

    String markdown(List<Section> sections) {
        StringBuilder md = new StringBuilder("# ").append(markdownCell(title())).append("\n\n");
        md.append("Minimum segment size: ").append(minN).append(" conversations.\n");
        for (Section section : sections) {
            md.append("\n## ").append(markdownCell(section.title())).append("\n\n");
            for (String p : section.paragraphs()) md.append(markdownCell(p)).append("\n\n");
            for (Table t : section.tables()) {
                if (t.rows().isEmpty()) {
                    md.append("_No rows._\n\n");
                    continue;
                }
                md.append("| ").append(String.join(" | ", t.headers().stream().map(WeeklyReport::markdownCell).toList())).append(" |\n");
                md.append("|").append("---|".repeat(t.headers().size())).append('\n');
                for (List<String> row : t.rows()) {
                    md.append("| ").append(String.join(" | ", row.stream().map(WeeklyReport::markdownCell).toList())).append(" |\n");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    String html(List<Section> sections) {
        StringBuilder html = new StringBuilder(16_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(HtmlText.escape(title())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#f6f7f9}main{max-width:1080px;margin:0 auto;padding:24px}")
                .append("section{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:16px;margin-bottom:16px}")
                .append("table{border-collapse:collapse;width:100%;font-size:.9rem;margin:8px 0}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eee}")
                .append(".too-few{color:#777;font-style:italic}.empty{color:#777;font-style:italic}\n</style>\n</head>\n<body>\n<main>\n<h1>")
                .append(HtmlText.escape(title())).append("</h1>\n<p>Minimum segment size: ").append(minN).append(" conversations.</p>\n");
        for (Section section : sections) {
            html.append("<section id=\"").append(HtmlText.escape(section.id())).append("\"><h2>")
                    .append(HtmlText.escape(section.title())).append("</h2>\n");
            for (String p : section.paragraphs()) html.append("<p>").append(HtmlText.escape(p)).append("</p>\n");
            for (Table t : section.tables()) {
                if (t.rows().isEmpty()) {
                    html.append("<p class=\"empty\">No rows.</p>\n");
                    continue;
                }
                html.append("<table><thead><tr>");
                t.headers().forEach(h -> html.append("<th>").append(HtmlText.escape(h)).append("</th>"));
                html.append("</tr></thead><tbody>\n");
                for (List<String> row : t.rows()) {
                    html.append("<tr>");
                    for (String cell : row) {
                        html.append(cell.startsWith(TOO_FEW) ? "<td class=\"too-few\">" : "<td>")
                                .append(HtmlText.escape(cell)).append("</td>");
                    }
                    html.append("</tr>\n");
                }
                html.append("</tbody></table>\n");
            }
            html.append("</section>\n");
        }
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    /** Text from the data must not become Markdown table structure or raw HTML. */
    private static String markdownCell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("[\\r\\n]+", " ");
    }

    // ---------- numbers

    private String guarded(long n, String value) {
        return n < minN ? TOO_FEW + " (n=" + n + ")" : value;
    }

    private String change(CxRow now, CxRow before) {
        if (before == null) return "\u2013";
        if (now.n() < minN || before.n() < minN) return TOO_FEW;
        return signed(now.mean() - before.mean());
    }

    private String changeInterval(CxRow now, CxRow before) {
        if (before == null || now.ciHigh() == null || before.ciHigh() == null) return "\u2013";
        if (now.n() < minN || before.n() < minN) return TOO_FEW;
        double se = Math.sqrt(Math.pow((now.ciHigh() - now.mean()) / 1.96, 2) + Math.pow((before.ciHigh() - before.mean()) / 1.96, 2));
        double diff = now.mean() - before.mean();
        return "[" + signed(diff - 1.96 * se) + ", " + signed(diff + 1.96 * se) + "]";
    }

    private static String interval(CxRow r) {
        return r.ciLow() == null ? "\u2013" : "[" + number(r.ciLow()) + ", " + number(r.ciHigh()) + "]";
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String signed(double value) {
        return String.format(Locale.ROOT, "%+.2f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String percentOrDash(Double share) {
        return share == null ? "\u2013" : percent(share);
    }

    private static String numberOrDash(Double value) {
        return value == null ? "\u2013" : number(value);
    }

    private static String previousWeek(String weekStart) {
        return java.time.LocalDate.parse(weekStart).minusDays(7).toString();
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
