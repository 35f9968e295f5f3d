package io.cxscore.publish;

import static io.cxscore.publish.HtmlText.data;
import static io.cxscore.publish.HtmlText.escape;
import static io.cxscore.publish.HtmlText.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Inline SVG charts drawn in Java, so the dashboard needs no script and no network. Every mark
 * carries its numbers in {@code data-*} attributes and a {@code <title>} tooltip.
 */
final class SvgCharts {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 280;
    private static final int LEFT = 44;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;

    /** The lines of the CX trend: the overall series gets the confidence band. */
    record Series(String key, String label, String dimension, String value, String colour) {}

    static final List<Series> TREND_SERIES = List.of(
            new Series("overall", "All conversations", "overall", "all", "#1f4e79"),
            new Series("ai", "AI agent", "handled_by", "ai", "#2e8b57"),
            new Series("human", "Human agent", "handled_by", "human", "#c0504d"));

    private static final List<String> DRIVERS = List.of("resolution", "sentiment_shift", "effort");
    private static final List<String> DRIVER_COLOURS = List.of("#1f4e79", "#d08c00", "#7a4fa0");

    private SvgCharts() {}

    static String cxTrend(DashboardData data) {
        List<String> weeks = data.weeks();
        if (weeks.isEmpty()) return "<p class=\"empty\">No scored conversations yet.</p>";
        StringBuilder svg = open("Weekly mean CX score with 95% confidence interval");
        axisY(svg, 1, 5, 4, "%.0f");
        axisX(svg, data, weeks);

        // confidence band of the overall mean: upper edge forwards, lower edge back
        List<String> upper = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            Optional<DashboardData.CxWeek> row = data.cx(weeks.get(i), "overall", "all");
            if (row.isEmpty()) continue;
            DashboardData.CxWeek r = row.get();
            double hi = r.ciHigh() == null ? r.mean() : Math.min(5, r.ciHigh());
            double lo = r.ciLow() == null ? r.mean() : Math.max(1, r.ciLow());
            upper.add(point(x(i, weeks.size()), y(hi, 1, 5)));
            lower.add(0, point(x(i, weeks.size()), y(lo, 1, 5)));
        }
        List<String> band = new ArrayList<>(upper);
        band.addAll(lower);
        svg.append("<polygon class=\"ci-band\" data-series=\"overall\" points=\"").append(String.join(" ", band))
                .append("\" fill=\"#1f4e79\" fill-opacity=\"0.15\" stroke=\"none\"/>\n");

