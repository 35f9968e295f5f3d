package io.cxscore.core.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxscore.core.score.Resolution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class RubricLoaderTest {
    static String v1() throws IOException {
        return Files.readString(RubricFilesTest.rubricsRoot().resolve("cx/v1/rubric.yaml"));
    }

    static Rubric parse(String yaml) {
        return RubricLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    @Test
    void should_load_published_formula_when_rubric_is_valid() throws IOException {
        Rubric r = parse(v1());
        assertThat(r.id()).isEqualTo("cx");
        assertThat(r.version()).isEqualTo("1");
        assertThat(r.cx().resolutionValues()).containsKeys(Resolution.values());
        assertThat(r.sha256()).hasSize(64);
    }

    @Test
    void should_name_the_key_when_a_weight_is_out_of_range() throws IOException {
        String bad = v1().replaceFirst("(resolution:\\s*\\n\\s*weight:) [0-9.]+", "$1 -0.5");
        assertThatThrownBy(() -> parse(bad)).isInstanceOf(RubricException.class)
                .hasMessageContaining("test.yaml: cx_score.drivers.resolution.weight: -0.5 is outside 0..4");
    }

    @Test
    void should_refuse_weights_that_could_push_the_score_off_the_scale() throws IOException {
        String bad = v1().replaceFirst("(effort:\\s*\\n\\s*weight:) [0-9.]+", "$1 3.9")
                .replaceFirst("(resolution:\\s*\\n\\s*weight:) [0-9.]+", "$1 3.9");
        assertThatThrownBy(() -> parse(bad)).isInstanceOf(RubricException.class)
                .hasMessageContaining("cx_score.drivers: weights sum to");
    }

    @Test
    void should_name_the_missing_key() throws IOException {
        String bad = v1().replace("unresolved_below:", "unresolved_bellow:");
        assertThatThrownBy(() -> parse(bad)).hasMessageContaining("rubrics.resolution.boundaries.unresolved_below: missing");
    }

    @Test
    void should_refuse_overlapping_resolution_boundaries() throws IOException {
        String bad = v1().replace("unresolved_below: -0.5", "unresolved_below: 0.7");
        assertThatThrownBy(() -> parse(bad)).hasMessageContaining("unresolved_below must be below resolved_at_least");
    }

    @Test
    void should_bin_sentiment_deltas_into_rubric_levels() throws IOException {
        Rubric r = parse(v1());
        assertThat(r.shiftLevel(0.0)).isZero();
        assertThat(r.shiftLevel(0.2)).isEqualTo(1);
        assertThat(r.shiftLevel(-0.2)).isEqualTo(-1);
        assertThat(r.shiftLevel(0.9)).isEqualTo(2);
        assertThat(r.shiftLevel(-1.5)).isEqualTo(-2);
    }
}
