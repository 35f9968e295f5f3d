package io.cxscore.publish;

import static io.cxscore.publish.WarehouseTestSupport.column;
import static io.cxscore.publish.WarehouseTestSupport.projectDir;
import static io.cxscore.publish.WarehouseTestSupport.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxscore.publish.gaps.GapKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapMartsTest {
    private static final String SSO_GAP = new GapKey("knowledge", "missing_article", "sso-setup", "SSO set-up").id();

    @TempDir
    Path tmp;

    private BuildResult build(String name, boolean withGaps) throws Exception {
        return build(name, withGaps ? GapInstancesFixture.standard() : null);
    }

    private BuildResult build(String name, GapInstancesFixture gaps) throws Exception {
        Path data = tmp.resolve(name + "-data");
        ScoredConversationsFixture.standard().writeTo(data);
        if (gaps != null) gaps.writeTo(data);
        BuildResult result = Warehouse.load(projectDir()).build(data, tmp.resolve(name + "/cx.duckdb"));
        assertThat(result.failedTests()).as(result.report()).isEmpty();
        return result;
    }

    @Test
    void should_group_spelling_variants_into_one_gap_with_the_java_id_when_built() throws Exception {
        // given: c01, c04, c06 (twice) and c09 have the SSO article gap, c04 spelled differently
        Path db = build("a", true).database();

        // when
        String where = " from mart_gaps where gap_id = '" + SSO_GAP + "'";

        // then
        assertThat(column(db, "select gap_id from mart_gaps order by 1")).hasSize(3).contains(SSO_GAP);
        assertThat(scalar(db, "select count_conversations" + where)).isEqualTo(4);
        assertThat(scalar(db, "select count_instances" + where)).isEqualTo(5);
        assertThat(column(db, "select subject" + where)).containsExactly("SSO set-up");
        assertThat(column(db, "select owner_team" + where)).containsExactly("docs-team");
        assertThat(column(db, "select cast(first_seen_on as varchar) || '..' || cast(last_seen_on as varchar)" + where))
                .containsExactly("2026-09-29..2026-10-08");
        assertThat(column(db, "select cast(example_conversation_ids as varchar)" + where)).containsExactly("[c01, c06, c04]");
    }

    @Test
    void should_keep_a_finding_below_the_notify_confidence_for_review_and_out_of_the_gaps() throws Exception {
        // given: a product finding on c02 too weak to notify its owner
        Path db = build("a", GapInstancesFixture.standard()
                .addForReview("c02", "2026-09-30", "product", "bug", 0.3, "export", "exports", "product-team")).database();

        // then: it is in stg_gap_instances, and in no gap, owner summary or weekly row
        assertThat(scalar(db, "select count(*) from stg_gap_instances where not notifies")).isEqualTo(1);
        assertThat(column(db, "select category from mart_gaps order by 1")).containsExactly("knowledge", "routing", "tool");
        assertThat(scalar(db, "select count(*) from mart_owner_summary where owner_team = 'product-team'")).isZero();
        assertThat(scalar(db, "select count(*) from mart_gaps_weekly where gap_id not in (select gap_id from mart_gaps)")).isZero();
    }

    @Test
    void should_read_gap_instances_written_before_the_notifies_column_as_notifying() throws Exception {
        // given: files from a job version that had no notifies column
        Path db = build("a", GapInstancesFixture.standard().withoutNotifiesColumn()).database();

        // then: the marts build, and every finding still makes its gap
        assertThat(scalar(db, "select count(*) from stg_gap_instances where notifies is null")).isEqualTo(7);
        assertThat(column(db, "select gap_id from mart_gaps order by 1")).hasSize(3).contains(SSO_GAP);
    }

    @Test
    void should_compare_affected_conversations_with_the_rest_when_computing_cx_impact() throws Exception {
        // given: scored CX is 4+2+3+5+1+5+4+2+3+4 = 33 over 10; the SSO gap's are c01=4, c04=5, c06=5, c09=3
        Path db = build("a", true).database();

        // when
        String where = " from mart_gaps where gap_id = '" + SSO_GAP + "'";

        // then
        assertThat(scalar(db, "select mean_cx_affected" + where)).isCloseTo(17 / 4.0, within(1e-9));
        assertThat(scalar(db, "select mean_cx_rest" + where)).isCloseTo(16 / 6.0, within(1e-9));
        assertThat(scalar(db, "select cx_impact" + where)).isCloseTo(17 / 4.0 - 16 / 6.0, within(1e-9));
    }

    @Test
    void should_give_the_same_gap_ids_when_built_twice_from_the_same_data() throws Exception {
        // given
        Path first = build("a", true).database();
        Path second = build("b", true).database();

        // when
        String ids = "select gap_id || ':' || count_conversations from mart_gaps order by 1";

        // then
        assertThat(column(second, ids)).isEqualTo(column(first, ids)).hasSize(3);
    }

    @Test
    void should_zero_fill_weeks_and_summarise_owners_when_built() throws Exception {
        // given
        Path db = build("a", true).database();

        // then: W40 has c01 and c04, W41 has c06 (two findings) and c09
        assertThat(column(db, "select iso_week || ':' || count_conversations || ':' || count_instances from mart_gaps_weekly"
                + " where gap_id = '" + SSO_GAP + "' order by week_start")).containsExactly("2026-W40:2:2", "2026-W41:2:3");
        // the tool gap (c05, 2026-10-01) had no finding in W41: a zero row, not a missing one
        assertThat(column(db, "select g.iso_week || ':' || g.count_conversations from mart_gaps_weekly g join mart_gaps using (gap_id)"
                + " where category = 'tool' order by g.week_start")).containsExactly("2026-W40:1", "2026-W41:0");
        assertThat(column(db, "select owner_team || ':' || count_gaps || ':' || count_conversations || ':' || owner_is_default"
                + " from mart_owner_summary order by 1"))
                .containsExactly("cx-triage:1:1:true", "docs-team:1:4:false", "support-ops:1:1:false");
    }

    @Test
    void should_count_escalation_calls_and_deflection_when_built() throws Exception {
        // given: W41 scored c06 ai resolved, c07 human, c08 human escalated (needless), c09 ai partly, c10 ai resolved
        Path db = build("a", true).database();
        String w41 = " where week_start = date '2026-10-05'";

        // then
        assertThat(scalar(db, "select count_escalated from mart_escalation_accuracy_weekly" + w41)).isEqualTo(1);
        assertThat(scalar(db, "select count_needless_escalations from mart_escalation_accuracy_weekly" + w41)).isEqualTo(1);
        assertThat(scalar(db, "select escalation_accuracy from mart_escalation_accuracy_weekly" + w41)).isCloseTo(0.8, within(1e-9));
        assertThat(scalar(db, "select deflection_rate from mart_automation_weekly" + w41)).isCloseTo(0.6, within(1e-9));
        assertThat(scalar(db, "select automated_resolution_rate from mart_automation_weekly" + w41)).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void should_build_empty_gap_marts_when_no_gap_instances_exist() throws Exception {
        // when
        Path db = build("empty", false).database();

        // then
        assertThat(scalar(db, "select count(*) from mart_gaps")).isZero();
        assertThat(scalar(db, "select count(*) from mart_owner_summary")).isZero();
        assertThat(scalar(db, "select count(*) from mart_difficulty_by_topic")).isGreaterThan(0);
    }
}
