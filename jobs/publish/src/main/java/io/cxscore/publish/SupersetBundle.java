package io.cxscore.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Superset import bundle (export format v1) for the warehouse marts: one DuckDB database, a dataset
 * per mart, the charts of the HTML dashboard's views, and one dashboard laying them out.
 *
 * <p>The layout follows Superset's importer ({@code superset/commands/importers/v1}): a ZIP with one
 * top-level folder holding {@code metadata.yaml} (version 1.0.0, type Dashboard) and
 * {@code databases/}, {@code datasets/<database>/}, {@code charts/} and {@code dashboards/} YAML.
 * Every UUID is a version-5 UUID of the database name and the object's name, so the same warehouse
 * always exports the same UUIDs and an import with overwrite replaces, never duplicates. It targets
 * Superset {@value #TARGET_SUPERSET_VERSION}; see the README for what was and was not tested.
 *
 * <p>The database is opened read-only by Superset ({@code connect_args.read_only}): DuckDB allows one
 * writer or many readers per file, and the warehouse build never writes the published file but renames
 * a new one over it, so Superset's readers keep reading the old file until they reconnect.
 *
 * <pre>{@code
 * SupersetBundle bundle = SupersetBundle.describe(Path.of("out/cx.duckdb"), "/srv/cx/cx.duckdb", "cx-warehouse", Instant.now());
 * bundle.writeTo(Path.of("out/superset/cx-superset.zip"));
 * }</pre>
 */
public final class SupersetBundle {
    /** The Superset release line whose import schemas this bundle follows. */
    public static final String TARGET_SUPERSET_VERSION = "4.1";
    public static final String ROOT_FOLDER = "cx_superset_bundle";
    private static final String EXPORT_VERSION = "1.0.0";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A mart as a Superset dataset: its time column and the metrics the charts use. */
    record DatasetView(String table, String timeColumn, String description, List<Metric> metrics) {}

    record Metric(String name, String label, String expression, String format) {}

    /** One chart: which mart, which Superset visualisation, its form data, and where it sits. */
    record ChartView(String key, String title, String description, String table, String vizType,
                     Map<String, Object> formData, String section, int width) {}

    private static final List<DatasetView> DATASETS = List.of(
            new DatasetView("mart_cx_weekly", "week_start",
                    "One row per ISO week x dimension (overall, team, channel, cohort, handled_by) x value: mean CX 1-5 with its 95% CI.",
                    List.of(new Metric("mean_cx", "Mean CX",
                                    "SUM(mean_cx * count_conversations) / SUM(count_conversations)", ".2f"),
                            // one mart row per chart point (one dimension value per week), so MIN/MAX return that row's bound
                            new Metric("ci95_low", "95% CI low", "MIN(ci95_low)", ".2f"),
                            new Metric("ci95_high", "95% CI high", "MAX(ci95_high)", ".2f"),
                            new Metric("conversations", "Conversations", "SUM(count_conversations)", ",d"))),
            new DatasetView("mart_drivers_weekly", "week_start",
                    "One row per ISO week x driver: mean points the driver added to the CX score, the week before, and the change.",
                    List.of(new Metric("mean_contribution", "Mean points",
                                    "SUM(mean_contribution * count_conversations) / SUM(count_conversations)", "+.2f"),
                            new Metric("wow_change", "Change vs week before", "SUM(wow_change)", "+.2f"))),
            new DatasetView("mart_resolution_weekly", "week_start",
                    "One row per ISO week x dimension x value: counts by resolution label, resolution and escalation rates.",
                    List.of(new Metric("resolution_rate", "Resolved",
                                    "SUM(resolution_rate * count_conversations) / SUM(count_conversations)", ".1%"),
                            new Metric("escalation_rate", "Escalated",
                                    "SUM(escalation_rate * count_conversations) / SUM(count_conversations)", ".1%"))),
            new DatasetView("mart_quarantine_summary", null,
                    "One row per source x field x reason of quarantined input records.", List.of()),
            new DatasetView("mart_runs", null,
                    "One row per batch run: read, scored, quarantined, and whether read = scored + quarantined.", List.of()),
            new DatasetView("mart_drilldown_conversations", "week_start",
                    "Per ISO week and handler, the two lowest-CX conversations and the highest, with scores and evidence.",
                    List.of()),
            new DatasetView("mart_drilldown_messages", null,
                    "The example conversations' messages, text redacted at build time, evidence turns flagged.", List.of()));

    private static final List<ChartView> CHARTS = List.of(
            new ChartView("cx-trend", "Weekly CX score with 95% CI",
                    "Mean CX 1-5 of every scored conversation, with the bounds of its 95% confidence interval.",
                    "mart_cx_weekly", "echarts_timeseries_line",
                    timeseries(List.of("mean_cx", "ci95_low", "ci95_high"), List.of(), "overall"),
                    "Executive view", 8),
            new ChartView("cx-latest-segments", "CX by segment, every week",
                    "Each week's mean CX, CI and volume per team, channel, cohort and AI vs human.",
                    "mart_cx_weekly", "table",
                    rawTable(List.of("iso_week", "dimension", "dimension_value", "count_conversations", "mean_cx",
                            "ci95_low", "ci95_high", "share_cx_1_2", "share_cx_4_5"), "week_start desc", "dimension asc"),
                    "Executive view", 4),
            new ChartView("cx-ai-vs-human", "Weekly CX: AI vs human agents", "Mean CX by who handled the conversation.",
                    "mart_cx_weekly", "echarts_timeseries_line",
                    timeseries(List.of("mean_cx"), List.of("dimension_value"), "handled_by"), "Executive view", 6),
            new ChartView("cx-by-team", "Weekly CX by team", "Mean CX per team.",
                    "mart_cx_weekly", "echarts_timeseries_line",
                    timeseries(List.of("mean_cx"), List.of("dimension_value"), "team"), "Executive view", 6),
            new ChartView("cx-by-channel", "Weekly CX by channel", "Mean CX per channel.",
                    "mart_cx_weekly", "echarts_timeseries_line",
                    timeseries(List.of("mean_cx"), List.of("dimension_value"), "channel"), "Executive view", 6),
            new ChartView("cx-by-cohort", "Weekly CX by cohort", "Mean CX per customer cohort.",
                    "mart_cx_weekly", "echarts_timeseries_line",
                    timeseries(List.of("mean_cx"), List.of("dimension_value"), "cohort"), "Executive view", 6),
            new ChartView("drivers-weekly", "What drives the score, per week",
                    "Mean points resolution, sentiment shift and effort added to (or took from) the CX score.",
                    "mart_drivers_weekly", "echarts_timeseries_bar",
                    timeseries(List.of("mean_contribution"), List.of("driver"), null), "Drivers", 8),
            new ChartView("drivers-wow", "Which driver moved, week over week",
                    "Each driver's change against the calendar week before; rank 1 moved most.",
                    "mart_drivers_weekly", "table",
                    rawTable(List.of("iso_week", "driver", "mean_contribution", "previous_week_mean_contribution",
                            "wow_change", "rank_abs_wow_change"), "week_start desc", "rank_abs_wow_change asc"),
                    "Drivers", 4),
            new ChartView("resolution-weekly", "Resolution and escalation rates",
                    "Share of scored conversations resolved, and escalated to the team that can solve them.",
                    "mart_resolution_weekly", "echarts_timeseries_line",
                    timeseries(List.of("resolution_rate", "escalation_rate"), List.of(), "overall"),
                    "Drivers", 12),
            new ChartView("quarantine", "Quarantined input records",
                    "Records that could not be read, grouped by source, field and reason; never dropped.",
                    "mart_quarantine_summary", "table",
                    rawTable(List.of("source", "field", "reason", "count_records", "first_quarantined_on",
                            "last_quarantined_on", "example_record_id"), "count_records desc"),
                    "Data quality", 7),
            new ChartView("runs", "Batch runs: read = scored + quarantined",
                    "Every batch run's counts and whether they add up.",
                    "mart_runs", "table",
                    rawTable(List.of("run_id", "run_on", "count_read", "count_scored", "count_quarantined",
                            "is_reconciled"), "run_on desc"),
                    "Data quality", 5),
            new ChartView("drilldown-conversations", "Conversations to read",
                    "Per week and handler, the two lowest-CX conversations and the highest, with what drove each score.",
                    "mart_drilldown_conversations", "table",
                    rawTable(List.of("iso_week", "handled_by", "selection", "conversation_id", "cx_score", "resolution",
                            "sentiment_shift", "effort", "team", "channel", "explanation"), "week_start desc", "cx_score asc"),
                    "Drill-down", 12),
            new ChartView("drilldown-turns", "Their turns, redacted, evidence flagged",
                    "Every message of those conversations; filter on conversation_id to read one.",
                    "mart_drilldown_messages", "table",
                    rawTable(List.of("conversation_id", "message_index", "role", "text_redacted", "is_resolution_evidence",
                            "is_sentiment_evidence", "is_effort_evidence"), "conversation_id asc", "message_index asc"),
                    "Drill-down", 12));

    private final Map<String, String> files;
    private final UUID databaseUuid;
    private final UUID dashboardUuid;
    private final String dashboardTitle;
    private final String dashboardSlug;
    private final List<String> chartTitles;

    private SupersetBundle(Map<String, String> files, UUID databaseUuid, UUID dashboardUuid, String dashboardTitle,
                           String dashboardSlug, List<String> chartTitles) {
        this.files = files;
        this.databaseUuid = databaseUuid;
        this.dashboardUuid = dashboardUuid;
        this.dashboardTitle = dashboardTitle;
        this.dashboardSlug = dashboardSlug;
        this.chartTitles = chartTitles;
    }

    /**
     * Describes the marts in {@code database} (opened read-only, for their column names and types) as a
     * bundle whose database entry points Superset at {@code databasePathForSuperset}: the published
     * file as Superset's host sees it, which differs from {@code database} when Superset runs in a
     * container or on another machine with the file mounted.
     *
     * @param databaseName Superset's name for the database; every UUID derives from it, so two
     *     warehouses published under two names get two separate dashboards
     */
    public static SupersetBundle describe(Path database, String databasePathForSuperset, String databaseName,
                                          Instant exportedAt) throws SQLException {
        if (!databasePathForSuperset.startsWith("/")) {
            throw new IllegalArgumentException("Superset needs the absolute path of the DuckDB file, got "
                    + databasePathForSuperset);
        }
        Map<String, List<Map<String, Object>>> columns = new LinkedHashMap<>();
        try (Connection c = DuckDbConnections.openReadOnly(database)) {
            for (DatasetView view : DATASETS) columns.put(view.table(), columnsOf(c, view));
        }

        String namespace = "urn:cx:superset:" + databaseName;
        UUID databaseUuid = uuid(namespace, "database");
        String dashboardTitle = "CX score (" + databaseName + ")";
        String slug = "cx-score-" + databaseName.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        UUID dashboardUuid = uuid(namespace, "dashboard");
        String folderName = databaseName.replaceAll("[^A-Za-z0-9_-]+", "_");

        Map<String, String> files = new LinkedHashMap<>();
        files.put("metadata.yaml", yaml(metadata(exportedAt)));
        files.put("databases/" + folderName + ".yaml", yaml(databaseYaml(databaseName, databasePathForSuperset, databaseUuid)));
        Map<String, UUID> datasetUuids = new LinkedHashMap<>();
        for (DatasetView view : DATASETS) {
            UUID datasetUuid = uuid(namespace, "dataset:" + view.table());
            datasetUuids.put(view.table(), datasetUuid);
            files.put("datasets/" + folderName + "/" + view.table() + ".yaml",
                    yaml(datasetYaml(view, columns.get(view.table()), datasetUuid, databaseUuid)));
        }
        Map<String, UUID> chartUuids = new LinkedHashMap<>();
        for (ChartView chart : CHARTS) {
            UUID chartUuid = uuid(namespace, "chart:" + chart.key());
            chartUuids.put(chart.key(), chartUuid);
            files.put("charts/" + chart.key() + ".yaml", yaml(chartYaml(chart, chartUuid, datasetUuids.get(chart.table()))));
        }
        files.put("dashboards/" + slug + ".yaml", yaml(dashboardYaml(dashboardTitle, slug, dashboardUuid, chartUuids)));
        return new SupersetBundle(Collections.unmodifiableMap(files), databaseUuid, dashboardUuid, dashboardTitle,
                slug, CHARTS.stream().map(ChartView::title).toList());
    }

    /** Bundle paths (below the top-level folder) to YAML text, in the order they are zipped. */
    public Map<String, String> files() {
        return files;
    }

    public UUID databaseUuid() {
        return databaseUuid;
    }

    public UUID dashboardUuid() {
        return dashboardUuid;
    }

    public String dashboardTitle() {
        return dashboardTitle;
    }

    /** The dashboard's slug, by which the REST API finds it after an import. */
    public String dashboardSlug() {
        return dashboardSlug;
    }

    public List<String> chartTitles() {
        return List.copyOf(chartTitles);
    }

    /** The ZIP Superset imports: every file under one top-level folder, as its importer requires. */
    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(ROOT_FOLDER + "/" + file.getKey());
                entry.setTime(0); // same bundle, same bytes
                zip.putNextEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory ZIP", e);
        }
        return bytes.toByteArray();
    }

    /** Writes the ZIP beside the target first, so nobody uploads half a bundle. */
    public void writeTo(Path zipFile) throws IOException {
        Path target = zipFile.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.write(partial, zip());
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static UUID uuid(String namespace, String name) {
        return NameBasedUuid.v5(NameBasedUuid.URL_NAMESPACE, namespace + ":" + name);
    }

    private static Map<String, Object> metadata(Instant exportedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", EXPORT_VERSION);
        m.put("type", "Dashboard");
        m.put("timestamp", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(exportedAt.atOffset(ZoneOffset.UTC)));
        return m;
    }

    private static Map<String, Object> databaseYaml(String name, String path, UUID uuid) {
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("database_name", name);
        // duckdb:/// plus an absolute path: four slashes in all
        db.put("sqlalchemy_uri", "duckdb:///" + path);
        db.put("cache_timeout", null);
        db.put("expose_in_sqllab", true);
        db.put("allow_run_async", false);
        db.put("allow_ctas", false);
        db.put("allow_cvas", false);
        db.put("allow_dml", false);
        db.put("allow_file_upload", false);
        // read-only: several charts opening the file at once would otherwise fight for DuckDB's write lock
        db.put("extra", Map.of("engine_params", Map.of("connect_args", Map.of("read_only", true)),
                "metadata_params", Map.of(), "schemas_allowed_for_file_upload", List.of()));
        db.put("uuid", uuid.toString());
        db.put("version", EXPORT_VERSION);
        return db;
    }

    private static List<Map<String, Object>> columnsOf(Connection c, DatasetView view) throws SQLException {
        List<Map<String, Object>> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select column_name, data_type from information_schema.columns
                where table_schema = 'main' and table_name = ? order by ordinal_position""")) {
            s.setString(1, view.table());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    Map<String, Object> col = new LinkedHashMap<>();
                    col.put("column_name", rs.getString(1));
                    col.put("verbose_name", null);
                    col.put("is_dttm", type.startsWith("DATE") || type.startsWith("TIMESTAMP"));
                    col.put("is_active", true);
                    col.put("type", type);
                    col.put("groupby", true);
                    col.put("filterable", true);
                    col.put("expression", null);
                    col.put("description", null);
                    col.put("python_date_format", null);
                    columns.add(col);
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("the database has no table " + view.table()
                    + ": build it with `cx warehouse` from this version's warehouse/ models");
        }
        return columns;
    }

    private static Map<String, Object> datasetYaml(DatasetView view, List<Map<String, Object>> columns, UUID uuid,
                                                   UUID databaseUuid) {
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("table_name", view.table());
        ds.put("main_dttm_col", view.timeColumn());
        ds.put("description", view.description());
        ds.put("default_endpoint", null);
        ds.put("offset", 0);
        ds.put("cache_timeout", null);
        ds.put("schema", "main");
        ds.put("sql", null);
        ds.put("params", null);
        ds.put("template_params", null);
        ds.put("filter_select_enabled", true);
        ds.put("fetch_values_predicate", null);
        ds.put("extra", null);
        ds.put("normalize_columns", false);
        ds.put("uuid", uuid.toString());
        List<Map<String, Object>> metrics = new ArrayList<>();
        Map<String, Object> count = new LinkedHashMap<>();
        count.put("metric_name", "count");
        count.put("verbose_name", "Rows");
        count.put("metric_type", "count");
        count.put("expression", "COUNT(*)");
        count.put("description", null);
        count.put("d3format", null);
        count.put("warning_text", null);
        metrics.add(count);
        for (Metric m : view.metrics()) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("metric_name", m.name());
            metric.put("verbose_name", m.label());
            metric.put("metric_type", null);
            metric.put("expression", m.expression());
            metric.put("description", null);
            metric.put("d3format", m.format());
            metric.put("warning_text", null);
            metrics.add(metric);
        }
        ds.put("metrics", metrics);
        ds.put("columns", columns);
        ds.put("version", EXPORT_VERSION);
        ds.put("database_uuid", databaseUuid.toString());
        return ds;
    }

    private static Map<String, Object> chartYaml(ChartView chart, UUID uuid, UUID datasetUuid) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("slice_name", chart.title());
        c.put("description", chart.description());
        c.put("certified_by", null);
        c.put("certification_details", null);
        c.put("viz_type", chart.vizType());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("viz_type", chart.vizType());
        params.putAll(chart.formData());
        // the importer points params.datasource at the imported dataset, so none is given here
        c.put("params", params);
        c.put("query_context", null);
        c.put("cache_timeout", null);
        c.put("uuid", uuid.toString());
        c.put("version", EXPORT_VERSION);
        c.put("dataset_uuid", datasetUuid.toString());
        return c;
    }

    private static Map<String, Object> timeseries(List<String> metrics, List<String> groupBy, String dimension) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("x_axis", "week_start");
        f.put("time_grain_sqla", "P1W");
        f.put("x_axis_sort_asc", true);
        f.put("metrics", metrics);
        f.put("groupby", groupBy);
        List<Map<String, Object>> filters = new ArrayList<>();
        if (dimension != null) {
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("clause", "WHERE");
            filter.put("expressionType", "SIMPLE");
            filter.put("subject", "dimension");
            filter.put("operator", "==");
            filter.put("comparator", dimension);
            filters.add(filter);
        }
        f.put("adhoc_filters", filters);
        f.put("row_limit", 10000);
        f.put("show_legend", true);
        f.put("rich_tooltip", true);
        f.put("markerEnabled", true);
        f.put("y_axis_format", "SMART_NUMBER");
        return f;
    }

    /** @param orderBy "column asc" or "column desc", first key first */
    private static Map<String, Object> rawTable(List<String> columns, String... orderBy) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("query_mode", "raw");
        f.put("all_columns", columns);
        List<String> order = new ArrayList<>();
        for (String key : orderBy) {
            String[] parts = key.split(" ");
            // Superset stores each key as the JSON text of [column, ascending]
            order.add("[\"" + parts[0] + "\", " + parts[1].equals("asc") + "]");
        }
        f.put("order_by_cols", order);
        f.put("adhoc_filters", List.of());
        f.put("row_limit", 1000);
        f.put("server_pagination", false);
        f.put("table_timestamp_format", "%Y-%m-%d");
        return f;
    }

    private static Map<String, Object> dashboardYaml(String title, String slug, UUID uuid, Map<String, UUID> chartUuids) {
        Map<String, Object> position = new LinkedHashMap<>();
        position.put("DASHBOARD_VERSION_KEY", "v2");
        List<String> gridChildren = new ArrayList<>();
        position.put("ROOT_ID", node("ROOT", "ROOT_ID", List.of("GRID_ID"), List.of(), null));
        position.put("GRID_ID", node("GRID", "GRID_ID", gridChildren, List.of("ROOT_ID"), null));
        position.put("HEADER_ID", node("HEADER", "HEADER_ID", null, null, Map.of("text", title)));

        int chartId = 0;
        int rowNumber = 0;
        String section = null;
        List<String> row = null;
        int rowWidth = 0;
        for (ChartView chart : CHARTS) {
            if (!chart.section().equals(section)) {
                section = chart.section();
                String markdownRow = "ROW-" + (++rowNumber);
                String markdownId = "MARKDOWN-" + section.toLowerCase().replaceAll("[^a-z0-9]+", "-");
                gridChildren.add(markdownRow);
                position.put(markdownRow, node("ROW", markdownRow, List.of(markdownId), List.of("ROOT_ID", "GRID_ID"),
                        Map.of("background", "BACKGROUND_TRANSPARENT")));
                position.put(markdownId, node("MARKDOWN", markdownId, List.of(), List.of("ROOT_ID", "GRID_ID", markdownRow),
                        Map.of("width", 12, "height", 8, "code", "## " + section)));
                row = null;
            }
            if (row == null || rowWidth + chart.width() > 12) {
                String rowId = "ROW-" + (++rowNumber);
                gridChildren.add(rowId);
                row = new ArrayList<>();
                position.put(rowId, node("ROW", rowId, row, List.of("ROOT_ID", "GRID_ID"),
                        Map.of("background", "BACKGROUND_TRANSPARENT")));
                rowWidth = 0;
            }
            String rowId = "ROW-" + rowNumber;
            String nodeId = "CHART-" + chart.key();
            row.add(nodeId);
            rowWidth += chart.width();
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("width", chart.width());
            meta.put("height", 50);
            // both: Superset's importer looks charts up by uuid and rewrites chartId to the new id
            meta.put("chartId", ++chartId);
            meta.put("uuid", chartUuids.get(chart.key()).toString());
            meta.put("sliceName", chart.title());
            position.put(nodeId, node("CHART", nodeId, List.of(), List.of("ROOT_ID", "GRID_ID", rowId), meta));
        }

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("color_scheme", "supersetColors");
        metadata.put("refresh_frequency", 0);
        metadata.put("expanded_slices", Map.of());
        metadata.put("label_colors", Map.of());
        metadata.put("timed_refresh_immune_slices", List.of());
        metadata.put("cross_filters_enabled", false);
        metadata.put("native_filter_configuration", List.of());
        metadata.put("chart_configuration", Map.of());

        Map<String, Object> d = new LinkedHashMap<>();
        d.put("dashboard_title", title);
        d.put("description", null);
        d.put("css", "");
        d.put("slug", slug);
        d.put("certified_by", null);
        d.put("certification_details", null);
        d.put("published", true);
        d.put("uuid", uuid.toString());
        d.put("position", position);
        d.put("metadata", metadata);
        d.put("version", EXPORT_VERSION);
        return d;
    }

    private static Map<String, Object> node(String type, String id, List<String> children, List<String> parents,
                                            Map<String, Object> meta) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("type", type);
        n.put("id", id);
        if (children != null) n.put("children", children);
        if (parents != null) n.put("parents", parents);
        if (meta != null) n.put("meta", meta);
        return n;
    }

    private static String yaml(Map<String, Object> content) {
        try {
            return YAML.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
        }
    }

    /** JSON text of a value, for form fields that Superset expects as JSON strings. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }
}
