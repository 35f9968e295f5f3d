package io.cxscore.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxscore.core.rubric.Rubric;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.testing.SharedDatasets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed parameters are exactly what `cx fit` produces from the datasets: they cannot drift or be hand-edited. */
class OfflineJudgeFitTest {
    static Path rubricDir() {
        return Path.of(System.getProperty("cx.repo.root", "../..")).resolve("rubrics/cx/v1");
    }

    @Test
    void should_reproduce_the_committed_params_byte_for_byte_when_refitted() throws Exception {
        // given
        Path datasets = SharedDatasets.require("stc3-dialogue-quality/train_data_en.json.gz").getParent().getParent();
        RubricBundle bundle = RubricBundle.fromDirectory(rubricDir());
        // when
        OfflineJudgeParams refit = new OfflineJudgeFit(bundle).fit(datasets);
        // then
        assertThat(new String(refit.toJson(), StandardCharsets.UTF_8)).isEqualTo(new String(bundle.paramsJson(), StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_publish_the_cx_weights_that_the_fit_found() {
        // given
        RubricBundle bundle = RubricBundle.fromDirectory(rubricDir());
        Map<String, Object> fitted = (Map<String, Object>) OfflineJudge.from(bundle).params().fit().get("cx_formula_fit");
        Rubric.CxFormula published = bundle.rubric().cx();
        // then: the rubric rounds the fitted weights to two decimals
        assertThat(published.intercept()).isCloseTo(((Number) fitted.get("intercept")).doubleValue(), within(0.005));
        assertThat(published.wResolution()).isCloseTo(((Number) fitted.get("resolution")).doubleValue(), within(0.005));
        assertThat(published.wSentiment()).isCloseTo(((Number) fitted.get("sentiment_shift")).doubleValue(), within(0.005));
        assertThat(published.wEffort()).isCloseTo(((Number) fitted.get("effort")).doubleValue(), within(0.005));
    }

    @Test
    void should_never_fit_on_test_split_dialogues() throws Exception {
        // given
        Path datasets = SharedDatasets.require("twcs-frustration/dprocessed.txt").getParent().getParent();
        OfflineJudgeFit fit = new OfflineJudgeFit(RubricBundle.fromDirectory(rubricDir()));
        // when
        fit.fit(datasets);
        // then: 376 TWCS threads, 1,672 STC-3 English; the test split (CRC32 mod 5 = 0) is left out
        @SuppressWarnings("unchecked")
        Map<String, Object> n = (Map<String, Object>) fit.report().get("train_dialogues");
        assertThat(((Number) n.get("twcs")).intValue()).isLessThan(376).isGreaterThan(250);
        assertThat(((Number) n.get("stc3_en")).intValue()).isLessThan(1672).isGreaterThan(1200);
        long heldOut = OfflineJudgeFit.readAll(datasets.resolve("twcs-frustration/dprocessed.txt"), "twcs").stream()
                .filter(io.cxscore.core.eval.HoldoutSplit::isTest).count();
        assertThat(((Number) n.get("twcs")).intValue()).isEqualTo(376 - heldOut);
    }
}
