package io.cxscore.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxscore.core.gaps.GapClassifier;
import io.cxscore.core.gaps.GapsBundle;
import io.cxscore.core.ingest.CxJsonl;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.testing.SharedDatasets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapRuleCalibrationTest {
    private static final GapClassifier CLASSIFIER = GapClassifier.defaults();

    private static Conversation featureRequest(String id) throws Exception {
        return CxJsonl.parse(new ObjectMapper().readTree("{\"id\": \"" + id + "\", \"messages\": ["
                + "{\"role\": \"customer\", \"text\": \"Can I export my invoices to CSV?\"},"
                + "{\"role\": \"human_agent\", \"text\": \"Not yet, I've logged it as a feature request with our product team.\"}]}"), "cx-jsonl");
    }

    private static GapLabelledSet.Entry entry(String key, List<GapLabelledSet.Label> labels, boolean calibration) {
        return new GapLabelledSet.Entry("cx-demo", "demo:seed=7", key, key, labels, "", calibration);
    }

    @Test
    void should_fit_on_train_towards_the_prior_then_correct_on_the_calibration_part() throws Exception {
        // given: the feature-request rule fires in two train conversations (one labelled product) and in three
        // calibration conversations (two labelled product)
        GapRuleCalibration fit = new GapRuleCalibration(CLASSIFIER);
        List<GapLabelledSet.Label> product = List.of(new GapLabelledSet.Label("product", "missing_capability", List.of(1)));
        List<String> keys = List.of("1", "2", "3", "4", "5"); // CRC32 mod 5 != 0 for each
        assertThat(keys).noneMatch(HoldoutSplit::isTest);
        // when
        fit.add(entry("1", product, false), CLASSIFIER.trace(featureRequest("1")));
        fit.add(entry("2", List.of(), false), CLASSIFIER.trace(featureRequest("2")));
        fit.add(entry("3", product, true), CLASSIFIER.trace(featureRequest("3")));
        fit.add(entry("4", product, true), CLASSIFIER.trace(featureRequest("4")));
        fit.add(entry("5", List.of(), true), CLASSIFIER.trace(featureRequest("5")));
        // then: train fit (1 + w * prior) / (2 + w), corrected to (2 + t * train fit) / (3 + t), rounded to two decimals
        GapRuleCalibration.RuleFigures rule = fit.figures().stream().filter(r -> r.rule().equals("feature_request")).findFirst().orElseThrow();
        double w = CLASSIFIER.priorWeight(), t = CLASSIFIER.trainWeight(), prior = CLASSIFIER.priorConfidences().get("feature_request");
        double trainFit = (1 + w * prior) / (2 + w);
        assertThat(t).isPositive();
        assertThat(rule.trainFirings()).isEqualTo(2);
        assertThat(rule.trainHits()).isEqualTo(1);
        assertThat(rule.firings()).isEqualTo(3);
        assertThat(rule.hits()).isEqualTo(2);
        assertThat(rule.trainFit()).isCloseTo(Math.round(trainFit * 100) / 100.0, within(1e-9));
        assertThat(rule.fitted()).isCloseTo(Math.round((2 + t * trainFit) / (3 + t) * 100) / 100.0, within(1e-9));
        // a rule that never fired keeps its prior
        GapRuleCalibration.RuleFigures unseen = fit.figures().stream().filter(r -> r.rule().equals("ping_pong")).findFirst().orElseThrow();
        assertThat(unseen.firings() + unseen.trainFirings()).isZero();
        assertThat(unseen.fitted()).isEqualTo(CLASSIFIER.priorConfidences().get("ping_pong"));
    }

    @Test
    void should_refuse_a_test_split_conversation_even_from_the_calibration_batch() throws Exception {
        // given a test key on a calibration-batch line: the test split wins
        String key = "6";
        assertThat(HoldoutSplit.isTest(key)).isTrue();
        GapRuleCalibration fit = new GapRuleCalibration(CLASSIFIER);
        // then
        assertThatThrownBy(() -> fit.add(entry(key, List.of(), true), CLASSIFIER.trace(featureRequest(key)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 is in the test part");
    }

    @Test
    void should_hold_classifier_yaml_confidences_equal_to_the_fit_on_the_labelled_train_and_calibration_parts() throws Exception {
        // given the public datasets the labelled set points into
        var root = SharedDatasets.require("twcs-frustration/dprocessed.txt").getParent().getParent();
        GapClassifier classifier = GapClassifier.from(GapsBundle.fromDirectory(GapEvaluationTest.LABELLED.getParent().getParent()));
        GapLabelledSet.Resolved resolved = GapLabelledSet.load(GapEvaluationTest.LABELLED, classifier.taxonomy()).resolve(root);
        GapRuleCalibration fit = new GapRuleCalibration(classifier);
        // when
        resolved.conversations().forEach((e, c) -> {
            if (!e.isTest()) fit.add(e, classifier.trace(c));
        });
        // then: every confidence in use is the fit, so editing cues without refitting fails here
        assertThat(resolved.skipped()).isEmpty();
        assertThat(fit.figures()).as(fit.toText()).allMatch(GapRuleCalibration.RuleFigures::matches);
    }
}
