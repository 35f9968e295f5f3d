package io.cxscore.core.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.ingest.CxJsonl;
import io.cxscore.core.judge.OfflineJudge;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.score.JudgeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineJudgeGapsTest {
    @Test
    void should_fill_the_judge_results_gaps_with_the_classifiers_findings() {
        // given
        OfflineJudge judge = OfflineJudge.from(RubricBundle.defaults());
        Conversation c = GapFixtures.of("failed").customer("Please refund the duplicate charge.")
                .human("Doing that now.").action("issue_refund", "failed").human("Hmm, that didn't go through.").build();
        // when
        JudgeResult r = judge.judge(c);
        // then
        assertThat(r.gaps()).isEqualTo(judge.gapClassifier().classify(c));
        assertThat(r.gaps()).extracting(GapFinding::category).contains("tool");
    }

    @Test
    void should_round_trip_retrieval_context_through_cx_jsonl() throws Exception {
        // given
        Conversation c = GapFixtures.of("rt").customer("How do I export to CSV?")
                .aiWithRetrieval("Use Export > CSV.", List.of("Exporting: choose Export > CSV.")).aiWithRetrieval("Anything else?", List.of())
                .ai("Bye.").build();
        // when
        Conversation back = CxJsonl.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(CxJsonl.write(c)), "cx-jsonl");
        // then
        assertThat(back.messages()).extracting(m -> m.retrieved())
                .containsExactly(null, List.of("Exporting: choose Export > CSV."), List.of(), null);
    }

    @Test
    void should_reject_retrieval_context_that_is_not_a_list_of_strings() throws Exception {
        // given
        String line = "{\"id\": \"r1\", \"messages\": [{\"role\": \"ai_agent\", \"text\": \"hi\", \"retrieved\": [1]}]}";
        // then
        var record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CxJsonl.parse(record, "cx-jsonl"))
                .isInstanceOfSatisfying(io.cxscore.core.ingest.RecordException.class,
                        e -> assertThat(e.field()).isEqualTo("messages[0].retrieved[0]"));
    }
}
