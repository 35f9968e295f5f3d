package io.cxscore.publish;

import static io.cxscore.publish.WarehouseTestSupport.projectDir;
import static io.cxscore.publish.WarehouseTestSupport.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlDashboardTest {
    private static final Pattern EXTERNAL_REFERENCE =
            Pattern.compile("(?i)(src|href|xlink:href)\\s*=\\s*[\"']?\\s*(https?:)?//");

    @TempDir
    Path tmp;

    private Path buildWarehouse(ScoredConversationsFixture fixture) throws Exception {
        Path data = tmp.resolve("data");
        fixture.writeTo(data);
        BuildResult result = Warehouse.load(projectDir()).build(data, tmp.resolve("cx.duckdb"));
        assertThat(result.succeeded()).as(result.report()).isTrue();
        return result.database();
    }

    private static String attribute(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    @Test
    void should_show_the_marts_numbers_when_rendered() throws Exception {
        // given
        Path db = buildWarehouse(ScoredConversationsFixture.standard());
        double overallW41 = scalar(db, "select mean_cx from mart_cx_weekly where week_start = date '2026-10-05'"
                + " and dimension = 'overall'");
        double aiW40 = scalar(db, "select mean_cx from mart_cx_weekly where week_start = date '2026-09-28'"
                + " and dimension = 'handled_by' and dimension_value = 'ai'");
        double billingW41 = scalar(db, "select mean_cx from mart_cx_weekly where week_start = date '2026-10-05'"
                + " and dimension = 'team' and dimension_value = 'billing'");

        // when
        Path html = tmp.resolve("site/dashboard.html");
        new HtmlDashboard(db).writeTo(html);
        String page = Files.readString(html);

        // then
        assertThat(page)
                .contains("data-count-scored=\"10\"")
                .contains("data-week=\"2026-10-05\" data-mean-cx=\"" + attribute(overallW41) + "\"")
                .contains("data-series=\"overall\" data-week=\"2026-10-05\" data-n=\"5\" data-mean-cx=\""
                        + attribute(overallW41) + "\"")
                .contains("data-series=\"ai\" data-week=\"2026-09-28\" data-n=\"2\" data-mean-cx=\""
                        + attribute(aiW40) + "\"")
                .contains("data-value=\"billing\" data-n=\"3\" data-mean-cx=\"" + attribute(billingW41) + "\"")
                .contains("data-wow-change=\"" + attribute(3.6 - 3.0) + "\"")
                .contains("data-read=\"12\" data-scored=\"11\" data-quarantined=\"1\" data-reconciled=\"true\"")
                .contains("data-week=\"2026-10-05\" data-driver=\"resolution\" data-mean-contribution=\"0.6000\""
                        + " data-wow-change=\"0.6500\"")
                .contains("<p id=\"biggest-move\" data-driver=\"resolution\">")
                .contains("data-resolution-rate=\"0.6000\" data-escalation-rate=\"0.2000\"")
                .contains("<polygon class=\"ci-band\"");
    }

    @Test
    void should_reference_no_external_url_when_rendered() throws Exception {
        // given
        Path db = buildWarehouse(ScoredConversationsFixture.standard());

        // when
        String page = new HtmlDashboard(db).render();

        // then
        assertThat(EXTERNAL_REFERENCE.matcher(page).find()).as("src/href to another location").isFalse();
        assertThat(page).doesNotContain("http://", "https://", "<script", "<link", "@import", "url(");
    }

    @Test
    void should_escape_script_when_data_contains_one() throws Exception {
        // given: the quarantined record's excerpt and a team name are markup
        ScoredConversationsFixture fixture = ScoredConversationsFixture.standard();
        fixture.conversation("c12", "2026-10-08", "<img src=x onerror=alert(1)>", "chat", "enterprise", "human")
                .score("c12", "v2", 3, "resolved");
        fixture.runs.clear();
        fixture.runs.add(new ScoredConversationsFixture.Run("r1", "2026-10-08", 13, 12, 1));
        Path db = buildWarehouse(fixture);

        // when
        String page = new HtmlDashboard(db).render();

        // then
        assertThat(page)
                .doesNotContain("<script", "<img")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void should_render_placeholders_when_nothing_was_scored_yet() throws Exception {
        // given: no Parquet at all, as before the first batch run
        Path db = buildWarehouse(new ScoredConversationsFixture());

        // when
        String page = new HtmlDashboard(db).render();

        // then
        assertThat(page)
                .contains("data-count-scored=\"0\"")
                .contains("No scored conversations yet.")
                .contains("Nothing quarantined.")
                .contains("No runs recorded.");
    }
}
