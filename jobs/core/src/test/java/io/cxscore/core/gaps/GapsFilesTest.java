package io.cxscore.core.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.rubric.RubricException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Loads every gaps version under rubrics/gaps: a bad edit to a cue list, threshold or owner fails the build. */
class GapsFilesTest {
    static Path gapsRoot() {
        return Path.of(System.getProperty("cx.repo.root", "../..")).resolve("rubrics/gaps");
    }

    @Test
    void should_load_every_gaps_version_with_its_classifier_and_owners() throws IOException {
        // given
        List<Path> versions;
        try (Stream<Path> s = Files.list(gapsRoot())) {
            versions = s.filter(Files::isDirectory).toList();
        }
        assertThat(versions).isNotEmpty();
        for (Path v : versions) {
            // when
            GapsBundle bundle = GapsBundle.fromDirectory(v);
            GapClassifier classifier = GapClassifier.from(bundle);
            // then
            assertThat(v.getFileName().toString()).isEqualTo("v" + bundle.taxonomy().version());
            assertThat(bundle.owners()).isNotNull();
            assertThat(classifier.paramHash()).hasSize(16);
            assertThat(classifier.taxonomyVersion()).isEqualTo(bundle.taxonomy().version());
        }
    }

    @Test
    void should_ship_the_same_files_on_the_classpath_as_in_the_repository() {
        // then
        assertThat(GapsBundle.defaults().paramHash()).isEqualTo(GapsBundle.fromDirectory(gapsRoot().resolve("v1")).paramHash());
    }

    @Test
    void should_name_the_file_and_key_when_a_threshold_is_out_of_range() throws IOException {
        // given
        Path v1 = gapsRoot().resolve("v1");
        String yaml = Files.readString(v1.resolve(GapsBundle.CLASSIFIER)).replace("notify_confidence: 0.8", "notify_confidence: 1.5");
        GapsBundle broken = new GapsBundle("broken", Files.readAllBytes(v1.resolve(GapsBundle.TAXONOMY)),
                yaml.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(v1.resolve(GapsBundle.OWNERS)));
        // then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GapClassifier.from(broken)).isInstanceOf(RubricException.class)
                .hasMessageContaining("broken/classifier.yaml: thresholds.notify_confidence: 1.5 is outside");
    }
}
