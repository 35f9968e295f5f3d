package io.cxscore.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxscore.core.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationReadersTest {
    @TempDir
    Path dir;

    @Test
    void should_list_valid_formats_when_format_unknown() {
        // when / then
        assertThatThrownBy(() -> ConversationReaders.forFormat("freshdesk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'freshdesk'")
                .hasMessageContaining("cx-jsonl, zendesk, intercom, uss, stc3, twcs, twitter-cdp, abcd");
    }

    @Test
    void should_give_each_format_its_reader() {
        // when / then
        for (String f : ConversationReaders.formats()) {
            assertThat(ConversationReaders.forFormat(f).format()).isEqualTo(f);
        }
    }

    @Test
    void should_detect_json_exports_by_their_first_record() throws IOException {
        // given
        Map<String, String> files = Map.of(
                "export1.json", "{\"type\": \"conversation.list\", \"conversations\": [{\"id\": \"1\", \"conversation_parts\": []}]}",
                "export2.jsonl", "{\"id\": 1, \"requester_id\": 5, \"comments\": []}\n",
                "ours.jsonl.gz", "{\"id\": \"c1\", \"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}]}\n",
                "cdp.json", "[{\"dialogHeader\": {}, \"dialogContent\": []}]",
                "abcd.json", "[{\"convo_id\": 1, \"original\": []}]",
                "dq.json", "[{\"id\": \"1\", \"turns\": [{\"sender\": \"customer\", \"utterances\": []}]}]");
        Map<String, String> expected = Map.of("export1.json", "intercom", "export2.jsonl", "zendesk", "ours.jsonl.gz", "cx-jsonl",
                "cdp.json", "twitter-cdp", "abcd.json", "abcd", "dq.json", "stc3");

        for (var e : files.entrySet()) {
            // when
            ConversationReader r = ConversationReaders.detect(ReadOutcome.write(dir, e.getKey(), e.getValue()));

            // then
            assertThat(r.format()).as(e.getKey()).isEqualTo(expected.get(e.getKey()));
        }
    }

    @Test
    void should_detect_text_datasets_by_layout_when_renamed() throws IOException {
        // given
        Path uss = ReadOutcome.write(dir, "a.txt", "\nUSER\thi\tINFORM\t3,3,3\n");
        Path twcs = ReadOutcome.write(dir, "b.txt", "\n-----  [1, 2]  -----\nUSER: hi {1,1,1}\n");

        // when / then
        assertThat(ConversationReaders.detect(uss).format()).isEqualTo("uss");
        assertThat(ConversationReaders.detect(twcs).format()).isEqualTo("twcs");
    }

    @Test
    void should_detect_every_shared_dataset_file() throws IOException {
        // given
        Map<String, String> files = Map.of("uss/SGD.txt", "uss", "uss/ReDial-action.txt", "uss",
                "stc3-dialogue-quality/train_data_en.json.gz", "stc3", "stc3-dialogue-quality/test_data_cn.json", "stc3",
                "twcs-frustration/dprocessed.txt", "twcs", "twitter-cdp/dev.json", "twitter-cdp", "abcd/abcd_sample.json", "abcd");

        for (var e : files.entrySet()) {
            // when / then
            assertThat(ConversationReaders.detect(SharedDatasets.require(e.getKey())).format()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void should_explain_when_a_file_is_unknown_or_missing() throws IOException {
        // given
        Path csv = ReadOutcome.write(dir, "tickets.csv", "id,subject\n1,hello\n");
        Path other = ReadOutcome.write(dir, "x.json", "[{\"foo\": 1}]");
        Path users = ReadOutcome.write(dir, "users.json", "[{\"id\": 1, \"role\": \"agent\"}]");

        // when / then
        assertThatThrownBy(() -> ConversationReaders.detect(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither JSON nor a known dataset layout");
        assertThatThrownBy(() -> ConversationReaders.detect(other)).hasMessageContaining("fields [foo]");
        assertThatThrownBy(() -> ConversationReaders.detect(users)).hasMessageContaining("Zendesk side file");
        assertThatThrownBy(() -> ConversationReaders.detect(dir.resolve("absent.json"))).isInstanceOf(IOException.class);
    }
}
