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

class UssReaderTest {
    @TempDir
    Path dir;

    private static final String TWO_DIALOGUES = """

            USER\tWhat is the weather like on March 4th?\tINFORM\t3,3,3
            SYSTEM\tIn which city should I look?\tREQUEST\t
            USER\tMill Valley.\tINFORM\t4,3,2
            USER\tOVERALL\t\t4,3,4

            SYSTEM\tHi! What can I do?\tGREET\t
            USER\tFind me a flight\tINFORM\t
            USER\tTo Paris\tINFORM\t2,2,3
            USER\tOVERALL\t\t2,3,3
            """;

    @Test
    void should_map_roles_turn_votes_and_overall_votes() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "SGD.txt", TWO_DIALOGUES);

        // when
        ReadOutcome out = ReadOutcome.of(new UssReader(), f);

        // then
        assertThat(out.rejected()).isEmpty();
        Conversation first = out.byId("uss-sgd-0");
        assertThat(first.source()).isEqualTo("uss-sgd");
        assertThat(first.messages()).extracting(Message::role).containsExactly(Role.CUSTOMER, Role.AI_AGENT, Role.CUSTOMER);
        assertThat(first.labels().dialogue()).isEqualTo(Map.of("satisfaction", List.of(4, 3, 4)));
        assertThat(first.labels().turns()).isEqualTo(Map.of(
                0, Map.of("satisfaction", List.of(3, 3, 3)), 2, Map.of("satisfaction", List.of(4, 3, 2))));
        assertThat(first.metadata()).containsEntry(HoldoutSplit.KEY, "0");
        Conversation second = out.byId("uss-sgd-1");
        assertThat(second.messages()).extracting(Message::text).containsExactly("Hi! What can I do?", "Find me a flight", "To Paris");
        assertThat(second.labels().turns()).containsOnlyKeys(2);
    }

    @Test
    void should_make_the_system_a_human_agent_outside_sgd() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "CCPE.txt", TWO_DIALOGUES);

        // when
        ReadOutcome out = ReadOutcome.of(new UssReader(), f);

        // then
        assertThat(out.byId("uss-ccpe-0").messages().get(1).role()).isEqualTo(Role.HUMAN_AGENT);
    }

    @Test
    void should_quarantine_a_dialogue_with_a_bad_rating_naming_its_line() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "ReDial.txt", TWO_DIALOGUES.replace("4,3,2", "4,x,2") + "\nBOT\thello\t\t\n");

        // when
        ReadOutcome out = ReadOutcome.of(new UssReader(), f);

        // then
        assertThat(out.read()).extracting(Conversation::id).containsExactly("uss-redial-1");
        assertThat(out.rejected()).extracting(QuarantineRecord::position, QuarantineRecord::recordId, QuarantineRecord::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("line 4", "uss-redial-0", "satisfaction"),
                        org.assertj.core.groups.Tuple.tuple("line 12", "uss-redial-2", "role"));
        assertThat(out.total()).isEqualTo(3);
    }

    @Test
    void should_read_all_sgd_dialogues_with_their_rated_turns() throws IOException {
        // given
        Path sgd = SharedDatasets.require("uss/SGD.txt");

        // when
        ReadOutcome out = ReadOutcome.of(new UssReader(), sgd);

        // then
        assertThat(out.rejected()).isEmpty();
        assertThat(out.read()).hasSize(1000);
        assertThat(out.read().stream().mapToInt(c -> c.labels().turns().size()).sum()).isEqualTo(12_833);
        assertThat(out.read()).allSatisfy(c -> assertThat(c.labels().dialogue()).containsKey("satisfaction"));
        assertThat(out.read().stream().mapToLong(c -> c.messages().stream().filter(m -> m.role() == Role.AI_AGENT).count()).sum())
                .isEqualTo(12_833);
        long test = out.read().stream().filter(HoldoutSplit::isTest).count();
        assertThat(test).isBetween(170L, 230L);
    }

    @Test
    void should_read_the_other_uss_files_without_rejects() throws IOException {
        // given
        Map<String, Integer> dialogues = Map.of("ReDial.txt", 1000, "CCPE.txt", 500, "ReDial-action.txt", 336);

        for (var e : dialogues.entrySet()) {
            // when
            ReadOutcome out = ReadOutcome.of(new UssReader(), SharedDatasets.require("uss/" + e.getKey()));

            // then
            assertThat(out.rejected()).as(e.getKey()).isEmpty();
            assertThat(out.read()).as(e.getKey()).hasSize(e.getValue());
        }
    }
}
