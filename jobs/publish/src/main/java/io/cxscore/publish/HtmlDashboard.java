package io.cxscore.publish;

import static io.cxscore.publish.HtmlText.change;
import static io.cxscore.publish.HtmlText.data;
import static io.cxscore.publish.HtmlText.escape;
import static io.cxscore.publish.HtmlText.number;
import static io.cxscore.publish.HtmlText.percent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.LocalDate;
import io.cxscore.publish.gaps.GapCatalog;
import io.cxscore.publish.gaps.GapLifecycle;
import io.cxscore.publish.gaps.GapState;
import io.cxscore.publish.gaps.GapStateFile;
import io.cxscore.publish.gaps.GapStatus;
import io.cxscore.publish.gaps.LifecyclePolicy;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One self-contained {@code dashboard.html} from the warehouse marts: inline CSS and SVG, no script,
 * no external URL, so it opens from a file or an e-mail attachment. Every text from the data is
 * escaped, because team names, reasons and excerpts come from conversations and exports.
 *
 * <pre>{@code
 * new HtmlDashboard(Path.of("out/cx.duckdb")).writeTo(Path.of("out/dashboard.html"));
 * }</pre>
 */
public final class HtmlDashboard {
    private static final List<String> SEGMENT_DIMENSIONS = List.of("team", "channel", "cohort", "handled_by");

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#f6f7f9}
            main{max-width:1080px;margin:0 auto;padding:24px}
            h1{font-size:1.5rem;margin:0 0 16px}h2{font-size:1.15rem;margin:28px 0 8px}h3{font-size:1rem;margin:16px 0 6px}
            section{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:16px;margin-bottom:16px}
            .tiles{display:flex;flex-wrap:wrap;gap:12px}
            .tile{flex:1 1 200px;background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:12px 16px}
            .tile .label{font-size:.8rem;color:#666;text-transform:uppercase;letter-spacing:.04em}
            .tile .value{font-size:1.8rem;font-weight:600}
            .tile .sub{font-size:.85rem;color:#555}
            .ok{color:#2e7d32}.bad{color:#c62828}
            table{border-collapse:collapse;width:100%;font-size:.9rem}
            th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eee}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            .chart{width:100%;height:auto}.tick{font-size:11px;fill:#666}
            .legend span{margin-right:16px;font-size:.85rem}
            .legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
            .empty{color:#777;font-style:italic}
            .excerpt{font-family:ui-monospace,monospace;font-size:.8rem;color:#444;word-break:break-all}
            """;

    private final Path database;

    public HtmlDashboard(Path database) {
        this.database = database;
    }

    /** Writes the dashboard next to a temporary file first, so a reader never opens half a page. */
    public void writeTo(Path htmlFile) throws IOException, SQLException {
        String html = render();
        Path target = htmlFile.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.writeString(partial, html, StandardCharsets.UTF_8);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public String render() throws SQLException {
        DashboardData data = DashboardData.read(database);
        StringBuilder html = new StringBuilder(32_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>CX score dashboard</title>\n<style>\n").append(CSS).append(ExecutiveCharts.CSS).append(DrilldownSection.CSS).append("</style>\n</head>\n")
                .append("<body>\n<main>\n<h1>CX score dashboard</h1>\n");
        // Section order: headline, trend, executive (segments over time), drivers, gaps by owner,
        // segments, resolution, drill-down, quarantine, runs.
        headline(html, data);
        html.append("<section id=\"trend\"><h2>Weekly CX score</h2>\n")
                .append("<p>Mean score 1\u20135 of every scored conversation; the band is the 95% confidence"
                        + " interval of the overall mean.</p>\n")
                .append(SvgCharts.cxTrend(data)).append("</section>\n");
        html.append(ExecutiveCharts.section(data));
        drivers(html, data);
        gapsByOwner(html, GapCatalog.read(database));
        segments(html, data);
        resolution(html, data);
        html.append(DrilldownSection.section(DrilldownData.read(database)));
        quarantine(html, data);
        runs(html, data);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void headline(StringBuilder html, DashboardData data) {
        long scored = data.cxWeekly().stream().filter(r -> r.dimension().equals("overall"))
                .mapToLong(DashboardData.CxWeek::count).sum();
        Optional<String> latest = data.latestWeek();
        Optional<DashboardData.CxWeek> thisWeek = latest.flatMap(w -> data.cx(w, "overall", "all"));
        Optional<DashboardData.CxWeek> lastWeek = latest.flatMap(w -> data.cx(previousWeek(w), "overall", "all"));
        Double wow = thisWeek.isPresent() && lastWeek.isPresent() ? thisWeek.get().mean() - lastWeek.get().mean() : null;
        long read = data.runs().stream().mapToLong(DashboardData.Run::read).sum();
        long runsScored = data.runs().stream().mapToLong(DashboardData.Run::scored).sum();
        long quarantined = data.runs().stream().mapToLong(DashboardData.Run::quarantined).sum();
        List<String> unreconciled = data.runs().stream().filter(r -> !r.reconciled()).map(DashboardData.Run::runId).toList();

        html.append("<div class=\"tiles\" id=\"headline\">\n");
        tile(html, "Conversations scored", "data-count-scored=\"" + scored + "\"", String.valueOf(scored),
                latest.isPresent() ? "across " + data.weeks().size() + " week(s)" : "none yet");
        tile(html, "Mean CX this week",
                "data-week=\"" + escape(latest.orElse("")) + "\" data-mean-cx=\""
                        + data(thisWeek.map(DashboardData.CxWeek::mean).orElse(null)) + "\"",
                number(thisWeek.map(DashboardData.CxWeek::mean).orElse(null)),
                thisWeek.map(w -> escape(w.isoWeek()) + ", n=" + w.count()).orElse("no scored conversations"));
        tile(html, "Week over week", "data-wow-change=\"" + data(wow) + "\"", change(wow),
                lastWeek.map(w -> "vs " + escape(w.isoWeek()) + " (" + number(w.mean()) + ")")
                        .orElse("no previous week"));
        String reconciliation = unreconciled.isEmpty()
                ? "<span class=\"ok\">read = scored + quarantined</span>"
                : "<span class=\"bad\">does not add up in run(s) " + escape(String.join(", ", unreconciled)) + "</span>";
        tile(html, "Records read", "data-read=\"" + read + "\" data-scored=\"" + runsScored + "\" data-quarantined=\""
                        + quarantined + "\" data-reconciled=\"" + unreconciled.isEmpty() + "\"",
                String.valueOf(read), runsScored + " scored + " + quarantined + " quarantined: " + reconciliation);
        html.append("</div>\n");
    }

    private static void tile(StringBuilder html, String label, String attributes, String value, String subHtml) {
        html.append("<div class=\"tile\" ").append(attributes).append("><div class=\"label\">").append(escape(label))
                .append("</div><div class=\"value\">").append(escape(value)).append("</div><div class=\"sub\">")
                .append(subHtml).append("</div></div>\n");
    }

    private static void drivers(StringBuilder html, DashboardData data) {
        html.append("<section id=\"drivers\"><h2>What drives the score</h2>\n")
                .append("<p>Mean points each rubric driver added to (or took from) the CX score.</p>\n")
                .append(SvgCharts.driverBars(data));
        Optional<String> latest = data.latestWeek();
        List<DashboardData.DriverWeek> thisWeek = data.drivers().stream()
                .filter(d -> latest.isPresent() && d.weekStart().equals(latest.get()))
                .sorted(Comparator.comparing(d -> d.rank() == null ? Integer.MAX_VALUE : d.rank()))
                .toList();
        thisWeek.stream().filter(d -> d.rank() != null && d.rank() == 1).findFirst().ifPresent(top ->
                html.append("<p id=\"biggest-move\" data-driver=\"").append(escape(top.driver())).append("\">")
                        .append("Moved most this week: <strong>").append(escape(top.driver())).append("</strong> (")
                        .append(change(top.wowChange())).append(" points vs the week before).</p>\n"));
        if (!thisWeek.isEmpty()) {
            html.append("<table><thead><tr><th>Driver</th><th class=\"num\">Mean points</th>")
                    .append("<th class=\"num\">Week before</th><th class=\"num\">Change</th></tr></thead><tbody>\n");
            for (DashboardData.DriverWeek d : thisWeek) {
                html.append("<tr data-driver=\"").append(escape(d.driver())).append("\"><td>").append(escape(d.driver()))
                        .append("</td><td class=\"num\">").append(change(d.meanContribution()))
                        .append("</td><td class=\"num\">").append(change(d.previousMeanContribution()))
                        .append("</td><td class=\"num\">").append(change(d.wowChange())).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("</section>\n");
    }

    private static void segments(StringBuilder html, DashboardData data) {
        Optional<String> latest = data.latestWeek();
        html.append("<section id=\"segments\"><h2>Segments")
                .append(latest.map(w -> ", week of " + escape(w)).orElse("")).append("</h2>\n");
        if (latest.isEmpty()) {
            html.append("<p class=\"empty\">No scored conversations yet.</p></section>\n");
            return;
        }
        String previous = previousWeek(latest.get());
        for (String dimension : SEGMENT_DIMENSIONS) {
            html.append("<h3>By ").append(escape(dimension.replace('_', ' '))).append("</h3>\n")
                    .append("<table data-dimension=\"").append(escape(dimension)).append("\"><thead><tr><th>")
                    .append(escape(dimension)).append("</th><th class=\"num\">n</th><th class=\"num\">Mean CX</th>")
                    .append("<th class=\"num\">95% CI</th><th class=\"num\">Scores 1\u20132</th>")
                    .append("<th class=\"num\">Scores 4\u20135</th><th class=\"num\">vs week before</th></tr></thead><tbody>\n");
            for (DashboardData.CxWeek r : data.cxWeekly()) {
                if (!r.weekStart().equals(latest.get()) || !r.dimension().equals(dimension)) continue;
                Double wow = data.cx(previous, dimension, r.value()).map(p -> r.mean() - p.mean()).orElse(null);
                html.append("<tr data-value=\"").append(escape(r.value())).append("\" data-n=\"").append(r.count())
                        .append("\" data-mean-cx=\"").append(data(r.mean())).append("\"><td>").append(escape(r.value()))
                        .append("</td><td class=\"num\">").append(r.count())
                        .append("</td><td class=\"num\">").append(number(r.mean()))
                        .append("</td><td class=\"num\">").append(r.ciLow() == null ? "\u2013"
                                : number(r.ciLow()) + "\u2013" + number(r.ciHigh()))
                        .append("</td><td class=\"num\">").append(percent(r.share12()))
                        .append("</td><td class=\"num\">").append(percent(r.share45()))
                        .append("</td><td class=\"num\">").append(change(wow)).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("</section>\n");
    }

    private static void resolution(StringBuilder html, DashboardData data) {
        html.append("<section id=\"resolution\"><h2>Resolution and escalation</h2>\n");
        if (data.resolution().isEmpty()) {
            html.append("<p class=\"empty\">No scored conversations yet.</p></section>\n");
            return;
        }
        html.append("<table><thead><tr><th>Week</th><th>Segment</th><th class=\"num\">n</th>")
                .append("<th class=\"num\">Resolved</th><th class=\"num\">Escalated</th></tr></thead><tbody>\n");
        for (DashboardData.ResolutionWeek r : data.resolution()) {
            if (!r.dimension().equals("overall") && !r.dimension().equals("handled_by")) continue;
            String segment = r.dimension().equals("overall") ? "all" : "handled by " + r.value();
            html.append("<tr data-week=\"").append(escape(r.weekStart())).append("\" data-dimension=\"")
                    .append(escape(r.dimension())).append("\" data-value=\"").append(escape(r.value()))
                    .append("\" data-resolution-rate=\"").append(data(r.resolutionRate()))
                    .append("\" data-escalation-rate=\"").append(data(r.escalationRate())).append("\"><td>")
                    .append(escape(r.isoWeek())).append("</td><td>").append(escape(segment))
                    .append("</td><td class=\"num\">").append(r.count())
                    .append("</td><td class=\"num\">").append(percent(r.resolutionRate()))
                    .append("</td><td class=\"num\">").append(percent(r.escalationRate())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</section>\n");
    }

    /**
     * Top gaps per owner, and the new and regressed ones. States here come from the data alone with
     * the default policy (the dashboard does not read or move the feeds' state file); with the full
     * history in the warehouse they are the states the feeds announce.
     */
    private static void gapsByOwner(StringBuilder html, GapCatalog catalog) {
        html.append("<section id=\"gaps\"><h2>Gaps by owner</h2>\n");
        if (catalog.gaps().isEmpty()) {
            html.append("<p class=\"empty\">No gap findings yet.</p></section>\n");
            return;
        }
        GapLifecycle.Result lifecycle = new GapLifecycle(LifecyclePolicy.DEFAULT).assess(catalog, GapStateFile.Snapshot.EMPTY);
        html.append("<p>Failure instances grouped into gaps. CX impact: mean CX of the gap's conversations minus that of"
                + " all others (negative is worse). Data as of ").append(escape(lifecycle.dataAsOf().map(Object::toString)
                .orElse(""))).append(".</p>\n");
        List<GapStatus> fresh = lifecycle.statuses().stream()
                .filter(s -> s.state() == GapState.NEW || s.state() == GapState.REGRESSED).toList();
        html.append("<h3>New and regressed</h3>\n");
        if (fresh.isEmpty()) {
            html.append("<p class=\"empty\">No new or regressed gaps this week.</p>\n");
        } else {
            html.append("<ul id=\"gaps-fresh\">\n");
            for (GapStatus s : fresh) {
                html.append("<li data-gap=\"").append(escape(s.gapId())).append("\" data-state=\"")
                        .append(escape(s.state().wireName())).append("\"><strong>").append(escape(s.state().wireName()))
                        .append("</strong> since ").append(escape(s.since().toString())).append(": ")
                        .append(escape(s.title())).append(" (").append(escape(s.owner().team())).append(")</li>\n");
            }
            html.append("</ul>\n");
        }
        for (var owner : GapLifecycle.byOwner(lifecycle.statuses()).entrySet()) {
            html.append("<h3>").append(escape(owner.getKey()))
                    .append(owner.getValue().get(0).owner().isDefault() ? " <small>(default owner)</small>" : "")
                    .append("</h3>\n<table data-owner=\"").append(escape(owner.getKey())).append("\"><thead><tr><th>Gap</th>")
                    .append("<th>State</th><th class=\"num\">Conversations</th><th class=\"num\">Mean CX</th>")
                    .append("<th class=\"num\">Rest</th><th class=\"num\">CX impact</th><th>Seen</th><th>Examples</th>")
                    .append("</tr></thead><tbody>\n");
            owner.getValue().stream().filter(s -> s.gap().isPresent()).limit(5).forEach(s -> {
                var g = s.gap().get();
                html.append("<tr id=\"").append(escape(g.id())).append("\" data-conversations=\"").append(g.conversations())
                        .append("\" data-cx-impact=\"").append(data(g.cxImpact())).append("\"><td>").append(escape(g.title()))
                        .append("</td><td>").append(escape(s.state().wireName())).append("</td><td class=\"num\">")
                        .append(g.conversations()).append("</td><td class=\"num\">").append(number(g.meanCxAffected()))
                        .append("</td><td class=\"num\">").append(number(g.meanCxRest())).append("</td><td class=\"num\">")
                        .append(change(g.cxImpact())).append("</td><td>").append(escape(g.firstSeen().toString()))
                        .append(" \u2013 ").append(escape(g.lastSeen().toString())).append("</td><td><span class=\"excerpt\">")
                        .append(escape(String.join(", ", g.exampleConversationIds()))).append("</span></td></tr>\n");
            });
            html.append("</tbody></table>\n");
        }
        html.append("</section>\n");
    }

    private static void quarantine(StringBuilder html, DashboardData data) {
        html.append("<section id=\"quarantine\"><h2>Quarantined input records</h2>\n");
        if (data.quarantine().isEmpty()) {
            html.append("<p class=\"empty\">Nothing quarantined.</p></section>\n");
            return;
        }
        html.append("<table><thead><tr><th>Source</th><th>Field</th><th>Reason</th><th class=\"num\">Records</th>")
                .append("<th>Days</th><th>Example</th></tr></thead><tbody>\n");
        for (DashboardData.QuarantineGroup q : data.quarantine()) {
            html.append("<tr data-count=\"").append(q.count()).append("\"><td>").append(escape(q.source()))
                    .append("</td><td>").append(escape(q.field())).append("</td><td>").append(escape(q.reason()))
                    .append("</td><td class=\"num\">").append(q.count()).append("</td><td>")
                    .append(escape(q.firstDay())).append(q.firstDay() != null && q.firstDay().equals(q.lastDay())
                            ? "" : " \u2013 " + escape(q.lastDay()))
                    .append("</td><td><span class=\"excerpt\">").append(escape(q.exampleRecordId())).append(": ")
                    .append(escape(q.exampleExcerpt())).append("</span></td></tr>\n");
        }
        html.append("</tbody></table>\n</section>\n");
    }

    private static void runs(StringBuilder html, DashboardData data) {
        html.append("<section id=\"runs\"><h2>Batch runs</h2>\n");
        if (data.runs().isEmpty()) {
            html.append("<p class=\"empty\">No runs recorded.</p></section>\n");
            return;
        }
        html.append("<table><thead><tr><th>Run</th><th>Day</th><th class=\"num\">Read</th><th class=\"num\">Scored</th>")
                .append("<th class=\"num\">Quarantined</th><th>Adds up</th></tr></thead><tbody>\n");
        for (DashboardData.Run r : data.runs()) {
            html.append("<tr data-run=\"").append(escape(r.runId())).append("\" data-reconciled=\"").append(r.reconciled())
                    .append("\"><td>").append(escape(r.runId())).append("</td><td>").append(escape(r.runOn()))
                    .append("</td><td class=\"num\">").append(r.read()).append("</td><td class=\"num\">").append(r.scored())
                    .append("</td><td class=\"num\">").append(r.quarantined()).append("</td><td>")
                    .append(r.reconciled() ? "<span class=\"ok\">yes</span>" : "<span class=\"bad\">no</span>")
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</section>\n");
    }

    private static String previousWeek(String weekStart) {
        return LocalDate.parse(weekStart).minusDays(7).toString();
    }
}
