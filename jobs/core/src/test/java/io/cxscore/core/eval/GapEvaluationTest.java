package io.cxscore.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cxscore.core.eval.GapEvaluation.Outcome;
import io.cxscore.core.gaps.GapClassifier;
import io.cxscore.core.gaps.GapsBundle;
import io.cxscore.core.testing.SharedDatasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapEvaluationTest {
    static final GapClassifier CLASSIFIER = GapClassifier.defaults();
    static final Path LABELLED = Path.of(System.getProperty("cx.repo.root", "../..")).resolve("rubrics/gaps/v1/labelled/gaps-labelled-v2.jsonl");

    static Outcome o(String id, Set<String> truth, Set<String> predicted) {
        return new Outcome(id, truth, predicted, Set.of(), Set.of());
    }

    @Test
    void should_compute_per_class_precision_recall_and_f1_as_by_hand() {
        // given four conversations: product right twice, predicted once wrongly, missed once; tone predicted once wrongly
        List<Outcome> sample = List.of(
                o("a", Set.of("product"), Set.of("product")),
                o("b", Set.of("product"), Set.of("product", "tone")),
                o("c", Set.of(), Set.of("product")),
                o("d", Set.of("product"), Set.of()));
        // when
        int[] product = GapEvaluation.counts(sample, "product");
        int[] tone = GapEvaluation.counts(sample, "tone");
        // then: product tp 2, fp 1, fn 1 → P 2/3, R 2/3, F1 2/3; tone tp 0, fp 1 → P 0, R undefined, F1 0
        assertThat(product).containsExactly(2, 1, 1);
        assertThat(GapEvaluation.precision(product)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(GapEvaluation.recall(product)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(GapEvaluation.f1(product)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(GapEvaluation.precision(tone)).isZero();
        assertThat(GapEvaluation.recall(tone)).isNaN();
        assertThat(GapEvaluation.f1(tone)).isZero();
        // macro over the classes present (product, tone): (2/3 + 0) / 2; policy never occurs and is left out
        assertThat(GapEvaluation.macroF1(sample, List.of("product", "tone", "policy"))).isCloseTo(1 / 3.0, within(1e-12));
    }

    @Test
    void should_load_the_labelled_set_with_at_least_200_conversations_from_every_source() throws IOException {
        // when
        GapLabelledSet set = GapLabelledSet.load(LABELLED, CLASSIFIER.taxonomy());
        // then
        assertThat(set.entries()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(set.entries()).extracting(GapLabelledSet.Entry::dataset).contains("twcs-frustration", "twitter-cdp",
                "stc3-dialogue-quality", "abcd", "cx-demo");
        assertThat(set.entries()).filteredOn(GapLabelledSet.Entry::isTest).isNotEmpty();
        assertThat(GapLabelledSet.looksLike(LABELLED)).isTrue();
    }

    @Test
    void should_name_the_line_and_field_of_a_bad_label(@TempDir Path dir) throws IOException {
        // given
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, """
                {"dataset":"cx-demo","file":"demo:seed=7","conversation_id":"x","split_key":"x","labels":[],"note":""}
                {"dataset":"cx-demo","file":"demo:seed=7","conversation_id":"y","split_key":"y","labels":[{"category":"tone","subcategory":"rude","evidence":[1]}]}
                """);
        // then
        assertThatThrownBy(() -> GapLabelledSet.load(f, CLASSIFIER.taxonomy())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.jsonl line 2: labels[0]: tone/rude is not in taxonomy v1");
    }

    @Test
    void should_put_a_marked_line_in_the_calibration_part_unless_its_key_is_test(@TempDir Path dir) throws IOException {
        // given: keys 1 and 2 are train, 6 is test; lines 2 and 3 come from a calibration batch
        Path f = dir.resolve("parts.jsonl");
        Files.writeString(f, """
                {"dataset":"cx-demo","file":"demo:seed=7","conversation_id":"a","split_key":"1","labels":[]}
                {"dataset":"cx-demo","file":"demo:seed=7","conversation_id":"b","split_key":"2","labels":[],"calibration":true}
                {"dataset":"cx-demo","file":"demo:seed=7","conversation_id":"c","split_key":"6","labels":[],"calibration":true}
                """);
        // then
        assertThat(GapLabelledSet.load(f, CLASSIFIER.taxonomy()).entries()).extracting(GapLabelledSet.Entry::part)
                .containsExactly(GapLabelledSet.Part.train, GapLabelledSet.Part.calibration, GapLabelledSet.Part.test);
        Files.writeString(f, """
                {"dataset":"cx-demo","file":"demo:seed=7","conversation_id":"b","split_key":"2","labels":[],"calibration":"yes"}
                """);
        assertThatThrownBy(() -> GapLabelledSet.load(f, CLASSIFIER.taxonomy())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parts.jsonl line 1: calibration: not true or false");
    }

    @Test
    void should_evaluate_demo_entries_and_skip_absent_dataset_files_with_a_message(@TempDir Path nowhere) throws IOException {
        // given a datasets folder that does not hold the public datasets (5 files: TWCS, CDP dev and test, STC-3, ABCD)
        GapLabelledSet set = GapLabelledSet.load(LABELLED, CLASSIFIER.taxonomy());
        // when
        GapLabelledSet.Resolved resolved = set.resolve(nowhere);
        GapEvaluation eval = new GapEvaluation(CLASSIFIER);
        resolved.conversations().forEach((e, c) -> eval.add(e, CLASSIFIER.trace(c)));
        GapEvaluation.Report report = eval.report(resolved.skipped());
        // then
        assertThat(resolved.skipped()).hasSize(5).allSatisfy(s -> assertThat(s).contains("is absent"));
        assertThat(resolved.conversations().keySet()).extracting(GapLabelledSet.Entry::dataset).containsOnly("cx-demo");
        assertThat(report.conversations()).isEqualTo(resolved.conversations().size());
        assertThat(report.toText()).contains("skipped: ").contains("macro-F1");
    }

    @Test
    void should_report_every_class_on_the_real_labelled_test_split() throws IOException {
        // given
        Path root = SharedDatasets.require("twcs-frustration/dprocessed.txt").getParent().getParent();
        GapClassifier classifier = GapClassifier.from(GapsBundle.fromDirectory(LABELLED.getParent().getParent()));
        GapLabelledSet set = GapLabelledSet.load(LABELLED, classifier.taxonomy());
        // when
        GapLabelledSet.Resolved resolved = set.resolve(root);
        GapEvaluation eval = new GapEvaluation(classifier);
        resolved.conversations().forEach((e, c) -> {
            if (e.isTest()) eval.add(e, classifier.trace(c));
        });
        GapEvaluation.Report report = eval.report(resolved.skipped());
        // then
        assertThat(resolved.skipped()).isEmpty();
        assertThat(report.conversations()).isEqualTo(set.entries().stream().filter(GapLabelledSet.Entry::isTest).count());
        assertThat(report.classes()).extracting(GapEvaluation.ClassFigures::category)
                .containsExactly("knowledge", "product", "routing", "tone", "policy", "tool");
        assertThat(report.macroF1()).isBetween(0.0, 1.0);
    }
}
