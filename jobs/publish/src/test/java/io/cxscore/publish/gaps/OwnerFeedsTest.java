package io.cxscore.publish.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import io.cxscore.publish.BuildResult;
import io.cxscore.publish.GapInstancesFixture;
import io.cxscore.publish.ScoredConversationsFixture;
import io.cxscore.publish.Warehouse;
import io.cxscore.publish.WarehouseTestSupport;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerFeedsTest {
    private static final String SSO_GAP = new GapKey("knowledge", "missing_article", "sso-setup", "SSO set-up").id();

    @TempDir
    Path tmp;

    private Path data;
    private GapCatalog catalog;
    private GapLifecycle.Result lifecycle;

    @BeforeEach
    void build() throws Exception {
        data = tmp.resolve("data");
        ScoredConversationsFixture.standard().writeTo(data);
        GapInstancesFixture.standard().writeTo(data);
        BuildResult built = Warehouse.load(WarehouseTestSupport.projectDir()).build(data, tmp.resolve("cx.duckdb"));
        assertThat(built.succeeded()).as(built.report()).isTrue();
        catalog = GapCatalog.read(built.database());
        lifecycle = new GapLifecycle(LifecyclePolicy.DEFAULT).assess(catalog, GapStateFile.Snapshot.EMPTY);
    }

    private Feed parse(Path atom) throws Exception {
        WireFeedInput input = new WireFeedInput();
        input.setXmlHealerOn(false); // parse exactly what was written
        return (Feed) input.build(new StringReader(Files.readString(atom)));
    }

    @Test
    void should_write_a_valid_atom_feed_per_owner_when_gaps_have_updates() throws Exception {
        // given: the SSO gap was first seen on 2026-09-29, 9 days before the data's latest day, so it is
        // past its fresh week and announced as ongoing on this first run
        // when
        OwnerFeeds.Written written = new OwnerFeeds(FeedOptions.DEFAULT)
                .write(tmp.resolve("feeds"), lifecycle, lifecycle.next().updates(), catalog, data);

        // then
        assertThat(written.folders()).containsOnlyKeys("cx-triage", "docs-team", "support-ops");
        Feed feed = parse(tmp.resolve("feeds/docs-team/feed.atom"));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).startsWith("urn:uuid:");
        assertThat(feed.getTitle()).isEqualTo("CX gaps for docs-team");
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getAuthors()).isNotEmpty();
        List<Entry> entries = feed.getEntries();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.getId()).startsWith("urn:uuid:");
            assertThat(e.getTitle()).isEqualTo("Ongoing gap: knowledge / missing article: SSO set-up (sso-setup)");
            assertThat(e.getUpdated()).isNotNull();
            assertThat(e.getSummary().getValue()).contains("4 conversations").contains("c01, c06, c04")
                    .contains("Mean CX 4.25 vs 2.67");
            assertThat(e.getAlternateLinks()).extracting(Link::getHref).containsExactly("../../dashboard.html#" + SSO_GAP);
        });
    }

    @Test
    void should_write_the_same_bytes_and_entry_ids_when_run_again_on_the_same_data() throws Exception {
        // given
        new OwnerFeeds(FeedOptions.DEFAULT).write(tmp.resolve("a"), lifecycle, lifecycle.next().updates(), catalog, data);
        GapLifecycle.Result again = new GapLifecycle(LifecyclePolicy.DEFAULT).assess(catalog, GapStateFile.Snapshot.EMPTY);

        // when
        new OwnerFeeds(FeedOptions.DEFAULT).write(tmp.resolve("b"), again, again.next().updates(), catalog, data);

        // then
        for (String file : List.of("feed.atom", "updates.jsonl", "gaps.jsonl")) {
            assertThat(Files.readString(tmp.resolve("b/docs-team/" + file)))
                    .isEqualTo(Files.readString(tmp.resolve("a/docs-team/" + file)));
        }
    }

    @Test
    void should_leave_conversation_text_out_unless_a_redactor_is_given() throws Exception {
        // given: every fixture conversation opens with "My invoice is wrong"
        FeedOptions redacting = FeedOptions.DEFAULT.withRedactor(text -> text.replace("invoice", "[REDACTED]"));

        // when
        new OwnerFeeds(FeedOptions.DEFAULT).write(tmp.resolve("plain"), lifecycle, lifecycle.next().updates(), catalog, data);
        new OwnerFeeds(redacting).write(tmp.resolve("redacted"), lifecycle, lifecycle.next().updates(), catalog, data);

        // then
        for (String file : List.of("feed.atom", "updates.jsonl", "gaps.jsonl")) {
            assertThat(Files.readString(tmp.resolve("plain/docs-team/" + file))).doesNotContain("My ");
            assertThat(Files.readString(tmp.resolve("redacted/docs-team/" + file))).doesNotContain("invoice");
        }
        assertThat(parse(tmp.resolve("redacted/docs-team/feed.atom")).getEntries().get(0).getSummary().getValue())
                .contains("My [REDACTED] is wrong");
        JsonNode line = new ObjectMapper().readTree(Files.readAllLines(tmp.resolve("redacted/docs-team/updates.jsonl")).get(0));
        assertThat(line.path("example_excerpt_redacted").asText()).isEqualTo("My [REDACTED] is wrong");
    }

    @Test
    void should_list_every_gap_of_the_owner_with_state_and_trend_in_json_lines() throws Exception {
        // when
        new OwnerFeeds(FeedOptions.DEFAULT).write(tmp.resolve("feeds"), lifecycle, lifecycle.next().updates(), catalog, data);

        // then
        List<String> lines = Files.readAllLines(tmp.resolve("feeds/docs-team/gaps.jsonl"));
        JsonNode gap = new ObjectMapper().readTree(lines.get(0));
        assertThat(lines).hasSize(1);
        assertThat(gap.path("gap_id").asText()).isEqualTo(SSO_GAP);
        assertThat(gap.path("state").asText()).isEqualTo("ongoing");
        assertThat(gap.path("weekly_conversations").path("2026-09-28").asLong()).isEqualTo(2);
        assertThat(gap.path("weekly_conversations").path("2026-10-05").asLong()).isEqualTo(2);
    }
}
