package io.cxscore.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.gaps.GapFinding;
import io.cxscore.core.llm.GapVocabulary;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.rubric.Rubric;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.score.Judge;
import io.cxscore.core.score.JudgeResult;
import io.cxscore.core.score.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Judge} keeps, run on the same conversations for each: one result per conversation
 * carrying its id and the judge's full provenance; a known status; when scored, every driver on the rubric's
 * scale, the CX score the rubric's formula gives for those drivers, evidence that points at real turns and gaps
 * named from the taxonomy; when not scored, no rubric field at all and a reason.
 *
 * <p>Extend it and return the judge under test; a healthy judge must score every contract conversation.
 */
public abstract class JudgeContract {
    private static final Set<String> STATUSES = Set.of(JudgeResult.SCORED, JudgeResult.INVALID, JudgeResult.FAILED, JudgeResult.SKIPPED);

    /** The judge under test, working normally. */
    protected abstract Judge judge();

    protected Rubric rubric() {
        return RubricBundle.defaults().rubric();
    }

    /** Short and long, AI and human, with transfers, actions, internal notes, one turn, and personal data. */
    public static List<Conversation> contractConversations() {
        return List.of(
                Conversations.of("contract-resolved").customer("My invoice shows the wrong address.")
                        .ai("I have updated the billing address on your invoice.").customer("Perfect, thank you!").build(),
                Conversations.of("contract-one-turn").customer("Is the API down?").build(),
                Conversations.of("contract-escalated").customer("The export keeps failing with error 500.")
                        .ai("Let me hand you to our engineers.").transfer("ai-frontline", "eng-l2")
                        .human("Our engineering team will contact you by e-mail within a day.").build(),
                Conversations.of("contract-bot-loop").customer("I need to cancel my plan.")
                        .ai("I can help with billing questions.").customer("Cancel. My. Plan.")
                        .ai("I can help with billing questions.").customer("This is useless, I still need to cancel.")
                        .note("customer angry, left chat").build(),
                Conversations.of("contract-refund").customer("Refund the duplicate charge please.")
                        .human("Refunding now.").action("refund", "failed").human("The refund tool errored; I will retry tomorrow.")
                        .humanAfterHours("Refund done.", 20).customer("Took long enough.").build(),
                SeededPii.conversation("contract-pii"));
    }

    private List<JudgeResult> judgeAll(Judge judge) {
        List<JudgeResult> out = new ArrayList<>();
        for (Conversation c : contractConversations()) out.add(judge.judge(c));
        return out;
    }

    @Test
    void should_return_one_result_per_conversation_carrying_its_id_and_the_judges_provenance() {
        // given
        Judge judge = judge();
        Provenance p = judge.provenance();

        // when
        List<JudgeResult> results = judgeAll(judge);

        // then
        assertThat(p.judge()).isNotBlank();
        assertThat(p.model()).isNotBlank();
        assertThat(p.rubricId()).isEqualTo(rubric().id());
        assertThat(p.rubricVersion()).isEqualTo(rubric().version());
        assertThat(p.paramHash()).matches("[0-9a-f]{16}");
        assertThat(results).extracting(JudgeResult::conversationId)
                .containsExactlyElementsOf(contractConversations().stream().map(Conversation::id).toList());
        assertThat(results).allSatisfy(r -> {
            assertThat(r.provenance()).isEqualTo(p);
            assertThat(r.status()).isIn(STATUSES);
        });
    }

    @Test
    void should_score_every_contract_conversation_when_the_judge_is_healthy() {
        // given
        Judge judge = judge();

        // when
        List<JudgeResult> results = judgeAll(judge);

        // then
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.conversationId() + ": " + r.statusReason())
                .isEqualTo(JudgeResult.SCORED));
    }

    @Test
    void should_keep_every_driver_on_the_rubric_scale_and_the_cx_score_on_its_formula_when_scored() {
        // given
        Judge judge = judge();
        Rubric rubric = rubric();

        // when
        List<JudgeResult> results = judgeAll(judge);

        // then
        assertThat(results).filteredOn(JudgeResult::isScored).isNotEmpty().allSatisfy(r -> {
            assertThat(r.resolution().value()).isBetween(-2.0, 2.0);
            assertThat(r.sentiment().shift()).isBetween(-2, 2);
            assertThat(r.sentiment().start()).isBetween(-1.0, 1.0);
            assertThat(r.sentiment().end()).isBetween(-1.0, 1.0);
            assertThat(r.effort().score()).isBetween(1, 5);
            assertThat(r.cx().score()).isBetween(1, 5);
            assertThat(List.of(r.resolution().confidence(), r.sentiment().confidence(), r.effort().confidence(), r.cx().confidence()))
                    .allSatisfy(c -> assertThat(c).isBetween(0.0, 1.0));
            assertThat(r.cx()).isEqualTo(rubric.cx().score(r.resolution(), r.sentiment(), r.effort()));
            assertThat(r.explanation()).isNotBlank();
        });
    }

    @Test
    void should_cite_only_turns_that_exist_when_scored() {
        // given
        Judge judge = judge();

        // when
        List<JudgeResult> results = judgeAll(judge);

        // then
        for (Conversation c : contractConversations()) {
            JudgeResult r = results.stream().filter(x -> x.conversationId().equals(c.id())).findFirst().orElseThrow();
            if (!r.isScored()) continue;
            List<Integer> cited = new ArrayList<>(r.resolution().evidence());
            cited.addAll(r.sentiment().evidence());
            cited.addAll(r.effort().evidence());
            for (GapFinding g : r.gaps()) cited.addAll(g.evidence());
            assertThat(cited).as(c.id()).allSatisfy(t -> assertThat(t).isBetween(0, c.messages().size() - 1));
            assertThat(r.sentiment().turnSentiment()).hasSize(c.messages().size());
        }
    }

    @Test
    void should_name_gaps_only_from_the_taxonomy() {
        // given
        Judge judge = judge();
        GapVocabulary vocabulary = GapVocabulary.defaults();

        // when
        List<JudgeResult> results = judgeAll(judge);

        // then
        assertThat(results).flatExtracting(JudgeResult::gaps).allSatisfy(g -> {
            assertThat(vocabulary.subcategories()).containsKey(g.category());
            assertThat(vocabulary.subcategories().get(g.category())).contains(g.subcategory());
            assertThat(g.confidence()).isBetween(0.0, 1.0);
            if (g.aiFault() != null) assertThat(vocabulary.aiFaultKinds()).contains(g.aiFault());
        });
    }

    @Test
    void should_leave_every_rubric_field_empty_and_say_why_when_not_scored() {
        // given
        Judge judge = judge();

        // when
        List<JudgeResult> results = new ArrayList<>(judgeAll(judge));
        results.addAll(unscoredExamples(judge));

        // then
        assertThat(results).filteredOn(r -> !r.isScored()).allSatisfy(r -> {
            assertThat(r.statusReason()).isNotBlank();
            assertThat(r.resolution()).isNull();
            assertThat(r.sentiment()).isNull();
            assertThat(r.effort()).isNull();
            assertThat(r.cx()).isNull();
            assertThat(r.gaps()).isEmpty();
        });
    }

    /** Results this judge gives when it cannot score (a judge that always can returns none). */
    protected List<JudgeResult> unscoredExamples(Judge judge) {
        return List.of();
    }
}
