package io.cxscore.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntercomReaderTest {
    @TempDir
    Path dir;

    private static final String AI_THEN_HUMAN = """
            {"type": "conversation", "id": "215", "created_at": 1709283600, "updated_at": 1709290000, "state": "closed",
             "source": {"type": "conversation", "delivered_as": "customer_initiated",
                        "body": "<p>My card was declined&nbsp;twice</p>", "author": {"type": "user", "id": "u1", "name": "Ana"}},
             "conversation_parts": {"type": "conversation_part.list", "conversation_parts": [
               {"part_type": "comment", "body": "<p>Sorry! Let me check.<br>One moment.</p>", "created_at": 1709283660,
                "author": {"type": "bot", "id": "b1", "name": "Fin"}},
               {"part_type": "comment", "body": "<p>I want a human</p>", "created_at": 1709283700, "author": {"type": "user", "id": "u1"}},
               {"part_type": "assignment", "body": null, "created_at": 1709283710, "author": {"type": "bot", "id": "b1"},
                "assigned_to": {"type": "team", "id": "77"}},
               {"part_type": "note", "body": "<p>Fraud hold, lifting it</p>", "created_at": 1709283800, "author": {"type": "admin", "id": "a9", "name": "Kim"}},
               {"part_type": "comment", "body": "<p>Done, try again.</p>", "created_at": 1709283900, "author": {"type": "admin", "id": "a9", "name": "Kim"}},
               {"part_type": "open", "body": null, "created_at": 1709283950, "author": {"type": "admin"}},
               {"part_type": "close", "body": "", "created_at": 1709284000, "author": {"type": "admin", "id": "a9"}}]},
             "ai_agent_participated": true, "ai_agent": {"resolution_state": "routed_to_team", "rating": 2},
             "conversation_rating": {"rating": 4, "remark": "ok"}, "team_assignee_id": 77,
             "tags": {"type": "tag.list", "tags": [{"id": "1", "name": "cards"}]}, "custom_attributes": {"plan": "pro", "empty": null}}
            """;

    @Test
    void should_map_roles_notes_transfers_close_time_and_rating() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "conversations.json", "{\"type\": \"conversation.list\", \"conversations\": [" + AI_THEN_HUMAN + "]}");

        // when
        ReadOutcome out = ReadOutcome.of(new IntercomReader(), f);

        // then
        assertThat(out.rejected()).isEmpty();
        Conversation c = out.byId("215");
        assertThat(c.messages()).extracting(Message::role)
                .containsExactly(Role.CUSTOMER, Role.AI_AGENT, Role.CUSTOMER, Role.HUMAN_AGENT, Role.HUMAN_AGENT);
        assertThat(c.messages()).extracting(Message::isPublic).containsExactly(true, true, true, false, true);
        assertThat(c.messages()).extracting(Message::text).containsExactly("My card was declined twice",
                "Sorry! Let me check.\nOne moment.", "I want a human", "Fraud hold, lifting it", "Done, try again.");
        assertThat(c.messages().get(1).at()).isEqualTo(Instant.ofEpochSecond(1709283660));
        assertThat(c.messages().get(3).author()).isEqualTo("Kim");
        assertThat(c.transfers()).singleElement().isEqualTo(
                new Transfer(Instant.ofEpochSecond(1709283710), null, "team:77", "assignment", 2));
        assertThat(c.openedAt()).isEqualTo(Instant.ofEpochSecond(1709283600));
        assertThat(c.closedAt()).isEqualTo(Instant.ofEpochSecond(1709284000));
        assertThat(c.csat()).isEqualTo(4);
        assertThat(c.channel()).isEqualTo("chat");
        assertThat(c.team()).isEqualTo("77");
        assertThat(c.handledByAi()).isTrue();
        assertThat(c.metadata()).containsEntry("ai_agent.resolution_state", "routed_to_team").containsEntry("ai_agent.rating", "2")
                .containsEntry("ai_agent_participated", "true").containsEntry("tags", "cards").containsEntry("custom.plan", "pro")
                .doesNotContainKey("custom.empty");
    }

    @Test
    void should_accept_plain_part_arrays_and_ai_answer_flags() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "c.jsonl", """
                {"id": 9, "created_at": "1709283600", "source": {"body": "hi", "author": {"type": "lead"}}, "conversation_parts": [{"part_type": "comment", "body": "Hello from AI", "author": {"type": "admin", "id": "a1"}, "is_ai_answer": true}], "tags": ["vip"]}
                """);

        // when
        ReadOutcome out = ReadOutcome.of(new IntercomReader(), f);

        // then
        Conversation c = out.byId("9");
        assertThat(c.messages()).extracting(Message::role).containsExactly(Role.CUSTOMER, Role.AI_AGENT);
        assertThat(c.metadata()).containsEntry("tags", "vip");
        assertThat(c.closedAt()).isNull();
    }

    @Test
    void should_quarantine_unknown_author_type_and_bad_rating_naming_the_part() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "c.jsonl", String.join("\n",
                "{\"id\": 1, \"source\": {\"body\": \"hi\", \"author\": {\"type\": \"user\"}}, \"conversation_parts\": {\"conversation_parts\": [{\"part_type\": \"comment\", \"body\": \"x\", \"author\": {\"type\": \"alien\"}}]}}",
                "{\"id\": 2, \"source\": {\"body\": \"hi\", \"author\": {\"type\": \"user\"}}, \"conversation_rating\": {\"rating\": 7}}",
                "{\"id\": 3, \"created_at\": \"soon\", \"source\": {\"body\": \"hi\", \"author\": {\"type\": \"user\"}}}",
                "not json",
                "{\"id\": 5, \"source\": {\"body\": \"<p>hi</p>\", \"author\": {\"type\": \"contact\"}}}"));

        // when
        ReadOutcome out = ReadOutcome.of(new IntercomReader(), f);

        // then
        assertThat(out.read()).extracting(Conversation::id).containsExactly("5");
        assertThat(out.rejected()).extracting(QuarantineRecord::field).containsExactly(
                "conversation_parts[0].author.type", "conversation_rating.rating", "created_at", "record");
        assertThat(out.rejected().get(0).recordId()).isEqualTo("1");
        assertThat(out.rejected().get(3).position()).isEqualTo("line 4");
        assertThat(out.total()).isEqualTo(5);
    }
}
