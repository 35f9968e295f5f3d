package io.cxscore.publish;

import static io.cxscore.publish.WarehouseTestSupport.projectDir;
import static io.cxscore.publish.WarehouseTestSupport.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxscore.publish.gaps.FeedOptions;
import io.cxscore.publish.gaps.GapCatalog;
import io.cxscore.publish.gaps.GapLifecycle;
import io.cxscore.publish.gaps.GapStateFile;
import io.cxscore.publish.gaps.LifecyclePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeeklyReportTest {
    @TempDir
    Path tmp;

    private Path build(boolean withGaps) throws Exception {
        Path data = tmp.resolve("data");
        ScoredConversationsFixture.standard().writeTo(data);
        if (withGaps) GapInstancesFixture.standard().writeTo(data);
        BuildResult built = Warehouse.load(projectDir()).build(data, tmp.resolve("cx.duckdb"));
        assertThat(built.succeeded()).as(built.report()).isTrue();
        return built.database();
    }

    private WeeklyReport report(Path db, int minN) throws Exception {
        GapLifecycle.Result lifecycle = new GapLifecycle(LifecyclePolicy.DEFAULT)
                .assess(GapCatalog.read(db), GapStateFile.Snapshot.EMPTY);
        return new WeeklyReport(db, tmp.resolve("data"), lifecycle, minN);
    }

    @Test
    void should_show_the_marts_numbers_when_segments_are_large_enough() throws Exception {
        // given: W40 mean 3.0 (n=5), W41 mean 3.6 (n=5)
        Path db = build(true);
        String w41 = " where week_start = date '2026-10-05'";

        // when
        String md = report(db, 3).markdown();

        // then
        assertThat(md).contains("| 2026-W41 | 5 | " + WeeklyReport.number(scalar(db,
                "select mean_cx from mart_cx_weekly" + w41 + " and dimension = 'overall'")) + " |");
        assertThat(md).contains("| +0.60 |");
        assertThat(md).contains(WeeklyReport.percent(scalar(db, "select deflection_rate from mart_automation_weekly" + w41)))
                .contains(WeeklyReport.percent(scalar(db, "select automated_resolution_rate from mart_automation_weekly" + w41)))
                .contains(WeeklyReport.percent(scalar(db, "select escalation_accuracy from mart_escalation_accuracy_weekly" + w41)));
        assertThat(md).contains("60.0%").contains("40.0%").contains("80.0%");
        assertThat(md).contains("| docs-team | knowledge / missing article: SSO set-up (sso-setup) | ongoing since 2026-10-06 | first recorded | 4 | +1.58 |");
        assertThat(md).contains("| cx-triage (default owner) |");
        assertThat(md).contains("Deflection rate: share of scored conversations").contains("Measurable proxy");
    }

    @Test
    void should_show_too_few_instead_of_numbers_when_segments_are_small() throws Exception {
        // given: W41 has 2 human-handled conversations and 5 in all
        Path db = build(true);

        // when
        String md = report(db, 30).markdown();
        String html = report(db, 30).html();

        // then
        assertThat(md).contains("| 2026-W41 | 5 | too few (n=5) | too few (n=5) | too few | too few |");
        assertThat(md).contains("| human | 2 | too few (n=2) |");
        assertThat(md).doesNotContain("3.60");
        assertThat(html).contains("<td class=\"too-few\">too few (n=5)</td>");
    }

    @Test
    void should_write_empty_gap_sections_and_no_eval_cases_when_no_gap_instances_exist() throws Exception {
        // given
        Path db = build(false);
        GapPublication.Settings settings = new GapPublication.Settings(LifecyclePolicy.DEFAULT, FeedOptions.DEFAULT, 3,
                Map.of(), false);

        // when
        GapPublication.Summary summary = GapPublication.run(db, tmp.resolve("data"), tmp.resolve("out"), settings);

        // then
        assertThat(summary.gaps()).isZero();
        assertThat(summary.feedFolders()).isEmpty();
        assertThat(summary.evalCaseCount()).isZero();
        assertThat(Files.readString(summary.report())).contains("No gap findings in the warehouse.")
                .contains("No gap came back");
        assertThat(tmp.resolve("out/report/weekly-report.html")).isRegularFile();
        assertThat(summary.stateFile()).isRegularFile();
    }

    @Test
    void should_export_failed_ai_turns_as_eval_cases_with_redacted_text() throws Exception {
        // given: the SSO gap is on AI turns in c01, c04, c06 (twice) and c09; evidence is message 1
        Path db = build(true);
        FeedOptions redacting = FeedOptions.DEFAULT.withRedactor(t -> t.replace("invoice", "[REDACTED]"));
        GapPublication.Settings settings = new GapPublication.Settings(LifecyclePolicy.DEFAULT, redacting, 3, Map.of(), false);

        // when
        GapPublication.Summary summary = GapPublication.run(db, tmp.resolve("data"), tmp.resolve("out"), settings);

        // then
        List<String> lines = Files.readAllLines(summary.evalCases());
        assertThat(lines).hasSize(4); // the SSO conversations; c05's and c08's findings are on human turns
        assertThat(String.join("\n", lines)).doesNotContain("invoice").doesNotContain("c05").doesNotContain("c08");
        JsonNode first = new ObjectMapper().readTree(lines.stream().filter(l -> l.contains("\"c01\"")).findFirst().orElseThrow());
        assertThat(first.path("input").path("messages")).hasSize(1);
        assertThat(first.path("input").path("messages").get(0).path("text").asText()).isEqualTo("My [REDACTED] is wrong");
        assertThat(first.path("failed_turns").get(0).path("text").asText()).isEqualTo("Let me fix that");
        assertThat(first.path("what_went_wrong").path("subcategory").asText()).isEqualTo("missing_article");
        assertThat(first.path("what_went_wrong").path("ai_fault").asText()).isEqualTo("bad_retrieval");
        assertThat(first.path("expected_behaviour").asText()).startsWith("At message 1: Say plainly that no documented answer exists");
    }
}
