package io.cxscore.publish;

import static io.cxscore.publish.WarehouseTestSupport.column;
import static io.cxscore.publish.WarehouseTestSupport.projectDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupersetBundleTest {
    private static final Instant EXPORTED_AT = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    Path tmp;

    private Path database;

    @BeforeEach
    void buildWarehouse() throws Exception {
        Path data = tmp.resolve("data");
        ScoredConversationsFixture.standard().writeTo(data);
        BuildResult result = Warehouse.load(projectDir()).build(data, tmp.resolve("cx.duckdb"));
        assertThat(result.succeeded()).as(result.report()).isTrue();
        database = result.database();
    }

    @Test
    void should_satisfy_supersets_import_rules_when_generated_from_the_marts() throws Exception {
        // given
        SupersetBundle bundle = SupersetBundle.describe(database, "/srv/cx/cx.duckdb", "cx-warehouse", EXPORTED_AT);

        // when
        byte[] zip = bundle.zip();

        // then
        assertThat(SupersetImportRules.violations(zip)).isEmpty();
        Map<String, JsonNode> files = SupersetImportRules.read(zip);
        assertThat(files.get("metadata.yaml").path("version").asText()).isEqualTo("1.0.0");
        assertThat(files.get("metadata.yaml").path("type").asText()).isEqualTo("Dashboard");
        assertThat(files.keySet()).filteredOn(p -> p.startsWith("databases/")).hasSize(1);
        assertThat(files.keySet()).filteredOn(p -> p.startsWith("datasets/cx-warehouse/"))
                .containsExactlyInAnyOrder("datasets/cx-warehouse/mart_cx_weekly.yaml",
                        "datasets/cx-warehouse/mart_drivers_weekly.yaml", "datasets/cx-warehouse/mart_resolution_weekly.yaml",
                        "datasets/cx-warehouse/mart_quarantine_summary.yaml", "datasets/cx-warehouse/mart_runs.yaml",
                        "datasets/cx-warehouse/mart_drilldown_conversations.yaml",
                        "datasets/cx-warehouse/mart_drilldown_messages.yaml");
        assertThat(files.keySet()).filteredOn(p -> p.startsWith("charts/")).hasSize(bundle.chartTitles().size());
        assertThat(files.keySet()).filteredOn(p -> p.startsWith("dashboards/")).containsExactly("dashboards/cx-score-cx-warehouse.yaml");
    }

    @Test
    void should_point_superset_at_the_published_file_read_only_when_generated() throws Exception {
        // given
        SupersetBundle bundle = SupersetBundle.describe(database, "/srv/cx/cx.duckdb", "cx-warehouse", EXPORTED_AT);

        // when
        JsonNode db = SupersetImportRules.read(bundle.zip()).get("databases/cx-warehouse.yaml");

        // then
        assertThat(db.path("database_name").asText()).isEqualTo("cx-warehouse");
        assertThat(db.path("sqlalchemy_uri").asText()).isEqualTo("duckdb:////srv/cx/cx.duckdb");
        assertThat(db.path("extra").path("engine_params").path("connect_args").path("read_only").asBoolean()).isTrue();
        assertThat(db.path("allow_dml").asBoolean()).isFalse();
        assertThat(db.path("uuid").asText()).isEqualTo(bundle.databaseUuid().toString());
    }

    @Test
    void should_keep_every_uuid_and_byte_when_generated_twice_from_the_same_warehouse() throws Exception {
        // given
        SupersetBundle first = SupersetBundle.describe(database, "/srv/cx/cx.duckdb", "cx-warehouse", EXPORTED_AT);

        // when
        SupersetBundle second = SupersetBundle.describe(database, "/srv/cx/cx.duckdb", "cx-warehouse", EXPORTED_AT);
        SupersetBundle otherName = SupersetBundle.describe(database, "/srv/cx/cx.duckdb", "cx-staging", EXPORTED_AT);

        // then
        assertThat(second.zip()).isEqualTo(first.zip());
        assertThat(second.dashboardUuid()).isEqualTo(first.dashboardUuid());
        assertThat(first.dashboardUuid().version()).isEqualTo(5);
        assertThat(otherName.dashboardUuid()).isNotEqualTo(first.dashboardUuid());
        assertThat(otherName.databaseUuid()).isNotEqualTo(first.databaseUuid());
    }

    @Test
    void should_give_each_chart_node_its_uuid_and_chart_id_when_laid_out() throws Exception {
        // given
        SupersetBundle bundle = SupersetBundle.describe(database, "/srv/cx/cx.duckdb", "cx-warehouse", EXPORTED_AT);
        Map<String, JsonNode> files = SupersetImportRules.read(bundle.zip());

        // when
        JsonNode position = files.get("dashboards/cx-score-cx-warehouse.yaml").path("position");
        List<String> nodeUuids = new ArrayList<>();
        List<Integer> chartIds = new ArrayList<>();
        position.fields().forEachRemaining(node -> {
            if (node.getKey().startsWith("CHART-")) {
                nodeUuids.add(node.getValue().path("meta").path("uuid").asText());
                chartIds.add(node.getValue().path("meta").path("chartId").asInt());
            }
        });

        // then
        List<String> chartUuids = files.entrySet().stream().filter(f -> f.getKey().startsWith("charts/"))
                .map(f -> f.getValue().path("uuid").asText()).toList();
        assertThat(nodeUuids).containsExactlyInAnyOrderElementsOf(chartUuids);
        assertThat(chartIds).doesNotHaveDuplicates().allMatch(id -> id > 0);
        assertThat(position.path("GRID_ID").path("children")).isNotEmpty();
    }

    @Test
    void should_list_every_mart_column_when_describing_a_dataset() throws Exception {
        // given
        List<String> martColumns = column(database, "select column_name from information_schema.columns"
                + " where table_name = 'mart_cx_weekly' order by ordinal_position");

        // when
        JsonNode dataset = SupersetImportRules.read(
                SupersetBundle.describe(database, "/srv/cx/cx.duckdb", "cx-warehouse", EXPORTED_AT).zip())
                .get("datasets/cx-warehouse/mart_cx_weekly.yaml");

        // then
        List<String> columns = new ArrayList<>();
        dataset.path("columns").forEach(c -> columns.add(c.path("column_name").asText()));
        assertThat(columns).containsExactlyElementsOf(martColumns);
        assertThat(dataset.path("main_dttm_col").asText()).isEqualTo("week_start");
        dataset.path("columns").forEach(c -> {
            if (c.path("column_name").asText().equals("week_start")) assertThat(c.path("is_dttm").asBoolean()).isTrue();
        });
        List<String> metrics = new ArrayList<>();
        dataset.path("metrics").forEach(m -> metrics.add(m.path("metric_name").asText()));
        assertThat(metrics).contains("mean_cx", "ci95_low", "ci95_high", "conversations");
    }

    @Test
    void should_refuse_a_relative_database_path_when_described() {
        // when / then
        assertThatThrownBy(() -> SupersetBundle.describe(database, "out/cx.duckdb", "cx-warehouse", EXPORTED_AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute path");
    }

    @Test
    void should_write_the_zip_atomically_when_saved() throws Exception {
        // given
        SupersetBundle bundle = SupersetBundle.describe(database, "/srv/cx/cx.duckdb", "cx-warehouse", EXPORTED_AT);
        Path target = tmp.resolve("superset/cx-superset.zip");

        // when
        bundle.writeTo(target);

        // then
        assertThat(Files.readAllBytes(target)).isEqualTo(bundle.zip());
        try (var listing = Files.list(target.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("cx-superset.zip");
        }
    }

    @Test
    void should_flag_bundles_superset_would_refuse_when_the_rules_check_them() throws Exception {
        // given
        String dashboard = "dashboard_title: d\nuuid: 3f7f5c0e-3b1a-4a61-9a55-4f2a1f3b8d10\nversion: 1.0.0\n"
                + "position:\n  CHART-x:\n    type: CHART\n    meta: {uuid: 9d3bb8a4-52cf-4c52-9d85-7df1e2a3bb01}\n";
        byte[] twoRoots = zip(Map.of("a/metadata.yaml", "version: 1.0.0\n", "b/metadata.yaml", "version: 1.0.0\n"));
        byte[] wrongVersion = zip(Map.of("bundle/metadata.yaml", "version: 2.0.0\ntype: Dashboard\n"));
        byte[] missingChartId = zip(Map.of("bundle/metadata.yaml", "version: 1.0.0\ntype: Dashboard\n",
                "bundle/dashboards/d.yaml", dashboard));
        byte[] chartWithoutDataset = zip(Map.of("bundle/metadata.yaml", "version: 1.0.0\n",
                "bundle/charts/c.yaml", "slice_name: c\nviz_type: table\nuuid: 9d3bb8a4-52cf-4c52-9d85-7df1e2a3bb01\nversion: 1.0.0\n"));

        // when / then
        assertThat(SupersetImportRules.violations(twoRoots)).singleElement().asString().contains("one top-level folder");
        assertThat(SupersetImportRules.violations(wrongVersion)).containsExactly("metadata.yaml version is not 1.0.0");
        assertThat(SupersetImportRules.violations(missingChartId))
                .containsExactly("dashboards/d.yaml: CHART-x needs both meta.uuid and meta.chartId");
        assertThat(SupersetImportRules.violations(chartWithoutDataset))
                .contains("charts/c.yaml: required field dataset_uuid is missing", "charts/c.yaml: params is not a mapping");
    }

    private static byte[] zip(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
