package io.cxscore.publish;

import static io.cxscore.publish.WarehouseTestSupport.projectDir;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.publish.gaps.GapKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapDashboardTest {
    @TempDir
    Path tmp;

    private String render(GapInstancesFixture gaps) throws Exception {
        Path data = tmp.resolve("data");
        ScoredConversationsFixture.standard().writeTo(data);
        gaps.writeTo(data);
        BuildResult built = Warehouse.load(projectDir()).build(data, tmp.resolve("cx.duckdb"));
        assertThat(built.succeeded()).as(built.report()).isTrue();
        return new HtmlDashboard(built.database()).render();
    }

    @Test
    void should_show_top_gaps_per_owner_and_new_gaps_escaped_when_gaps_exist() throws Exception {
        // given: a new gap (c10, the data's latest day) whose subject is a script tag
        GapInstancesFixture gaps = GapInstancesFixture.standard()
                .add("c10", "2026-10-08", "product", "bug", 0.9, "<script>alert(1)</script>", "exports", "product-team", true);
        String sso = new GapKey("knowledge", "missing_article", "sso-setup", "SSO set-up").id();

        // when
        String html = render(gaps);

        // then
        assertThat(html).contains("<section id=\"gaps\"><h2>Gaps by owner</h2>")
                .contains("<table data-owner=\"docs-team\">")
                .contains("<tr id=\"" + sso + "\" data-conversations=\"4\" data-cx-impact=\"1.5833\">")
                .contains("cx-triage <small>(default owner)</small>")
                .contains("data-state=\"new\"><strong>new</strong> since 2026-10-08")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void should_say_so_when_there_are_no_gap_findings() throws Exception {
        // when
        String html = render(new GapInstancesFixture());

        // then
        assertThat(html).contains("<section id=\"gaps\"><h2>Gaps by owner</h2>\n<p class=\"empty\">No gap findings yet.</p>");
    }
}
