package io.cxscore.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.model.Conversation;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.score.JudgeResult;
import io.cxscore.core.score.Resolution;
import io.cxscore.core.testing.Conversations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineJudgeTest {
    static final OfflineJudge JUDGE = OfflineJudge.from(RubricBundle.defaults());

    static Conversation happy() {
        return Conversations.of("happy").customer("Hi, my invoice shows the wrong company name.")
                .ai("I've updated the company name on your invoice. You can download the corrected copy from Billing > Invoices.")
                .customer("Perfect, that works. Thanks so much!").build();
    }

    static Conversation unhappy() {
        return Conversations.of("unhappy").customer("I can't log in to my account.")
                .ai("Please try resetting your password using the link on the login page.")
                .customer("I already did that, I still can't log in.")
                .ai("Please try resetting your password using the link on the login page.")
                .customer("I still can't log in to my account. This is ridiculous and useless!!").build();
    }

    @Test
    void should_score_a_confirmed_fix_above_a_repeated_failure() {
        JudgeResult good = JUDGE.judge(happy());
        JudgeResult bad = JUDGE.judge(unhappy());
        assertThat(good.cx().score()).isGreaterThan(bad.cx().score());
        assertThat(good.resolution().value()).isGreaterThan(bad.resolution().value());
        assertThat(good.effort().score()).isLessThan(bad.effort().score());
        assertThat(bad.sentiment().end()).isLessThan(good.sentiment().end());
    }

    @Test
    void should_count_repeats_and_bot_loops_and_cite_their_turns() {
        JudgeResult r = JUDGE.judge(unhappy());
        assertThat(r.effort().signals().botLoops()).isEqualTo(1);
        assertThat(r.effort().signals().repeats() + r.effort().signals().rephrasings()).isGreaterThanOrEqualTo(1);
        assertThat(r.effort().evidence()).contains(3); // the AI agent's repeated answer
    }

    @Test
    void should_keep_every_evidence_turn_inside_the_conversation() {
        for (Conversation c : List.of(happy(), unhappy(), escalated(), waitedAndTransferred())) {
            JudgeResult r = JUDGE.judge(c);
            List<Integer> all = new ArrayList<>(r.resolution().evidence());
            all.addAll(r.sentiment().evidence());
            all.addAll(r.effort().evidence());
            assertThat(all).as(c.id()).allSatisfy(i -> assertThat(i).isBetween(0, c.messages().size() - 1));
            assertThat(r.resolution().evidence()).as(c.id()).isNotEmpty();
        }
    }

    static Conversation escalated() {
        return Conversations.of("escalated").customer("I was charged twice for my subscription this month.")
                .ai("I'm sorry about that. I'm handing you over to our billing specialists, who can issue refunds; they will contact you within 24 hours.")
                .transfer("ai-frontline", "billing-l2").customer("OK, thanks.").build();
    }

    @Test
    void should_label_a_final_handoff_as_escalated() {
        JudgeResult r = JUDGE.judge(escalated());
        assertThat(r.resolution().label()).isEqualTo(Resolution.ESCALATED);
        assertThat(r.resolution().evidence()).contains(1);
    }

    static Conversation waitedAndTransferred() {
        return Conversations.of("waited").customer("My order hasn't arrived.").transfer("ai-frontline", "orders-l1")
                .humanAfterHours("Hi, sorry for the wait. Your order is on its way and will arrive tomorrow.", 20)
                .customer("ok").build();
    }

    @Test
    void should_charge_the_rubric_hoops_for_transfers_and_long_waits() {
        Conversation quick = Conversations.of("quick").customer("My order hasn't arrived.")
                .human("Hi, sorry for the wait. Your order is on its way and will arrive tomorrow.").customer("ok").build();
        JudgeResult slow = JUDGE.judge(waitedAndTransferred());
        JudgeResult fast = JUDGE.judge(quick);
        assertThat(slow.effort().signals().transfers()).isEqualTo(1);
        assertThat(slow.effort().signals().maxWaitSeconds()).isGreaterThanOrEqualTo(20 * 3600);
        assertThat(slow.effort().value()).isGreaterThan(fast.effort().value() + 1.0);
    }

    @Test
    void should_ignore_metadata_and_internal_notes_when_scoring_sentiment() {
        Conversation plain = happy();
        Conversation hinted = Conversations.of("happy").customer("Hi, my invoice shows the wrong company name.")
                .note("customer is furious, terrible, awful, worst ever")
                .ai("I've updated the company name on your invoice. You can download the corrected copy from Billing > Invoices.")
                .customer("Perfect, that works. Thanks so much!").metadata("demo_gap", "tone").build();
        JudgeResult a = JUDGE.judge(plain), b = JUDGE.judge(hinted);
        assertThat(b.cx().score()).isEqualTo(a.cx().score());
        assertThat(b.sentiment().start()).isEqualTo(a.sentiment().start());
        assertThat(b.sentiment().end()).isEqualTo(a.sentiment().end());
    }

    @Test
    void should_explain_the_score_with_each_driver_contribution_adding_up() {
        JudgeResult r = JUDGE.judge(unhappy());
        double sum = JUDGE.rubric().cx().intercept();
        for (double v : r.cx().contributions().values()) sum += v;
        assertThat(r.cx().raw()).isEqualTo(Math.max(1, Math.min(5, sum)));
        assertThat(r.explanation()).startsWith("CX " + r.cx().score() + "/5").contains("effort").contains("bot loop");
        assertThat(r.provenance().paramHash()).isEqualTo(RubricBundle.defaults().paramHash());
    }

    @Test
    void should_score_the_same_conversation_identically_every_time() {
        JudgeResult a = JUDGE.judge(unhappy()), b = JUDGE.judge(unhappy());
        assertThat(a).usingRecursiveComparison().ignoringFields("sentiment.turnSentiment").isEqualTo(b);
        assertThat(a.sentiment().turnSentiment()).isEqualTo(b.sentiment().turnSentiment()); // NaN-aware, as Arrays.equals is
    }
}
