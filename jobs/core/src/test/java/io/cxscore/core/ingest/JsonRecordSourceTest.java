package io.cxscore.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRecordSourceTest {
    @TempDir
    Path dir;

    private static List<JsonRecord> all(Path file, Set<String> keys) throws IOException {
        List<JsonRecord> out = new ArrayList<>();
        try (JsonRecordSource s = JsonRecordSource.open(file, keys)) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<String> ids(List<JsonRecord> records) {
        return records.stream().filter(r -> r instanceof JsonRecord.Parsed)
                .map(r -> ((JsonRecord.Parsed) r).node().path("id").asText()).toList();
    }

    @Test
    void should_read_json_lines_and_quarantine_only_the_bad_line() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "t.jsonl", "{\"id\":1}\n\n{\"id\":2,\n{\"id\":3} trailing\n{\"id\":4}\n");

        // when
        List<JsonRecord> records = all(f, Set.of("tickets"));

        // then
        assertThat(ids(records)).containsExactly("1", "4");
        assertThat(records).filteredOn(r -> r instanceof JsonRecord.Unreadable)
                .extracting(JsonRecord::position).containsExactly("line 3", "line 4");
        assertThat(records).extracting(JsonRecord::ordinal).containsExactly(0, 1, 2, 3);
    }

    @Test
    void should_stream_a_top_level_array_from_gzip() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "t.json.gz", "[\n {\"id\": \"a\"},\n {\"id\": \"b\"}\n]\n");

        // when
        List<JsonRecord> records = all(f, Set.of());

        // then
        assertThat(ids(records)).containsExactly("a", "b");
        assertThat(records).extracting(JsonRecord::position).containsExactly("record 1", "record 2");
    }

    @Test
    void should_find_the_array_under_a_wrapper_key_after_other_fields() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "c.json", """
                {"type": "conversation.list", "pages": {"next": null},
                 "conversations": [{"id": "1"}, {"id": "2"}], "total_count": 2}
                """);

        // when
        List<JsonRecord> records = all(f, Set.of("conversations"));

        // then
        assertThat(ids(records)).containsExactly("1", "2");
    }

    @Test
    void should_read_every_wrapped_array_in_turn() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "abcd.json", "{\"train\": [{\"id\": 1}], \"dev\": [], \"test\": [{\"id\": 2}]}");

        // when
        List<JsonRecord> records = all(f, Set.of("train", "dev", "test"));

        // then
        assertThat(ids(records)).containsExactly("1", "2");
        assertThat(records).extracting(JsonRecord::position).containsExactly("record 1", "record 2");
    }

    @Test
    void should_quarantine_the_remainder_as_one_record_when_an_array_breaks() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "t.json", "[{\"id\": 1}, {\"id\": 2, \"x\": tru}, {\"id\": 3}]");

        // when
        List<JsonRecord> records = all(f, Set.of());

        // then
        assertThat(ids(records)).containsExactly("1");
        assertThat(records).hasSize(2);
        JsonRecord.Unreadable bad = (JsonRecord.Unreadable) records.get(1);
        assertThat(bad.position()).isEqualTo("record 2");
        assertThat(bad.reason()).contains("invalid JSON at line 1").contains("everything after it are not read");
    }

    @Test
    void should_read_a_pretty_printed_object_that_is_not_a_wrapper_as_one_record() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "one.json", "{\n  \"id\": \"x\",\n  \"tickets\": 3\n}\n{\n  \"id\": \"y\"\n}\n");

        // when
        List<JsonRecord> records = all(f, Set.of("tickets"));

        // then
        assertThat(ids(records)).containsExactly("x", "y");
    }

    @Test
    void should_yield_nothing_for_an_empty_file_and_one_rejection_for_a_scalar() throws IOException {
        // given
        Path empty = ReadOutcome.write(dir, "e.json", "  \n");
        Path scalar = ReadOutcome.write(dir, "s.json", "42");

        // when / then
        assertThat(all(empty, Set.of())).isEmpty();
        assertThat(all(scalar, Set.of())).singleElement().isInstanceOf(JsonRecord.Unreadable.class);
    }
}