        for (Series series : TREND_SERIES) {
            List<String> line = new ArrayList<>();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < weeks.size(); i++) {
                Optional<DashboardData.CxWeek> row = data.cx(weeks.get(i), series.dimension(), series.value());
                if (row.isEmpty()) continue;
                DashboardData.CxWeek r = row.get();
                double px = x(i, weeks.size());
                double py = y(r.mean(), 1, 5);
                line.add(point(px, py));
                points.append("<circle class=\"point\" cx=\"").append(fmt(px)).append("\" cy=\"").append(fmt(py))
                        .append("\" r=\"4\" fill=\"").append(series.colour())
                        .append("\" data-series=\"").append(series.key())
                        .append("\" data-week=\"").append(escape(r.weekStart()))
                        .append("\" data-n=\"").append(r.count())
                        .append("\" data-mean-cx=\"").append(data(r.mean()))
                        .append("\" data-ci95-low=\"").append(data(r.ciLow()))
                        .append("\" data-ci95-high=\"").append(data(r.ciHigh()))
                        .append("\"><title>").append(escape(series.label() + " " + r.isoWeek() + ": mean CX "
                                + number(r.mean()) + " (95% CI " + number(r.ciLow()) + "\u2013" + number(r.ciHigh())
                                + "), n=" + r.count()))
                        .append("</title></circle>\n");
            }
            if (line.size() > 1) {
                svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(series.colour())
                        .append("\" data-series=\"").append(series.key()).append("\" points=\"")
                        .append(String.join(" ", line)).append("\"/>\n");
            }
            svg.append(points);
        }
        svg.append("</svg>\n");
        return svg + legend(TREND_SERIES.stream().map(s -> new String[] {s.label(), s.colour()}).toList());
    }

    static String driverBars(DashboardData data) {
        List<String> weeks = data.weeks();
        if (data.drivers().isEmpty()) return "<p class=\"empty\">No scored conversations yet.</p>";
        double extent = 0.1;
        for (DashboardData.DriverWeek d : data.drivers()) extent = Math.max(extent, Math.abs(d.meanContribution()));
        extent = Math.ceil(extent * 10) / 10;

        StringBuilder svg = open("Mean points each driver added to the CX score, per week");
        axisY(svg, -extent, extent, 4, "%+.2f");
        axisX(svg, data, weeks);
        double zero = y(0, -extent, extent);
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(fmt(zero)).append("\" y2=\"").append(fmt(zero)).append("\" stroke=\"#555\"/>\n");

        double slot = (WIDTH - LEFT - RIGHT) / (double) weeks.size();
        double barWidth = Math.min(28, slot * 0.8 / DRIVERS.size());
        for (DashboardData.DriverWeek d : data.drivers()) {
            int week = weeks.indexOf(d.weekStart());
            int driver = DRIVERS.indexOf(d.driver());
            if (week < 0 || driver < 0) continue;
            double centre = x(week, weeks.size());
            double bx = centre - barWidth * DRIVERS.size() / 2 + driver * barWidth;
            double top = y(Math.max(0, d.meanContribution()), -extent, extent);
            double bottom = y(Math.min(0, d.meanContribution()), -extent, extent);
            svg.append("<rect class=\"bar\" x=\"").append(fmt(bx)).append("\" y=\"").append(fmt(top))
                    .append("\" width=\"").append(fmt(barWidth - 2)).append("\" height=\"")
                    .append(fmt(Math.max(0.5, bottom - top))).append("\" fill=\"").append(DRIVER_COLOURS.get(driver))
                    .append("\" data-week=\"").append(escape(d.weekStart()))
                    .append("\" data-driver=\"").append(escape(d.driver()))
                    .append("\" data-mean-contribution=\"").append(data(d.meanContribution()))
                    .append("\" data-wow-change=\"").append(data(d.wowChange()))
                    .append("\"><title>").append(escape(d.driver() + " " + d.isoWeek() + ": "
                            + HtmlText.change(d.meanContribution()) + " points (week over week "
                            + HtmlText.change(d.wowChange()) + ")"))
                    .append("</title></rect>\n");
        }
        svg.append("</svg>\n");
        List<String[]> items = new ArrayList<>();
        for (int i = 0; i < DRIVERS.size(); i++) items.add(new String[] {DRIVERS.get(i), DRIVER_COLOURS.get(i)});
        return svg + legend(items);
    }

    private static StringBuilder open(String label) {
        return new StringBuilder("<svg class=\"chart\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" role=\"img\""
                + " aria-label=\"" + escape(label) + "\">\n<title>" + escape(label) + "</title>\n");
    }

    private static void axisY(StringBuilder svg, double min, double max, int steps, String format) {
        for (int i = 0; i <= steps; i++) {
            double v = min + (max - min) * i / steps;
            double py = y(v, min, max);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(py)).append("\" y2=\"").append(fmt(py)).append("\" stroke=\"#e3e3e3\"/>")
                    .append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(py + 4))
                    .append("\" text-anchor=\"end\" class=\"tick\">")
                    .append(String.format(Locale.ROOT, format, v)).append("</text>\n");
        }
    }

    private static void axisX(StringBuilder svg, DashboardData data, List<String> weeks) {
        for (int i = 0; i < weeks.size(); i++) {
            String iso = data.cx(weeks.get(i), "overall", "all").map(DashboardData.CxWeek::isoWeek).orElse(weeks.get(i));
            svg.append("<text x=\"").append(fmt(x(i, weeks.size()))).append("\" y=\"").append(HEIGHT - BOTTOM + 18)
                    .append("\" text-anchor=\"middle\" class=\"tick\">").append(escape(iso)).append("</text>\n");
        }
    }

    private static String legend(List<String[]> items) {
        StringBuilder out = new StringBuilder("<p class=\"legend\">");
        for (String[] item : items) {
            out.append("<span><i style=\"background:").append(item[1]).append("\"></i>").append(escape(item[0]))
                    .append("</span>");
        }
        return out.append("</p>\n").toString();
    }

    private static double x(int index, int count) {
        double inner = WIDTH - LEFT - RIGHT;
        return LEFT + inner * (index + 0.5) / count;
    }

    private static double y(double value, double min, double max) {
        double inner = HEIGHT - TOP - BOTTOM;
        return TOP + inner * (max - value) / (max - min);
    }

    private static String point(double x, double y) {
        return fmt(x) + "," + fmt(y);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
