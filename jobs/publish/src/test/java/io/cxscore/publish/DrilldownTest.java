package io.cxscore.publish;

import static io.cxscore.publish.WarehouseTestSupport.column;
import static io.cxscore.publish.WarehouseTestSupport.projectDir;
import static io.cxscore.publish.WarehouseTestSupport.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drill-down marts (examples and their redacted turns) and the dashboard sections built on them. */
class DrilldownTest {
    @TempDir
    Path tmp;

    private Path build(Warehouse warehouse) throws Exception {
        Path data = tmp.resolve("data");
        ScoredConversationsFixture.standard().writeTo(data);
        BuildResult result = warehouse.build(data, tmp.resolve("cx.duckdb"));
        assertThat(result.succeeded()).as(result.report()).isTrue();
        return result.database();
    }

    @Test
    void should_pick_the_two_lowest_and_the_highest_per_week_and_handler_when_built() throws Exception {
        // given: in W41 the AI handled c06 (5), c09 (3) and c10 (4); humans c07 (4) and c08 (2)
        Path db = build(Warehouse.load(projectDir()));

        // when
        var w41 = column(db, "select handled_by || ':' || selection || ':' || selection_rank || ':' || conversation_id"
                + " from mart_drilldown_conversations where week_start = date '2026-10-05' order by all");

        // then
        assertThat(w41).containsExactly("ai:highest_cx:1:c06", "ai:lowest_cx:1:c09", "ai:lowest_cx:2:c10",
                "human:lowest_cx:1:c08", "human:lowest_cx:2:c07");
    }

    @Test
    void should_store_message_text_only_through_the_given_redactor_when_built() throws Exception {
        // given
        Warehouse warehouse = Warehouse.load(projectDir()).withRedactor(text -> "<" + text.length() + " chars>");

        // when
        Path db = build(warehouse);

        // then
        assertThat(column(db, "select distinct text_redacted from mart_drilldown_messages order by 1"))
                .containsExactly("<15 chars>", "<19 chars>"); // "Let me fix that", "My invoice is wrong"
        assertThat(column(db, "select table_name || '.' || column_name from information_schema.columns"
                + " where data_type like 'STRUCT%' or column_name like '%text%'"))
                .containsExactly("mart_drilldown_messages.text_redacted");
    }

    @Test
    void should_highlight_the_turns_each_score_cites_when_rendered() throws Exception {
        // given: the fixture cites turn 1 for resolution, turn 0 for sentiment, both for effort
        Path db = build(Warehouse.load(projectDir()));

        // when
        String page = new HtmlDashboard(db).render();

        // then
        assertThat(page)
                .contains("<details class=\"conversation\" open data-conversation-id=\"c08\" data-week=\"2026-10-05\""
                        + " data-handled-by=\"human\" data-selection=\"lowest_cx\" data-cx-score=\"2\"")
                .contains("<li class=\"turn role-customer evidence\" data-message-index=\"0\" data-evidence=\"sentiment effort\">")
                .contains("<li class=\"turn role-human_agent evidence\" data-message-index=\"1\" data-evidence=\"resolution effort\">")
                .contains("My invoice is wrong");
    }

    @Test
    void should_draw_every_segment_week_with_its_interval_when_rendered() throws Exception {
        // given
        Path db = build(Warehouse.load(projectDir()));
        double billingW41 = scalar(db, "select mean_cx from mart_cx_weekly where week_start = date '2026-10-05'"
                + " and dimension = 'team' and dimension_value = 'billing'");
        double billingW40 = scalar(db, "select mean_cx from mart_cx_weekly where week_start = date '2026-09-28'"
                + " and dimension = 'team' and dimension_value = 'billing'");

        // when
        String page = new HtmlDashboard(db).render();

        // then
        assertThat(page)
                .contains("<circle class=\"segment-point\"")
                .contains("data-dimension=\"team\" data-value=\"billing\" data-week=\"2026-10-05\" data-n=\"3\" data-mean-cx=\""
                        + String.format(Locale.ROOT, "%.4f", billingW41) + "\"")
                .contains("<span data-dimension=\"team\" data-value=\"billing\" data-wow-change=\""
                        + String.format(Locale.ROOT, "%.4f", billingW41 - billingW40) + "\"")
                .contains("<polygon class=\"segment-band\" data-dimension=\"cohort\" data-value=\"enterprise\"");
    }
}
