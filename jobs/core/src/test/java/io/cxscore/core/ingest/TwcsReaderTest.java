package io.cxscore.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.eval.HoldoutSplit;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwcsReaderTest {
    @TempDir
    Path dir;

    private static final String THREADS = """

            --------------------  [2580, 2578, 2579]  --------------------
            USER:  the @amazonhelp queue is clueless on @115821 Household {4,2,3}
            SUPP: I'm sorry for the frustration! Can you tell us more? ^AC
            USER: legacy account ///  I've been in the prime queue, and now on hold again. {4,n,}
            SUPP: Please reach out here: https://t.co/x ^LH

            --------------------  [11, 12]  --------------------
            USER: @115821 my order is late {,,}
            SUPP: Sorry @115821, DM us.
            """;

    @Test
    void should_map_turns_frustration_votes_brand_and_tweet_ids() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "dprocessed.txt", THREADS);

        // when
        ReadOutcome out = ReadOutcome.of(new TwcsReader(), f);

        // then
        assertThat(out.rejected()).isEmpty();
        Conversation c = out.byId("twcs-0");
        assertThat(c.channel()).isEqualTo("twitter");
        assertThat(c.brand()).isEqualTo("amazonhelp");
        assertThat(c.messages()).extracting(Message::role)
                .containsExactly(Role.CUSTOMER, Role.HUMAN_AGENT, Role.CUSTOMER, Role.HUMAN_AGENT);
        assertThat(c.messages().get(2).text()).isEqualTo("legacy account\nI've been in the prime queue, and now on hold again.");
        assertThat(c.messages().get(0).text()).isEqualTo("the @amazonhelp queue is clueless on @115821 Household");
        assertThat(c.labels().turns()).isEqualTo(Map.of(
                0, Map.of("frustration", List.of(4, 2, 3)), 2, Map.of("frustration", List.of(4))));
        assertThat(c.metadata()).containsEntry("tweet_ids", "2580,2578,2579").containsEntry(HoldoutSplit.KEY, "0");
        Conversation unrated = out.byId("twcs-1");
        assertThat(unrated.brand()).isNull();
        assertThat(unrated.labels().turns()).isEmpty();
    }

    @Test
    void should_quarantine_a_thread_with_a_bad_rating_and_read_the_next() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "dprocessed.txt", THREADS.replace("{4,2,3}", "{4,9,3}") + "\nUSER: no header {1,1,1}\n");

        // when
        ReadOutcome out = ReadOutcome.of(new TwcsReader(), f);

        // then
        assertThat(out.read()).extracting(Conversation::id).containsExactly("twcs-1");
        assertThat(out.rejected()).extracting(QuarantineRecord::position, QuarantineRecord::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("line 3", "frustration"),
                        org.assertj.core.groups.Tuple.tuple("line 12", "header"));
        assertThat(out.total()).isEqualTo(3);
    }

    @Test
    void should_read_all_376_threads_and_1038_customer_turns() throws IOException {
        // given
        Path f = SharedDatasets.require("twcs-frustration/dprocessed.txt");

        // when
        ReadOutcome out = ReadOutcome.of(new TwcsReader(), f);

        // then
        assertThat(out.rejected()).isEmpty();
        assertThat(out.read()).hasSize(376);
        assertThat(out.read().stream().flatMap(c -> c.messages().stream()).filter(m -> m.role() == Role.CUSTOMER).count())
                .isEqualTo(1038);
        assertThat(out.read().stream().flatMap(c -> c.messages().stream()).filter(m -> m.role() == Role.HUMAN_AGENT).count())
                .isEqualTo(928);
        // 3,114 slots minus 93 'n' and 214 empty
        assertThat(out.read().stream().flatMap(c -> c.labels().turns().values().stream())
                .mapToInt(t -> t.get("frustration").size()).sum()).isEqualTo(3114 - 93 - 214);
    }
}
