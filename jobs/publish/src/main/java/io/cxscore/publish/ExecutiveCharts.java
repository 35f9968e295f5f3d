package io.cxscore.publish;

import static io.cxscore.publish.HtmlText.change;
import static io.cxscore.publish.HtmlText.data;
import static io.cxscore.publish.HtmlText.escape;
import static io.cxscore.publish.HtmlText.number;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The executive view: the weekly CX trend of every team, channel, cohort and handler (AI, human, AI
 * then human), one small chart per dimension with a line and a 95% interval band per segment, and the
 * week-over-week change of each segment's mean. Drawn in Java as inline SVG, like {@link SvgCharts}.
 */
final class ExecutiveCharts {
    static final List<String> DIMENSIONS = List.of("team", "channel", "cohort", "handled_by");
    static final String CSS = """
            .small-multiples{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:12px}
            figure.segment-chart{margin:0}figure.segment-chart figcaption{font-weight:600;font-size:.9rem}
            .legend small{font-size:.8rem}
            """;
    private static final List<String> PALETTE =
            List.of("#1f4e79", "#c0504d", "#2e8b57", "#d08c00", "#7a4fa0", "#008b8b", "#8b4513", "#555555");
    private static final int WIDTH = 480;
    private static final int HEIGHT = 230;
    private static final int LEFT = 40;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;

    private ExecutiveCharts() {}

    static String section(DashboardData data) {
        StringBuilder html = new StringBuilder("<section id=\"executive\"><h2>Weekly CX by segment</h2>\n");
        List<String> weeks = data.weeks();
        if (weeks.isEmpty()) return html.append("<p class=\"empty\">No scored conversations yet.</p></section>\n").toString();
        html.append("<p>Mean CX per week for each segment; each band is that segment's 95% confidence interval."
                + " The scale is zoomed to the data, so compare the labels, not the heights, across charts."
                + " The change is this week against the calendar week before.</p>\n<div class=\"small-multiples\">\n");
        for (String dimension : DIMENSIONS) html.append(chart(data, weeks, dimension));
        return html.append("</div>\n</section>\n").toString();
    }

