package io.cxscore.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZendeskReaderTest {
    @TempDir
    Path dir;

    private static final String TICKET_WITH_TRANSFER = """
            {"id": 4411, "created_at": "2024-03-01T09:00:00Z", "updated_at": "2024-03-02T10:00:00Z",
             "solved_at": "2024-03-02T09:30:00Z", "status": "solved", "priority": "high", "via": {"channel": "email"},
             "brand_id": 7, "group_id": 21, "requester_id": 501, "tags": ["billing", "refund"],
             "custom_fields": [{"id": 360001, "value": "refund"}, {"id": 360002, "value": null}],
             "satisfaction_rating": {"score": "good", "comment": "thanks"},
             "comments": [
               {"id": 1, "author_id": 501, "plain_body": "I was charged twice.", "public": true, "created_at": "2024-03-01T09:00:00Z"},
               {"id": 2, "author_id": 900, "body": "Looks like a billing case.", "public": false, "created_at": "2024-03-01T09:05:00Z"},
               {"id": 3, "author_id": 601, "html_body": "<p>Refund issued.</p><p>Sorry &amp; thanks!</p>", "created_at": "2024-03-01T10:00:00Z"}],
             "audits": [{"created_at": "2024-03-01T09:06:00Z", "events": [
               {"type": "Create", "field_name": "group_id", "value": "20"}]},
               {"created_at": "2024-03-01T09:06:00Z", "events": [
               {"type": "Change", "field_name": "group_id", "previous_value": "20", "value": "21"}]}]}
            """.replace("\n", " ");

    @BeforeEach
    void users() throws IOException {
        // given: the users and groups side files a Zendesk export comes with
        ReadOutcome.write(dir, "users.json", """
                {"users": [
                  {"id": 501, "name": "Ana Costa", "role": "end-user"},
                  {"id": 601, "name": "Ben Agent", "role": "agent"},
                  {"id": 900, "name": "Ada Admin", "role": "admin"},
                  {"id": 950, "name": "Answer Bot", "role": "agent", "user_fields": {"ai_agent": true}},
                  {"id": 951, "name": "Odd", "role": "owner"}]}
                """);
        ReadOutcome.write(dir, "groups.jsonl", "{\"id\": 20, \"name\": \"Tier 1\"}\n{\"id\": 21, \"name\": \"Billing\"}\n");
    }

    @Test
    void should_map_ticket_fields_roles_notes_csat_and_group_transfers() throws IOException {
        // given
        Path tickets = ReadOutcome.write(dir, "tickets.jsonl", TICKET_WITH_TRANSFER + "\n");

        // when
        ReadOutcome out = ReadOutcome.of(new ZendeskReader(), tickets);

        // then
        assertThat(out.rejected()).isEmpty();
        Conversation c = out.byId("4411");
        assertThat(c.source()).isEqualTo("zendesk");
        assertThat(c.channel()).isEqualTo("email");
        assertThat(c.brand()).isEqualTo("7");
        assertThat(c.team()).isEqualTo("Billing");
        assertThat(c.openedAt()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(c.closedAt()).isEqualTo(Instant.parse("2024-03-02T09:30:00Z"));
        assertThat(c.messages()).extracting(Message::role).containsExactly(Role.CUSTOMER, Role.HUMAN_AGENT, Role.HUMAN_AGENT);
        assertThat(c.messages()).extracting(Message::isPublic).containsExactly(true, false, true);
        assertThat(c.messages().get(0).author()).isEqualTo("Ana Costa");
        assertThat(c.messages().get(2).text()).isEqualTo("Refund issued.\nSorry & thanks!");
        assertThat(c.csat()).isEqualTo(5);
        assertThat(c.metadata()).containsEntry("satisfaction_score", "good").containsEntry("tags", "billing,refund")
                .containsEntry("custom_field.360001", "refund").containsEntry("priority", "high")
                .doesNotContainKey("custom_field.360002");
        assertThat(c.transfers()).singleElement().satisfies(t -> {
            assertThat(t.fromQueue()).isEqualTo("Tier 1");
            assertThat(t.toQueue()).isEqualTo("Billing");
            assertThat(t.afterMessage()).isEqualTo(1);
        });
    }

    @Test
    void should_quarantine_comment_when_author_unknown() throws IOException {
        // given
        Path tickets = ReadOutcome.write(dir, "tickets.json", "{\"tickets\": [" + TICKET_WITH_TRANSFER + ","
                + "{\"id\": 4412, \"comments\": [{\"author_id\": 501, \"body\": \"hi\"}, {\"author_id\": 501, \"body\": \"hello?\"},"
                + "{\"author_id\": 777, \"body\": \"who am I\"}, {\"author_id\": 999, \"body\": \"x\"}]}]}");

        // when
        ReadOutcome out = ReadOutcome.of(new ZendeskReader(), tickets);

        // then
        assertThat(out.read()).extracting(Conversation::id).containsExactly("4411");
        assertThat(out.rejected()).singleElement().satisfies(q -> {
            assertThat(q.position()).isEqualTo("record 2");
            assertThat(q.recordId()).isEqualTo("4412");
            assertThat(q.field()).isEqualTo("comments[2].author_id");
            assertThat(q.reason()).contains("user 777 is not in users.json");
        });
        assertThat(out.total()).isEqualTo(2);
    }

    @Test
    void should_map_ai_agent_users_and_satisfaction_offered_as_no_csat() throws IOException {
        // given
        Path tickets = ReadOutcome.write(dir, "tickets.jsonl",
                "{\"id\": 1, \"status\": \"open\", \"updated_at\": \"2024-03-01T10:00:00Z\", \"satisfaction_rating\": {\"score\": \"offered\"},"
                        + " \"comments\": [{\"author_id\": 501, \"body\": \"hi\"}, {\"author_id\": 950, \"body\": \"I am a bot\"}]}\n");

        // when
        ReadOutcome out = ReadOutcome.of(new ZendeskReader(), tickets);

        // then
        Conversation c = out.byId("1");
        assertThat(c.messages()).extracting(Message::role).containsExactly(Role.CUSTOMER, Role.AI_AGENT);
        assertThat(c.csat()).isNull();
        assertThat(c.metadata()).containsEntry("satisfaction_score", "offered");
        assertThat(c.closedAt()).as("an open ticket is not closed by being updated").isNull();
    }

    @Test
    void should_quarantine_bad_fields_and_bad_lines_and_keep_reading() throws IOException {
        // given
        Path tickets = ReadOutcome.write(dir, "tickets.jsonl", String.join("\n",
                "{\"id\": 1, \"comments\": [{\"author_id\": 951, \"body\": \"x\"}]}",
                "{\"id\": 2, \"comments\": [{\"author_id\": 501, \"body\": \"x\", \"created_at\": \"yesterday\"}]}",
                "{\"id\": 3, \"satisfaction_rating\": {\"score\": \"great\"}, \"comments\": [{\"author_id\": 501, \"body\": \"x\"}]}",
                "{\"id\": 4, \"comments\": [{\"author_id\": 501}]}",
                "{\"id\": 5, \"comments\": [",
                "{\"id\": 6, \"comments\": []}",
                "{\"id\": 7, \"comments\": [{\"author_id\": 501, \"body\": \"fine\"}]}"));

        // when
        ReadOutcome out = ReadOutcome.of(new ZendeskReader(), tickets);

        // then
        assertThat(out.read()).extracting(Conversation::id).containsExactly("7");
        assertThat(out.rejected()).extracting(QuarantineRecord::position, QuarantineRecord::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple("line 1", "comments[0].author_id"),
                org.assertj.core.groups.Tuple.tuple("line 2", "comments[0].created_at"),
                org.assertj.core.groups.Tuple.tuple("line 3", "satisfaction_rating.score"),
                org.assertj.core.groups.Tuple.tuple("line 4", "comments[0].body"),
                org.assertj.core.groups.Tuple.tuple("line 5", "record"),
                org.assertj.core.groups.Tuple.tuple("line 6", "comments"));
        assertThat(out.rejected().get(0).reason()).contains("role 'owner'");
        assertThat(out.total()).isEqualTo(7);
    }

    @Test
    void should_refuse_to_open_tickets_without_a_users_file(@TempDir Path empty) throws IOException {
        // given
        Path tickets = ReadOutcome.write(empty, "tickets.jsonl", TICKET_WITH_TRANSFER + "\n");

        // when / then
        assertThatThrownBy(() -> new ZendeskReader().open(tickets)).isInstanceOf(IOException.class)
                .hasMessageContaining("users.json or users.jsonl");
    }
}
