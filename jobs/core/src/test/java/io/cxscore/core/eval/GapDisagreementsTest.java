package io.cxscore.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxscore.core.gaps.GapClassifier;
import io.cxscore.core.ingest.CxJsonl;
import io.cxscore.core.model.Conversation;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapDisagreementsTest {
    private static final GapClassifier CLASSIFIER = GapClassifier.defaults();
    private static final List<GapLabelledSet.Label> PRODUCT = List.of(new GapLabelledSet.Label("product", "missing_capability", List.of(1)));

    private static Conversation conversation(String id, String agentReply) throws Exception {
        return CxJsonl.parse(new ObjectMapper().readTree("{\"id\": \"" + id + "\", \"messages\": ["
                + "{\"role\": \"customer\", \"text\": \"Can I export my invoices to CSV?\"},"
                + "{\"role\": \"human_agent\", \"text\": \"" + agentReply + "\"}]}"), "cx-jsonl");
    }

    private static GapLabelledSet.Entry entry(String key, List<GapLabelledSet.Label> labels) {
        assertThat(HoldoutSplit.isTest(key)).isFalse();
        return new GapLabelledSet.Entry("cx-demo", "demo:seed=7", key, key, labels, "note " + key, false);
    }

    @Test
    void should_list_false_positives_and_misses_with_the_rules_behind_each_finding() throws Exception {
        // given: a missing capability the labels call no gap, a product gap the classifier cannot see, and one they agree on
        GapDisagreements review = new GapDisagreements(CLASSIFIER);
        String notSupported = "Exporting to CSV is not supported, sorry.";
        review.add(entry("1", List.of()), CLASSIFIER.trace(conversation("1", notSupported)));
        review.add(entry("2", PRODUCT), CLASSIFIER.trace(conversation("2", "Thanks for asking, let me look.")));
        review.add(entry("3", PRODUCT), CLASSIFIER.trace(conversation("3", notSupported)));
        // then
        List<GapDisagreements.Case> cases = review.cases();
        assertThat(cases).extracting(GapDisagreements.Case::conversationId).containsExactly("1", "2");
        GapDisagreements.Case falsePositive = cases.get(0);
        assertThat(falsePositive.falsePositives()).containsExactly("product");
        assertThat(falsePositive.missed()).isEmpty();
        assertThat(falsePositive.note()).isEqualTo("note 1");
        assertThat(falsePositive.findings()).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo("product");
            assertThat(f.rules()).containsExactly("capability_missing");
            assertThat(f.notifies()).isEqualTo(f.confidence() >= CLASSIFIER.notifyConfidence());
            assertThat(f.evidence()).containsExactly(1);
        });
        GapDisagreements.Case missed = cases.get(1);
        assertThat(missed.missed()).containsExactly("product");
        assertThat(missed.falsePositives()).isEmpty();
        assertThat(missed.labels()).isEqualTo(PRODUCT);
    }

    @Test
    void should_refuse_test_and_calibration_conversations() throws Exception {
        // given a test-split key, and a train key on a line of the calibration batch
        assertThat(HoldoutSplit.isTest("6")).isTrue();
        GapLabelledSet.Entry test = new GapLabelledSet.Entry("cx-demo", "demo:seed=7", "6", "6", List.of(), "", true);
        GapLabelledSet.Entry calibration = new GapLabelledSet.Entry("cx-demo", "demo:seed=7", "1", "1", List.of(), "", true);
        GapDisagreements review = new GapDisagreements(CLASSIFIER);
        // then neither is ever shown to rule work
        assertThatThrownBy(() -> review.add(test, CLASSIFIER.trace(conversation("6", "ok"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 is in the test part");
        assertThatThrownBy(() -> review.add(calibration, CLASSIFIER.trace(conversation("1", "ok"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 is in the calibration part");
    }
}
