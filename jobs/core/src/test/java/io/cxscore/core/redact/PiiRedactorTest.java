package io.cxscore.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.ingest.TwitterCdpReader;
import io.cxscore.core.ingest.ReadResult;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.testing.Conversations;
import io.cxscore.core.testing.SeededPii;
import io.cxscore.core.testing.SharedDatasets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PiiRedactorTest {
    private static final PiiRedactor REDACTOR = PiiRedactor.standard();
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private static String everything(Conversation c) {
        StringBuilder b = new StringBuilder();
        for (Message m : c.messages()) b.append(m.author()).append(' ').append(m.text()).append('\n');
        c.metadata().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        c.transfers().forEach(t -> b.append(t.reason()).append('\n'));
        c.actions().forEach(a -> b.append(a.params()).append('\n'));
        return b.toString();
    }

    @Test
    void should_remove_every_seeded_personal_value_when_redacting() {
        // given
        Conversation c = SeededPii.conversation("pii-1");

        // when
        RedactedConversation r = REDACTOR.redact(c);

        // then
        String sent = everything(r.conversation());
        assertThat(SeededPii.ALL).allSatisfy(v -> assertThat(sent).doesNotContain(v));
        assertThat(sent).contains("[EMAIL_1]", "[CARD_1]", "[IBAN_1]", "[PHONE_1]", "[ADDRESS_1]", "[ACCOUNT_1]", "[ACCOUNT_2]", "[NAME_1]");
        assertThat(r.originals()).containsEntry("[EMAIL_1]", SeededPii.EMAIL).containsEntry("[CARD_1]", SeededPii.CARD)
                .containsEntry("[IBAN_1]", SeededPii.IBAN).containsEntry("[NAME_1]", SeededPii.NAME);
    }

    @Test
    void should_give_the_same_value_the_same_placeholder_and_restore_it_when_it_recurs() {
        // given
        Conversation c = Conversations.of("pii-2").customer("Write to ann@x.io please").ai("I wrote to ann@x.io and bob@y.io.").build();

        // when
        RedactedConversation r = REDACTOR.redact(c);

        // then
        assertThat(r.conversation().messages().get(0).text()).isEqualTo("Write to [EMAIL_1] please");
        assertThat(r.conversation().messages().get(1).text()).isEqualTo("I wrote to [EMAIL_1] and [EMAIL_2].");
        assertThat(r.restore("Turn 1 repeats [EMAIL_1]; [EMAIL_2] is new; [EMAIL_9] is unknown"))
                .isEqualTo("Turn 1 repeats ann@x.io; bob@y.io is new; [EMAIL_9] is unknown");
    }

    @Test
    void should_leave_numbers_alone_when_their_checksum_fails_or_they_are_dates_and_amounts() {
        // given
        String text = "Card 4111 1111 1111 1112, IBAN GB00 WEST 1234 5698, on 2026-10-01 at 09:30 I paid 19.00 for 3 seats.";
        Conversation c = Conversations.of("pii-3").customer(text).build();

        // when
        RedactedConversation r = REDACTOR.redact(c);

        // then
        assertThat(r.conversation().messages().get(0).text()).isEqualTo(text);
        assertThat(r.originals()).isEmpty();
    }

    @Test
    void should_redact_a_customer_handle_wherever_the_agent_addresses_it() {
        // given
        Conversation c = new Conversation("pii-4", "t", null, null, null, null, null, null, null, List.of(
                new Message(0, io.cxscore.core.model.Role.CUSTOMER, "CinVakas", "@TeamYouTube my channel is down", null, true),
                new Message(1, io.cxscore.core.model.Role.HUMAN_AGENT, "TeamYouTube", "@CinVakas Thanks for the tag", null, true)),
                null, null, null, null, null);

        // when
        RedactedConversation r = REDACTOR.redact(c);

        // then
        assertThat(r.conversation().messages().get(0).author()).isEqualTo("[NAME_1]");
        assertThat(r.conversation().messages().get(1).text()).isEqualTo("@[NAME_1] Thanks for the tag");
        assertThat(r.conversation().messages().get(0).text()).isEqualTo("@TeamYouTube my channel is down");
    }

    @Test
    void should_not_treat_role_words_as_names_when_authors_are_generic() {
        // given: the fixture builder writes the role as the author
        Conversation c = Conversations.of("pii-5").customer("As a customer I want a refund").ai("Sure").build();

        // when
        RedactedConversation r = REDACTOR.redact(c);

        // then
        assertThat(r.conversation().messages().get(0).text()).isEqualTo("As a customer I want a refund");
    }

    @Test
    void should_remove_every_email_and_customer_handle_from_the_twitter_cdp_threads() throws Exception {
        // given
        Path dev = SharedDatasets.require("twitter-cdp/dev.json");
        Path test = SharedDatasets.require("twitter-cdp/test.json");
        List<Conversation> all = new ArrayList<>();
        for (Path p : List.of(dev, test)) {
            try (var s = new TwitterCdpReader().open(p)) {
                while (s.hasNext()) if (s.next() instanceof ReadResult.Read read) all.add(read.conversation());
            }
        }
        int emailsBefore = 0;
        for (Conversation c : all) {
            Matcher m = EMAIL.matcher(everything(c));
            while (m.find()) emailsBefore++;
        }

        // when
        int emailsAfter = 0;
        int handlesLeft = 0;
        int placeholders = 0;
        for (Conversation c : all) {
            RedactedConversation r = REDACTOR.redact(c);
            String text = everything(r.conversation());
            Matcher m = EMAIL.matcher(text);
            while (m.find()) emailsAfter++;
            for (Message msg : c.messages()) {
                if (msg.role() == io.cxscore.core.model.Role.CUSTOMER && msg.author() != null && msg.author().length() >= 3
                        && text.contains("@" + msg.author() + " ")) handlesLeft++;
            }
            placeholders += r.originals().size();
            // restoring the redacted text gives back the original
            for (int i = 0; i < c.messages().size(); i++) {
                assertThat(r.restore(r.conversation().messages().get(i).text())).isEqualTo(c.messages().get(i).text());
            }
        }

        // then
        assertThat(all).hasSizeGreaterThan(1000);
        assertThat(emailsBefore).isGreaterThanOrEqualTo(11);
        assertThat(emailsAfter).isZero();
        assertThat(handlesLeft).isZero();
        assertThat(placeholders).isGreaterThan(all.size());
    }
}
