package io.cxscore.publish;

import static io.cxscore.publish.WarehouseTestSupport.column;
import static io.cxscore.publish.WarehouseTestSupport.copyOfProject;
import static io.cxscore.publish.WarehouseTestSupport.mean;
import static io.cxscore.publish.WarehouseTestSupport.projectDir;
import static io.cxscore.publish.WarehouseTestSupport.sampleStdDev;
import static io.cxscore.publish.WarehouseTestSupport.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {
    private static final String W40 = "2026-09-28";
    private static final String W41 = "2026-10-05";

    @TempDir
    Path tmp;

    private BuildResult buildStandard() throws Exception {
        Path data = tmp.resolve("data");
        ScoredConversationsFixture.standard().writeTo(data);
        return Warehouse.load(projectDir()).build(data, tmp.resolve("db/cx.duckdb"));
    }

    @Test
    void should_pass_every_sidecar_and_singular_test_when_data_is_good() throws Exception {
        // when
        BuildResult result = buildStandard();

        // then
        assertThat(result.failedTests()).as(result.report()).isEmpty();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.published()).isTrue();
        assertThat(result.tests()).hasSizeGreaterThan(40)
                .extracting(TestResult::name)
                .contains("unique_stg_scores_conversation_id__rubric_version__judge",
                        "assert_weekly_counts_match_conversations");
        assertThat(Files.isRegularFile(tmp.resolve("db/cx.duckdb"))).isTrue();
    }

    @Test
    void should_compute_weekly_mean_and_interval_for_one_team_when_built() throws Exception {
        // given: billing in W41 scored c06=5, c07=4, c09=3
        BuildResult result = buildStandard();
        Path db = result.database();

        // when
        String where = " from mart_cx_weekly where week_start = date '" + W41
                + "' and dimension = 'team' and dimension_value = 'billing'";

        // then
        double halfWidth = 1.96 * sampleStdDev(5, 4, 3) / Math.sqrt(3);
        assertThat(scalar(db, "select count_conversations" + where)).isEqualTo(3);
        assertThat(scalar(db, "select mean_cx" + where)).isCloseTo(4.0, within(1e-9));
        assertThat(scalar(db, "select ci95_low" + where)).isCloseTo(4.0 - halfWidth, within(1e-9));
        assertThat(scalar(db, "select ci95_high" + where)).isCloseTo(4.0 + halfWidth, within(1e-9));
        assertThat(scalar(db, "select share_cx_4_5" + where)).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(scalar(db, "select share_cx_1_2" + where)).isZero();
    }

    @Test
    void should_use_newest_scored_rubric_version_when_conversation_was_rescored() throws Exception {
        // given: c01 v1=1 and v2=4; c02 v1=2 and v2 invalid; c03 v9=5 and v10=3 (numeric, not text, order)
        BuildResult result = buildStandard();

        // when
        Path db = result.database();

        // then
        assertThat(column(db, "select conversation_id || ':' || rubric_version || ':' || cx_score"
                + " from fct_conversation_scores where conversation_id in ('c01', 'c02', 'c03') order by 1"))
                .containsExactly("c01:v2:4", "c02:v1:2", "c03:v10:3");
        assertThat(scalar(db, "select count(*) from fct_conversation_scores")).isEqualTo(10);
        assertThat(scalar(db, "select count(*) from fct_conversation_scores where conversation_id = 'c11'")).isZero();
    }

    @Test
    void should_compute_overall_and_ai_vs_human_weekly_cx_when_built() throws Exception {
        // given: W40 scored 4, 2, 3, 5, 1; W41 scored 5, 4, 2, 3, 4 (AI: 5, 3, 4; human: 4, 2)
        BuildResult result = buildStandard();
        Path db = result.database();

        // when
        String overall = "from mart_cx_weekly where dimension = 'overall' and week_start = date ";

        // then
        assertThat(scalar(db, "select mean_cx " + overall + "'" + W40 + "'")).isCloseTo(mean(4, 2, 3, 5, 1), within(1e-9));
        assertThat(scalar(db, "select mean_cx " + overall + "'" + W41 + "'")).isCloseTo(mean(5, 4, 2, 3, 4), within(1e-9));
        assertThat(scalar(db, "select share_cx_1_2 " + overall + "'" + W41 + "'")).isCloseTo(0.2, within(1e-9));
        assertThat(scalar(db, "select mean_cx from mart_cx_weekly where week_start = date '" + W41
                + "' and dimension = 'handled_by' and dimension_value = 'ai'")).isCloseTo(4.0, within(1e-9));
        assertThat(scalar(db, "select mean_cx from mart_cx_weekly where week_start = date '" + W41
                + "' and dimension = 'handled_by' and dimension_value = 'human'")).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void should_leave_interval_null_when_a_day_has_one_conversation() throws Exception {
        // given: 2026-10-07 has only c08
        BuildResult result = buildStandard();

        // when
        Path db = result.database();

        // then
        assertThat(column(db, "select coalesce(cast(ci95_low as varchar), 'null') from mart_cx_daily"
                + " where opened_on = date '2026-10-07' and dimension = 'overall'")).containsExactly("null");
    }

    @Test
    void should_rank_resolution_as_biggest_driver_move_when_resolution_improved() throws Exception {
        // given: mean resolution contribution W40 (1 - 1 - 0.25 + 1 - 1) / 5 = -0.05, W41 (1 + 1 - 0.25 + 0.25 + 1) / 5 = 0.6
        BuildResult result = buildStandard();
        Path db = result.database();

        // when
        String w41 = " from mart_drivers_weekly where week_start = date '" + W41 + "' and driver = ";

        // then
        assertThat(scalar(db, "select mean_contribution" + w41 + "'resolution'")).isCloseTo(0.6, within(1e-9));
        assertThat(scalar(db, "select wow_change" + w41 + "'resolution'")).isCloseTo(0.65, within(1e-9));
        assertThat(scalar(db, "select wow_change" + w41 + "'sentiment_shift'")).isCloseTo(0.3, within(1e-9));
        assertThat(scalar(db, "select wow_change" + w41 + "'effort'")).isCloseTo(0.06, within(1e-9));
        assertThat(scalar(db, "select rank_abs_wow_change" + w41 + "'resolution'")).isEqualTo(1);
        assertThat(column(db, "select coalesce(cast(wow_change as varchar), 'null') from mart_drivers_weekly"
                + " where week_start = date '" + W40 + "'")).containsOnly("null");
    }

    @Test
    void should_compute_resolution_and_escalation_rates_when_built() throws Exception {
        // given: W41 resolved c06, c07, c10; escalated c08; partly c09
        BuildResult result = buildStandard();
        Path db = result.database();

        // when
        String w41 = " from mart_resolution_weekly where week_start = date '" + W41 + "' and dimension = 'overall'";

        // then
        assertThat(scalar(db, "select resolution_rate" + w41)).isCloseTo(0.6, within(1e-9));
        assertThat(scalar(db, "select escalation_rate" + w41)).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void should_reconcile_runs_and_summarise_quarantine_when_built() throws Exception {
        // given
        BuildResult result = buildStandard();
        Path db = result.database();

        // when
        double reconciled = scalar(db, "select count(*) from mart_runs where is_reconciled");

        // then
        assertThat(reconciled).isEqualTo(2);
        assertThat(column(db, "select source || '|' || field || '|' || reason || '|' || count_records"
                + " from mart_quarantine_summary")).containsExactly("zendesk|closed_at|unparseable timestamp|1");
    }

    @Test
    void should_fail_unique_test_when_score_duplicated() throws Exception {
        // given
        ScoredConversationsFixture fixture = ScoredConversationsFixture.standard();
        fixture.score("c06", "v2", 5, "resolved");
        Path data = tmp.resolve("data");
        fixture.writeTo(data);

        // when
        BuildResult result = Warehouse.load(projectDir()).build(data, tmp.resolve("cx.duckdb"));

        // then
        TestResult unique = result.test("unique_stg_scores_conversation_id__rubric_version__judge");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.published()).isFalse();
        assertThat(unique.failingRows()).isEqualTo(1);
        assertThat(unique.sample()).containsExactly("conversation_id=c06, rubric_version=v2, judge=offline, count_rows=2");
        assertThat(result.report())
                .startsWith("Warehouse build FAILED")
                .contains("FAIL unique_stg_scores_conversation_id__rubric_version__judge on stg_scores: 1 failing row")
                .doesNotContain("Exception", "\tat ");
        assertThat(Files.exists(tmp.resolve("cx.duckdb"))).isFalse();
    }

    @Test
    void should_fail_accepted_values_test_when_cx_score_out_of_range() throws Exception {
        // given
        ScoredConversationsFixture fixture = ScoredConversationsFixture.standard();
        fixture.score("c07", "v3", 7, "resolved");
        Path data = tmp.resolve("data");
        fixture.writeTo(data);

        // when
        BuildResult result = Warehouse.load(projectDir()).build(data, tmp.resolve("cx.duckdb"));

        // then
        TestResult range = result.test("accepted_values_stg_scores_cx_score");
        assertThat(result.succeeded()).isFalse();
        assertThat(range.failsBuild()).isTrue();
        assertThat(range.sample()).containsExactly("cx_score=7, count_rows=1");
        assertThat(result.report()).contains("FAIL accepted_values_stg_scores_cx_score on stg_scores");
    }

    @Test
    void should_build_when_quarantine_has_no_files() throws Exception {
        // given
        ScoredConversationsFixture fixture = ScoredConversationsFixture.standard();
        fixture.quarantine.clear();
        Path data = tmp.resolve("data");
        fixture.writeTo(data);

        // when
        BuildResult result = Warehouse.load(projectDir()).build(data, tmp.resolve("cx.duckdb"));

        // then
        assertThat(Files.exists(data.resolve("quarantine"))).isFalse();
        assertThat(result.succeeded()).as(result.report()).isTrue();
        assertThat(scalar(result.database(), "select count(*) from mart_quarantine_summary")).isZero();
        assertThat(column(result.database(), "select data_type from information_schema.columns"
                + " where table_name = 'stg_quarantine' and column_name = 'quarantined_on'")).containsExactly("DATE");
    }

    @Test
    void should_keep_previous_database_when_a_model_fails() throws Exception {
        // given: a good build is published, then a project with a model that cannot build
        BuildResult good = buildStandard();
        Path db = good.database();
        Path broken = copyOfProject(tmp.resolve("broken-project"));
        Files.writeString(broken.resolve("models/marts/mart_broken.sql"),
                "select no_such_column from {{ ref('fct_conversation_scores') }}\n");
        Files.writeString(broken.resolve("models/marts/mart_broken.yml"),
                "models:\n  - name: mart_broken\n    description: One row per nothing; it cannot build.\n");

        // when
        BuildResult result = Warehouse.load(broken).build(tmp.resolve("data"), db);

        // then
        assertThat(result.succeeded()).isFalse();
        assertThat(result.published()).isFalse();
        assertThat(result.failure()).startsWith("model mart_broken did not build:").contains("no_such_column");
        assertThat(scalar(db, "select count(*) from fct_conversation_scores")).isEqualTo(10);
        try (Stream<Path> leftovers = Files.list(db.getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("cx.duckdb");
        }
    }

    @Test
    void should_warn_but_publish_when_a_run_does_not_reconcile() throws Exception {
        // given: run r3 read 5 records but only 3 were scored and none quarantined
        ScoredConversationsFixture fixture = ScoredConversationsFixture.standard();
        fixture.runs.add(new ScoredConversationsFixture.Run("r3", "2026-10-08", 5, 3, 0));
        Path data = tmp.resolve("data");
        fixture.writeTo(data);

        // when
        BuildResult result = Warehouse.load(projectDir()).build(data, tmp.resolve("cx.duckdb"));

        // then
        TestResult reconcile = result.test("expression_is_true_mart_runs_every_run_reconciles");
        assertThat(result.succeeded()).isTrue();
        assertThat(result.published()).isTrue();
        assertThat(reconcile.passed()).isFalse();
        assertThat(reconcile.describe()).startsWith("WARN");
        assertThat(column(result.database(), "select run_id from mart_runs where not is_reconciled"))
                .containsExactly("r3");
    }

    @Test
    void should_name_models_when_refs_form_a_cycle() throws Exception {
        // given
        Path project = copyOfProject(tmp.resolve("cyclic-project"));
        Files.writeString(project.resolve("models/marts/mart_a.sql"), "select * from {{ ref('mart_b') }}\n");
        Files.writeString(project.resolve("models/marts/mart_b.sql"), "select * from {{ ref('mart_a') }}\n");

        // when / then
        assertThatThrownBy(() -> Warehouse.load(project))
                .isInstanceOf(WarehouseProjectException.class)
                .hasMessage("models ref each other in a cycle: mart_a -> mart_b -> mart_a");
    }

    @Test
    void should_reject_model_without_sidecar() throws Exception {
        // given
        Path project = copyOfProject(tmp.resolve("no-sidecar"));
        Files.writeString(project.resolve("models/marts/mart_orphan.sql"), "select 1 as one\n");

        // when / then
        assertThatThrownBy(() -> Warehouse.load(project))
                .isInstanceOf(WarehouseProjectException.class)
                .hasMessageContaining("model mart_orphan has no sidecar mart_orphan.yml");
    }

    @Test
    void should_reject_ref_to_unknown_model() throws Exception {
        // given
        Path project = copyOfProject(tmp.resolve("unknown-ref"));
        Files.writeString(project.resolve("tests/assert_nothing.sql"), "select * from {{ ref('stg_nothing') }}\n");

        // when / then
        assertThatThrownBy(() -> Warehouse.load(project))
                .isInstanceOf(WarehouseProjectException.class)
                .hasMessage("tests/assert_nothing.sql: ref('stg_nothing') is not a model");
    }

    @Test
    void should_order_staging_before_marts_when_loaded() {
        // when
        Warehouse warehouse = Warehouse.load(projectDir());

        // then
        assertThat(warehouse.buildOrder()).containsSubsequence("stg_scores", "fct_conversation_scores",
                "int_conversation_segments", "mart_cx_weekly");
        assertThat(warehouse.buildOrder()).allSatisfy(model ->
                assertThat(warehouse.description(model)).isNotBlank());
    }
}
