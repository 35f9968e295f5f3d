package io.cxscore.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CxJsonlReaderTest {
    @TempDir
    Path dir;

    private static final String GOOD = "{\"id\": \"c1\", \"channel\": \"chat\", \"opened_at\": \"2024-03-01T09:00:00Z\", \"csat\": 4,"
            + " \"messages\": [{\"role\": \"customer\", \"text\": \"hi\", \"at\": \"2024-03-01T09:00:00Z\"},"
            + " {\"role\": \"ai_agent\", \"text\": \"hello\"}, {\"role\": \"human_agent\", \"text\": \"note\", \"public\": false}],"
            + " \"transfers\": [{\"from\": \"bot\", \"to\": \"billing\", \"after_message\": 1}],"
            + " \"labels\": {\"dialogue\": {\"satisfaction\": [4, 3]}, \"turns\": {\"0\": {\"satisfaction\": [3]}}}}";

    @Test
    void should_read_good_lines_and_skip_blank_ones() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "a.jsonl", "\n" + GOOD + "\n   \n\n");

        // when
        ReadOutcome out = ReadOutcome.of(new CxJsonlReader(), f);

        // then
        assertThat(out.rejected()).isEmpty();
        Conversation c = out.byId("c1");
        assertThat(c.messages()).extracting(m -> m.role()).containsExactly(Role.CUSTOMER, Role.AI_AGENT, Role.HUMAN_AGENT);
        assertThat(c.messages().get(2).isPublic()).isFalse();
        assertThat(c.openedAt()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(c.transfers()).singleElement().satisfies(t -> assertThat(t.afterMessage()).isEqualTo(1));
        assertThat(c.labels().turns().get(0).get("satisfaction")).containsExactly(3);
    }

    @Test
    void should_quarantine_each_bad_line_naming_the_field_and_keep_reading() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "b.jsonl", String.join("\n",
                "{\"id\": \"x1\", \"messages\": [",
                "{\"id\": \"x2\", \"messages\": [{\"role\": \"customer\", \"text\": \"a\"}, {\"role\": \"robot\", \"text\": \"b\"}]}",
                "{\"id\": \"x3\", \"opened_at\": \"01/03/2024\", \"messages\": [{\"role\": \"customer\", \"text\": \"a\"}]}",
                "{\"id\": \"x4\", \"csat\": 6, \"messages\": [{\"role\": \"customer\", \"text\": \"a\"}]}",
                "",
                "{\"id\": \"x5\", \"messages\": [{\"role\": \"customer\", \"text\": \"a\", \"public\": \"no\"}]}",
                "{\"id\": \"x6\", \"messages\": [{\"role\": \"customer\", \"text\": \"a\"}]} {\"id\": \"x7\"}",
                "{\"id\": \"x8\", \"messages\": [{\"role\": \"customer\", \"text\": \"a\"}], \"labels\": {\"turns\": {\"3\": {\"s\": [1]}}}}",
                GOOD));

        // when
        ReadOutcome out = ReadOutcome.of(new CxJsonlReader(), f);

        // then
        assertThat(out.read()).extracting(Conversation::id).containsExactly("c1");
        assertThat(out.rejected()).extracting(QuarantineRecord::position, QuarantineRecord::recordId, QuarantineRecord::field)
                .containsExactly(tuple("line 1", null, "record"),
                        tuple("line 2", "x2", "messages[1].role"),
                        tuple("line 3", "x3", "opened_at"),
                        tuple("line 4", "x4", "csat"),
                        tuple("line 6", "x5", "messages[0].public"),
                        tuple("line 7", null, "record"),
                        tuple("line 8", "x8", "labels.turns.3"));
        assertThat(out.rejected().get(1).reason()).contains("unknown role 'robot'");
        assertThat(out.total()).isEqualTo(8);
    }

    @Test
    void should_keep_labels_through_a_write_and_read_round_trip() {
        // given
        Conversation c = CxJsonl.parse(readTree(GOOD), "cx-jsonl");

        // when
        Conversation again = CxJsonl.parse(readTree(CxJsonl.write(c)), "cx-jsonl");

        // then
        assertThat(again).isEqualTo(c);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String s) {
        try {
            return CxJsonl.JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void should_write_back_the_same_line_it_parsed_so_a_written_line_can_stand_for_its_content_hash() throws Exception {
        // given: a demo day, with its retrieval context, actions, transfers and metadata
        io.cxscore.core.demo.DemoGenerator demo = io.cxscore.core.demo.DemoGenerator.builder().seed(7).days(1).conversationsPerDay(300).build();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (Conversation c : demo.conversations(demo.startDate())) {
            String line = CxJsonl.write(c);
            // when
            String again = CxJsonl.write(CxJsonl.parse(json.readTree(line), CxJsonl.FORMAT));
            // then
            assertThat(again).as(c.id()).isEqualTo(line);
            assertThat(CxJsonl.contentHash(line)).isEqualTo(CxJsonl.contentHash(c));
        }
    }
}