    private static String chart(DashboardData data, List<String> weeks, String dimension) {
        Set<String> values = new LinkedHashSet<>();
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (DashboardData.CxWeek r : data.cxWeekly()) {
            if (!r.dimension().equals(dimension)) continue;
            values.add(r.value());
            low = Math.min(low, r.ciLow() == null ? r.mean() : r.ciLow());
            high = Math.max(high, r.ciHigh() == null ? r.mean() : r.ciHigh());
        }
        String title = "By " + dimension.replace('_', ' ');
        StringBuilder out = new StringBuilder("<figure class=\"segment-chart\" data-dimension=\"" + escape(dimension)
                + "\"><figcaption>" + escape(title) + "</figcaption>\n");
        if (values.isEmpty()) return out.append("<p class=\"empty\">No segments.</p></figure>\n").toString();
        // the range snapped to round gridlines (quarter points, half points past two points of spread),
        // within the 1-5 scale and at least half a point tall
        double step = high - low > 2 ? 0.5 : 0.25;
        double min = Math.max(1, Math.floor(low / step) * step);
        double max = Math.min(5, Math.ceil(high / step) * step);
        if (max - min < 0.5) {
            if (max + 0.25 <= 5) max += 0.25;
            if (max - min < 0.5) min = Math.max(1, max - 0.5);
        }
        out.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape("Weekly mean CX " + title.toLowerCase(Locale.ROOT)))
                .append("\">\n");
        int steps = (int) Math.round((max - min) / step);
        for (int i = 0; i <= steps; i++) {
            double v = min + step * i;
            double py = y(v, min, max);
            out.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(py)).append("\" y2=\"").append(fmt(py)).append("\" stroke=\"#e3e3e3\"/>")
                    .append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(fmt(py + 4))
                    .append("\" text-anchor=\"end\" class=\"tick\">").append(String.format(Locale.ROOT, "%.2f", v))
                    .append("</text>\n");
        }
        for (int i = 0; i < weeks.size(); i++) {
            String iso = data.cx(weeks.get(i), "overall", "all").map(DashboardData.CxWeek::isoWeek).orElse(weeks.get(i));
            out.append("<text x=\"").append(fmt(x(i, weeks.size()))).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"middle\" class=\"tick\">").append(escape(iso.replaceFirst("^\\d{4}-", "")))
                    .append("</text>\n");
        }
        List<String> valueList = new ArrayList<>(values);
        StringBuilder marks = new StringBuilder();
        for (int v = 0; v < valueList.size(); v++) {
            String value = valueList.get(v);
            String colour = PALETTE.get(v % PALETTE.size());
            List<String> upper = new ArrayList<>();
            List<String> lower = new ArrayList<>();
            List<String> line = new ArrayList<>();
            for (int i = 0; i < weeks.size(); i++) {
                Optional<DashboardData.CxWeek> row = data.cx(weeks.get(i), dimension, value);
                if (row.isEmpty()) continue;
                DashboardData.CxWeek r = row.get();
                double px = x(i, weeks.size());
                upper.add(fmt(px) + "," + fmt(y(clamp(r.ciHigh() == null ? r.mean() : r.ciHigh(), min, max), min, max)));
                lower.add(0, fmt(px) + "," + fmt(y(clamp(r.ciLow() == null ? r.mean() : r.ciLow(), min, max), min, max)));
                double py = y(r.mean(), min, max);
                line.add(fmt(px) + "," + fmt(py));
                marks.append("<circle class=\"segment-point\" cx=\"").append(fmt(px)).append("\" cy=\"").append(fmt(py))
                        .append("\" r=\"3\" fill=\"").append(colour)
                        .append("\" data-dimension=\"").append(escape(dimension))
                        .append("\" data-value=\"").append(escape(value))
                        .append("\" data-week=\"").append(escape(r.weekStart()))
                        .append("\" data-n=\"").append(r.count())
                        .append("\" data-mean-cx=\"").append(data(r.mean()))
                        .append("\" data-ci95-low=\"").append(data(r.ciLow()))
                        .append("\" data-ci95-high=\"").append(data(r.ciHigh()))
                        .append("\"><title>").append(escape(value + " " + r.isoWeek() + ": mean CX " + number(r.mean())
                                + " (95% CI " + number(r.ciLow()) + "\u2013" + number(r.ciHigh()) + "), n=" + r.count()))
                        .append("</title></circle>\n");
            }
            List<String> band = new ArrayList<>(upper);
            band.addAll(lower);
            out.append("<polygon class=\"segment-band\" data-dimension=\"").append(escape(dimension))
                    .append("\" data-value=\"").append(escape(value)).append("\" points=\"").append(String.join(" ", band))
                    .append("\" fill=\"").append(colour).append("\" fill-opacity=\"0.12\" stroke=\"none\"/>\n");
            if (line.size() > 1) {
                out.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                        .append(String.join(" ", line)).append("\"/>\n");
            }
        }
        out.append(marks).append("</svg>\n<p class=\"legend\">");
        String latest = weeks.get(weeks.size() - 1);
        String previous = LocalDate.parse(latest).minusDays(7).toString();
        for (int v = 0; v < valueList.size(); v++) {
            String value = valueList.get(v);
            Optional<DashboardData.CxWeek> now = data.cx(latest, dimension, value);
            Double wow = now.flatMap(r -> data.cx(previous, dimension, value).map(p -> r.mean() - p.mean())).orElse(null);
            out.append("<span data-dimension=\"").append(escape(dimension)).append("\" data-value=\"").append(escape(value))
                    .append("\" data-wow-change=\"").append(data(wow)).append("\"><i style=\"background:")
                    .append(PALETTE.get(v % PALETTE.size())).append("\"></i>").append(escape(value)).append(' ')
                    .append(now.map(r -> number(r.mean())).orElse("\u2013")).append(" <small class=\"")
                    .append(wow == null ? "" : wow < 0 ? "bad" : "ok").append("\">(").append(change(wow))
                    .append(")</small></span>");
        }
        return out.append("</p>\n</figure>\n").toString();
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double x(int index, int count) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (index + 0.5) / count;
    }

    private static double y(double value, double min, double max) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (max - value) / (max - min);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
