package io.cxscore.publish.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapLifecycleTest {
    private static final LocalDate D0 = LocalDate.parse("2026-10-01");
    private static final Owner DOCS = new Owner("docs-team", "docs@example.com", "feed", false);
    private final GapLifecycle lifecycle = new GapLifecycle(LifecyclePolicy.DEFAULT);

    @TempDir
    Path tmp;

    static Gap gap(String subject, LocalDate... seenOn) {
        GapKey key = new GapKey("knowledge", "missing_article", "sso", subject);
        List<LocalDate> days = List.of(seenOn);
        return new Gap(key.id(), "knowledge", "missing_article", "sso", subject, DOCS, days.size(), days.size(), 0,
                2.0, 3.5, -1.5, days.get(0), days.get(days.size() - 1), days, List.of("c1"));
    }

    static GapCatalog catalog(LocalDate asOf, Gap... gaps) {
        return new GapCatalog(Optional.of(asOf), List.of(gaps), Map.of());
    }

    private static GapState stateOf(GapLifecycle.Result r, Gap g) {
        return r.statuses().stream().filter(s -> s.gapId().equals(g.id())).findFirst().orElseThrow().state();
    }

    @Test
    void should_be_new_then_ongoing_when_seen_daily() {
        // given
        Gap g = gap("sso", D0, D0.plusDays(3));
        Gap sameLater = gap("sso", D0, D0.plusDays(3), D0.plusDays(9));

        // when
        GapLifecycle.Result early = lifecycle.assess(catalog(D0.plusDays(6), g), GapStateFile.Snapshot.EMPTY);
        GapLifecycle.Result later = lifecycle.assess(catalog(D0.plusDays(9), sameLater), early.next());

        // then
        assertThat(stateOf(early, g)).isEqualTo(GapState.NEW);
        assertThat(early.announced()).extracting(GapUpdate::id).containsExactly(g.id() + "/new/2026-10-01");
        assertThat(stateOf(later, g)).isEqualTo(GapState.ONGOING);
        assertThat(later.announced()).as("new to ongoing is not pushed").isEmpty();
    }

    @Test
    void should_turn_resolved_after_n_days_absent_and_regressed_when_back() {
        // given: seen on day 0, then not for 14 days, then again on day 20
        Gap seenOnce = gap("sso", D0);
        Gap back = gap("sso", D0, D0.plusDays(20));

        // when
        GapLifecycle.Result day13 = lifecycle.assess(catalog(D0.plusDays(13), seenOnce), GapStateFile.Snapshot.EMPTY);
        GapLifecycle.Result day14 = lifecycle.assess(catalog(D0.plusDays(14), seenOnce), day13.next());
        GapLifecycle.Result day20 = lifecycle.assess(catalog(D0.plusDays(20), back), day14.next());

        // then
        assertThat(stateOf(day13, seenOnce)).isEqualTo(GapState.ONGOING);
        assertThat(stateOf(day14, seenOnce)).isEqualTo(GapState.RESOLVED);
        assertThat(day14.announced()).extracting(GapUpdate::id).containsExactly(seenOnce.id() + "/resolved/2026-10-15");
        assertThat(stateOf(day20, back)).isEqualTo(GapState.REGRESSED);
        assertThat(day20.announced()).extracting(GapUpdate::id).containsExactly(back.id() + "/regressed/2026-10-21");
    }

    @Test
    void should_see_regression_from_the_data_alone_when_the_state_file_is_new() {
        // given: a quiet spell of 15 days inside the data
        Gap g = gap("sso", D0, D0.plusDays(15));

        // when
        GapLifecycle.Result r = lifecycle.assess(catalog(D0.plusDays(16), g), GapStateFile.Snapshot.EMPTY);

        // then
        assertThat(stateOf(r, g)).isEqualTo(GapState.REGRESSED);
        assertThat(r.next().gaps().get(g.id()).resolutions()).containsExactly(D0.plusDays(14));
    }

    @Test
    void should_give_the_same_states_and_announce_nothing_again_when_rerun_on_the_same_data() throws Exception {
        // given
        Path stateFile = tmp.resolve("gaps/state.json");
        GapCatalog data = catalog(D0.plusDays(16), gap("a", D0, D0.plusDays(15)), gap("b", D0.plusDays(2)),
                gap("c", D0.plusDays(12)));

        // when
        GapLifecycle.Result first = lifecycle.assess(data, GapStateFile.load(stateFile));
        GapStateFile.save(stateFile, first.next());
        String savedOnce = Files.readString(stateFile);
        GapLifecycle.Result second = lifecycle.assess(data, GapStateFile.load(stateFile));
        GapStateFile.save(stateFile, second.next());
        GapLifecycle.Result fresh = lifecycle.assess(data, GapStateFile.Snapshot.EMPTY);

        // then
        assertThat(second.statuses()).extracting(GapStatus::state).isEqualTo(first.statuses().stream().map(GapStatus::state).toList());
        assertThat(first.announced()).hasSize(2); // b is already resolved on its first sighting by a run
        assertThat(second.announced()).isEmpty();
        assertThat(Files.readString(stateFile)).isEqualTo(savedOnce);
        assertThat(fresh.announced()).extracting(GapUpdate::id)
                .isEqualTo(first.announced().stream().map(GapUpdate::id).toList());
    }

    @Test
    void should_resolve_a_gap_only_the_state_file_remembers_when_its_days_left_the_data() {
        // given
        Gap g = gap("old", D0);
        GapLifecycle.Result before = lifecycle.assess(catalog(D0.plusDays(1), g), GapStateFile.Snapshot.EMPTY);

        // when: the next build no longer has the gap at all
        GapLifecycle.Result after = lifecycle.assess(catalog(D0.plusDays(30)), before.next());

        // then
        assertThat(after.statuses()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(GapState.RESOLVED);
            assertThat(s.previousState()).contains(GapState.NEW);
            assertThat(s.gap()).isEmpty();
        });
        assertThat(after.announced()).extracting(GapUpdate::state).containsExactly(GapState.RESOLVED);
    }

    @Test
    void should_fail_clearly_when_the_state_file_is_not_json() throws Exception {
        // given
        Path stateFile = tmp.resolve("state.json");
        Files.writeString(stateFile, "{not json");

        // then
        assertThatThrownBy(() -> GapStateFile.load(stateFile))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("state.json").hasMessageContaining("move it away");
    }

    @Test
    void should_refuse_a_policy_of_zero_days() {
        assertThatThrownBy(() -> new LifecyclePolicy(0, 7)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void should_normalise_spelling_when_computing_gap_ids() {
        // given
        List<String> ids = new ArrayList<>();

        // when
        ids.add(new GapKey("knowledge", "missing_article", "SSO-Setup", "SSO set-up").id());
        ids.add(new GapKey("knowledge", "missing_article", " sso setup ", "sso  Set Up!").id());

        // then
        assertThat(ids.get(0)).matches("gap-[0-9a-f]{16}").isEqualTo(ids.get(1));
        assertThat(new GapKey("knowledge", "outdated_article", "sso setup", "sso set up").id()).isNotEqualTo(ids.get(0));
    }
}
