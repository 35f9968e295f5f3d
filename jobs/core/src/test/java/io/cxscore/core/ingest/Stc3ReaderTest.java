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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Stc3ReaderTest {
    @TempDir
    Path dir;

    private static final String DIALOGUES = """
            [{"id": "3447010822262235",
              "turns": [{"sender": "customer", "utterances": ["C： The delivery speed is so fast.", "", "Hope it will fit."]},
                        {"sender": "helpdesk", "utterances": ["H： OK, wait for your good news."]}],
              "annotations": [{"quality": {"A": 0, "S": 2, "E": 2}, "nugget": ["CNUG", "HNUG"]},
                              {"quality": {"A": 1, "S": 0, "E": -2}, "nugget": ["CNUG*", "HNaN"]}]},
             {"id": "42", "turns": [{"sender": "customer", "utterances": ["hi"]}],
              "annotations": [{"quality": {"A": 0, "S": 5, "E": 0}, "nugget": ["CNUG0"]}]},
             {"id": "43", "turns": [{"sender": "bot", "utterances": ["hi"]}]},
             {"id": "44", "turns": [{"sender": "customer", "utterances": ["still here"]}]}]
            """;

    @Test
    void should_map_turns_and_annotator_votes() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "train_data_en.json.gz", DIALOGUES);

        // when
        ReadOutcome out = ReadOutcome.of(new Stc3Reader(), f);

        // then
        Conversation c = out.byId("stc3-en-3447010822262235");
        assertThat(c.source()).isEqualTo("stc3-en");
        assertThat(c.channel()).isEqualTo("weibo");
        assertThat(c.messages()).extracting(Message::role).containsExactly(Role.CUSTOMER, Role.HUMAN_AGENT);
        assertThat(c.messages()).extracting(Message::text)
                .containsExactly("The delivery speed is so fast.\nHope it will fit.", "OK, wait for your good news.");
        assertThat(c.labels().dialogue()).containsEntry("A", List.of(0, 1)).containsEntry("S", List.of(2, 0))
                .containsEntry("E", List.of(2, -2)).containsEntry("customer_confirmed", List.of(0, 1));
        assertThat(HoldoutSplit.keyOf(c)).isEqualTo("3447010822262235");
        assertThat(c.metadata()).containsEntry("dataset_split", "train");
    }

    @Test
    void should_quarantine_out_of_range_votes_and_unknown_senders() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "test_data_cn.json", DIALOGUES);

        // when
        ReadOutcome out = ReadOutcome.of(new Stc3Reader(), f);

        // then
        assertThat(out.read()).extracting(Conversation::id).containsExactly("stc3-cn-3447010822262235", "stc3-cn-44");
        assertThat(out.rejected()).extracting(QuarantineRecord::position, QuarantineRecord::recordId, QuarantineRecord::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("record 2", "42", "annotations[0].quality.S"),
                        org.assertj.core.groups.Tuple.tuple("record 3", "43", "turns[0].sender"));
        assertThat(out.total()).isEqualTo(4);
    }

    @Test
    void should_read_all_english_training_dialogues_with_19_votes_each() throws IOException {
        // given
        Path f = SharedDatasets.require("stc3-dialogue-quality/train_data_en.json.gz");

        // when
        ReadOutcome out = ReadOutcome.of(new Stc3Reader(), f);

        // then
        assertThat(out.rejected()).isEmpty();
        assertThat(out.read()).hasSize(1672);
        assertThat(out.read()).allSatisfy(c -> {
            for (String label : List.of("A", "S", "E", "customer_confirmed")) {
                assertThat(c.labels().dialogue().get(label)).as(c.id() + " " + label).hasSize(19);
            }
        });
        assertThat(out.read().stream().flatMap(c -> c.labels().dialogue().get("S").stream()).filter(v -> v == -2).count())
                .isEqualTo(4723);
    }

    @Test
    void should_read_the_chinese_and_unlabelled_test_files() throws IOException {
        // when
        ReadOutcome cn = ReadOutcome.of(new Stc3Reader(), SharedDatasets.require("stc3-dialogue-quality/train_data_cn.json.gz"));
        ReadOutcome test = ReadOutcome.of(new Stc3Reader(), SharedDatasets.require("stc3-dialogue-quality/test_data_en.json"));

        // then
        assertThat(cn.rejected()).isEmpty();
        assertThat(cn.read()).hasSize(3700);
        assertThat(test.rejected()).isEmpty();
        assertThat(test.read()).hasSize(390).allSatisfy(c -> assertThat(c.labels().isEmpty()).isTrue());
    }
}
