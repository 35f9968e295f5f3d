package io.cxscore.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbcdReaderTest {
    @TempDir
    Path dir;

    @Test
    void should_turn_action_turns_into_agent_actions_after_the_previous_message() throws IOException {
        // given
        Path f = SharedDatasets.require("abcd/abcd_sample.json");

        // when
        ReadOutcome out = ReadOutcome.of(new AbcdReader(), f);

        // then
        assertThat(out.rejected()).isEmpty();
        assertThat(out.read()).hasSize(3);
        Conversation c = out.byId("3592");
        assertThat(c.metadata()).containsEntry("flow", "product_defect").containsEntry("subflow", "return_size");
        assertThat(c.messages()).extracting(Message::role).doesNotContain(Role.SYSTEM).contains(Role.CUSTOMER, Role.HUMAN_AGENT);
        assertThat(c.messages()).hasSize(29 - 4);
        assertThat(c.actions()).extracting(AgentAction::name)
                .containsExactly("pull-up-account", "validate-purchase", "enter-details", "notify-team");
        AgentAction first = c.actions().get(0);
        assertThat(first.afterMessage()).isEqualTo(5);
        assertThat(c.messages().get(5).text()).isEqualTo("thanks, may I ask the reason for the return?");
        assertThat(first.status()).isEqualTo("succeeded");
    }

    @Test
    void should_name_actions_by_text_without_delexed_turns_and_quarantine_unknown_speakers() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "abcd.json", """
                [{"convo_id": 1, "scenario": {"flow": "f", "subflow": "s"},
                  "original": [["customer", "reset my password"], ["action", "Password has been reset."], ["agent", "done"]]},
                 {"convo_id": 2, "original": [["customer", "hi"], ["robot", "beep"]]}]
                """);

        // when
        ReadOutcome out = ReadOutcome.of(new AbcdReader(), f);

        // then
        assertThat(out.byId("1").actions()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Password has been reset.");
            assertThat(a.afterMessage()).isZero();
        });
        assertThat(out.rejected()).singleElement().satisfies(q -> {
            assertThat(q.recordId()).isEqualTo("2");
            assertThat(q.field()).isEqualTo("original[1][0]");
        });
    }
}
