package io.cxscore.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwitterCdpReaderTest {
    @TempDir
    Path dir;

    @Test
    void should_append_the_agent_link_reply_and_keep_document_metadata() throws IOException {
        // given
        Path f = ReadOutcome.write(dir, "dev.json", """
                [{"agentURL": {"doc_id": "8764", "turn": "3", "tweet_ID": "3", "url": "https://support.example.com/doc/1",
                               "url_utterance": "@someone Please follow https://support.example.com/doc/1"},
                  "dialogContent": [
                    {"client": "someone", "datetime": "2020-01-02T04:26:33.000Z", "message": "@HP why is my laptop possessed?", "tweet_ID": "1"},
                    {"agent": "HPSupport", "datetime": "2020-01-02T05:00:00.000Z", "message": "@someone Which model?", "tweet_ID": "2"}],
                  "dialogHeader": {"company": "HPSupport", "conversationDateTime": "2020-01-02T04:26:33.000Z",
                                   "duration": "07:22:49.0", "messageCount": "3", "sessionID": "NG1TEw8Ct3IpV9eHskDp"}},
                 {"agentURL": {"doc_id": "1"}, "dialogContent": [], "dialogHeader": {"sessionID": "broken"}},
                 {"agentURL": {"url_utterance": "see link"}, "dialogContent": [{"client1": "x", "message": "hi"}],
                  "dialogHeader": {"sessionID": "second", "company": "Delta"}}]
                """);

        // when
        ReadOutcome out = ReadOutcome.of(new TwitterCdpReader(), f);

        // then
        Conversation c = out.byId("NG1TEw8Ct3IpV9eHskDp");
        assertThat(c.messages()).extracting(Message::role).containsExactly(Role.CUSTOMER, Role.HUMAN_AGENT, Role.HUMAN_AGENT);
        assertThat(c.messages().get(2).text()).startsWith("@someone Please follow");
        assertThat(c.messages().get(0).at()).isEqualTo(Instant.parse("2020-01-02T04:26:33Z"));
        assertThat(c.brand()).isEqualTo("HPSupport");
        assertThat(c.channel()).isEqualTo("twitter");
        assertThat(c.openedAt()).isEqualTo(Instant.parse("2020-01-02T04:26:33Z"));
        assertThat(c.metadata()).containsEntry("doc_id", "8764").containsEntry("url", "https://support.example.com/doc/1");
        assertThat(out.byId("second").messages().get(0).role()).isEqualTo(Role.CUSTOMER);
        assertThat(out.rejected()).singleElement().satisfies(q -> {
            assertThat(q.recordId()).isEqualTo("broken");
            assertThat(q.field()).isEqualTo("agentURL.url_utterance");
            assertThat(q.position()).isEqualTo("record 2");
        });
    }

    @Test
    void should_read_dev_and_test_without_rejects() throws IOException {
        // when
        ReadOutcome dev = ReadOutcome.of(new TwitterCdpReader(), SharedDatasets.require("twitter-cdp/dev.json"));
        ReadOutcome test = ReadOutcome.of(new TwitterCdpReader(), SharedDatasets.require("twitter-cdp/test.json"));

        // then
        assertThat(dev.rejected()).isEmpty();
        assertThat(dev.read()).hasSize(525);
        assertThat(test.rejected()).isEmpty();
        assertThat(test.read()).hasSize(500);
        assertThat(dev.read().stream().map(Conversation::brand).distinct().count()).isEqualTo(24);
        assertThat(dev.read()).allSatisfy(c -> assertThat(c.messages().get(c.messages().size() - 1).role()).isEqualTo(Role.HUMAN_AGENT));
    }
}
