package io.cxscore.core.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.model.Conversation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditDetectorsTest {
    static final GapClassifier CLASSIFIER = GapClassifier.defaults();

    static List<GapFinding> by(Conversation c, String foundBy) {
        return CLASSIFIER.classify(c).stream().filter(f -> f.foundBy().equals(foundBy)).toList();
    }

    @Test
    void should_find_a_bot_loop_when_the_ai_agent_repeats_its_reply() {
        // given
        Conversation c = GapFixtures.of("loop").customer("I need to change the billing address on my invoices.")
                .ai("I can help with orders, billing and account questions. Which one is your question about?")
                .customer("Billing. The address on the invoice.")
                .ai("I can help with orders, billing and account questions. Which one is your question about?").build();
        // when
        List<GapFinding> found = by(c, "detector:bot_loop");
        // then
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo("routing");
            assertThat(f.subcategory()).isEqualTo("bot_loop");
            assertThat(f.evidence()).containsExactly(1, 3);
        });
    }

    @Test
    void should_find_a_bot_loop_when_an_ai_agent_answers_an_auto_responder() {
        // given
        Conversation c = GapFixtures.of("bots").customer("Automatic reply: I am out of office until Monday.")
                .ai("Thanks for your message! How can I help you today?").build();
        // then
        assertThat(by(c, "detector:bot_loop")).singleElement().satisfies(f -> assertThat(f.evidence()).containsExactly(0, 1));
    }

    @Test
    void should_find_no_bot_loop_when_the_ai_agent_moves_on() {
        // given
        Conversation c = GapFixtures.of("fine").customer("I need to change the billing address on my invoices.")
                .ai("Sure. Which address should the invoices show?")
                .customer("12 Alder Street, Springfield.")
                .ai("Done: future invoices will show 12 Alder Street, Springfield.").action("update_billing_address", "succeeded").build();
        // then
        assertThat(by(c, "detector:bot_loop")).isEmpty();
    }

    @Test
    void should_find_a_duplicate_reply_when_a_human_agent_posts_the_same_text_twice() {
        // given
        Conversation c = GapFixtures.of("dup").customer("Where is my order?")
                .human("We're sorry for the delay. Please send us your order number so we can check.")
                .customer("I sent it yesterday, it's HP-1234567.")
                .human("We're sorry for the delay. Please send us your order number so we can check.").build();
        // then
        assertThat(by(c, "detector:duplicate_reply")).singleElement().satisfies(f -> {
            assertThat(f.category() + "/" + f.subcategory()).isEqualTo("tone/robotic");
            assertThat(f.evidence()).containsExactly(1, 3);
        });
    }

    @Test
    void should_find_no_duplicate_reply_when_the_replies_differ() {
        // given
        Conversation c = GapFixtures.of("nodup").customer("Where is my order?")
                .human("Please send us your order number so we can check.")
                .customer("It's HP-1234567.")
                .human("Thanks, it left the depot this morning and arrives tomorrow.").build();
        // then
        assertThat(by(c, "detector:duplicate_reply")).isEmpty();
    }

    @Test
    void should_find_wrong_personalization_when_the_agent_greets_another_name() {
        // given
        Conversation c = GapFixtures.of("name").customerName("Dana Reyes").customer("My invoice is missing our VAT number.")
                .human("Hi Priya, thanks for reaching out. I'll fix the invoice now.").build();
        // then
        assertThat(by(c, "detector:wrong_personalization")).singleElement()
                .satisfies(f -> assertThat(f.rationale()).contains("Priya"));
    }

    @Test
    void should_find_wrong_personalization_when_the_agent_names_another_plan() {
        // given
        Conversation c = GapFixtures.of("plan").customer("We're on the Team plan and need more seats.")
                .human("Hi Dana, your Enterprise plan includes unlimited seats already.").build();
        // then
        assertThat(by(c, "detector:wrong_personalization")).singleElement()
                .satisfies(f -> assertThat(f.rationale()).contains("enterprise"));
    }

    @Test
    void should_find_no_wrong_personalization_when_the_name_and_plan_are_the_customers() {
        // given
        Conversation c = GapFixtures.of("rightname").customer("We're on the Team plan and need more seats.")
                .human("Hi Dana, thanks for waiting. Your Team plan can add seats under Settings > Seats. Sam here, by the way.").build();
        // then
        assertThat(by(c, "detector:wrong_personalization")).isEmpty();
    }

    @Test
    void should_find_a_claimed_action_when_no_action_was_recorded() {
        // given
        Conversation c = GapFixtures.of("claim").customer("Please refund the duplicate charge.")
                .human("All done! I've refunded the duplicate charge, it'll be back in 3-5 days.").build();
        // then
        assertThat(by(c, "detector:claimed_action")).singleElement().satisfies(f -> {
            assertThat(f.category() + "/" + f.subcategory()).isEqualTo("tool/action_claimed_not_taken");
            assertThat(f.evidence()).containsExactly(1);
        });
    }

    @Test
    void should_find_no_claimed_action_when_the_action_is_in_the_record_or_the_source_logs_none() {
        // given
        Conversation backed = GapFixtures.of("backed").customer("Please refund the duplicate charge.")
                .action("issue_refund", "succeeded").human("I've refunded the duplicate charge.").build();
        Conversation twitter = GapFixtures.of("tw").source("twcs").customer("Please refund the duplicate charge.")
                .human("I've refunded the duplicate charge.").build();
        Conversation onlyLookup = GapFixtures.of("lookup").customer("Please refund the duplicate charge.")
                .action("lookup_account", "succeeded").human("I've refunded the duplicate charge.").build();
        // then
        assertThat(by(backed, "detector:claimed_action")).isEmpty();
        assertThat(by(twitter, "detector:claimed_action")).isEmpty();
        assertThat(by(onlyLookup, "detector:claimed_action")).hasSize(1);
    }

    @Test
    void should_find_a_missed_escalation_when_the_customer_restates_the_request_to_an_ai_agent() {
        // given
        Conversation c = GapFixtures.of("rephrase").customer("My calendar sync stopped working after the update.")
                .ai("Have you tried signing out and back in?")
                .customer("Yes. The calendar sync still stopped working after the update.")
                .ai("Could you describe the issue in a few words?")
                .customer("Calendar sync. Stopped working. After the update.")
                .ai("Have you tried clearing your browser cache?").build();
        // then
        assertThat(by(c, "detector:rephrase")).singleElement().satisfies(f -> {
            assertThat(f.category() + "/" + f.subcategory()).isEqualTo("routing/missed_escalation");
            assertThat(f.evidence()).containsExactly(2, 4);
        });
    }

    @Test
    void should_find_no_missed_escalation_when_the_restated_request_reaches_a_human() {
        // given
        Conversation c = GapFixtures.of("handover").customer("My calendar sync stopped working after the update.")
                .ai("Have you tried signing out and back in?")
                .customer("Yes. The calendar sync still stopped working after the update.")
                .ai("Let me hand you to a colleague.").transfer("ai-frontline", "technical-l1")
                .customer("Calendar sync. Stopped working. After the update.")
                .human("I've refreshed the calendar token; it syncs again.").action("resync_integration", "succeeded").build();
        // then
        assertThat(by(c, "detector:rephrase")).isEmpty();
    }

    @Test
    void should_find_ping_pong_when_a_conversation_returns_to_a_queue_it_left() {
        // given
        Conversation c = GapFixtures.of("pp").customer("I was charged twice.")
                .human("This belongs with Billing. I'll transfer you.").transfer("accounts-l1", "billing-l1")
                .human("This looks like an Accounts matter, transferring you back.").transfer("billing-l1", "accounts-l1")
                .human("Hi, how can I help?").build();
        // then
        assertThat(by(c, "detector:ping_pong")).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("accounts-l1 > billing-l1 > accounts-l1");
            assertThat(f.evidence()).containsExactly(2, 3);
        });
    }

    @Test
    void should_find_no_ping_pong_for_a_single_forward_transfer() {
        // given
        Conversation c = GapFixtures.of("one").customer("I was charged twice.")
                .ai("Let me hand you to billing.").transfer("ai-frontline", "billing-l1")
                .human("Refunded the duplicate charge.").action("issue_refund", "succeeded").build();
        // then
        assertThat(by(c, "detector:ping_pong")).isEmpty();
    }

    @Test
    void should_find_each_failed_action_with_its_error_turn() {
        // given
        Conversation c = GapFixtures.of("failed").customer("Please refund the duplicate charge.")
                .human("Doing that now.").action("issue_refund", "failed")
                .human("Hmm, that didn't go through.").build();
        // then
        assertThat(by(c, "detector:failed_action")).singleElement().satisfies(f -> {
            assertThat(f.category() + "/" + f.subcategory()).isEqualTo("tool/action_failed");
            assertThat(f.subject()).isEqualTo("issue_refund");
            assertThat(f.evidence()).containsExactly(1, 2);
            assertThat(f.confidence()).isGreaterThanOrEqualTo(CLASSIFIER.notifyConfidence());
        });
    }

    @Test
    void should_find_no_failed_action_when_every_action_succeeded() {
        // given
        Conversation c = GapFixtures.of("ok").customer("Please refund the duplicate charge.")
                .human("Doing that now.").action("issue_refund", "succeeded").build();
        // then
        assertThat(by(c, "detector:failed_action")).isEmpty();
    }
}
