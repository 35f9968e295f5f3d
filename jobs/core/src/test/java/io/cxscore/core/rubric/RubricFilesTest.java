package io.cxscore.core.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cxscore.core.judge.OfflineJudge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Loads every file under rubrics/: a bad edit to any of them fails the build, not a scoring run. */
class RubricFilesTest {
    static Path rubricsRoot() {
        return Path.of(System.getProperty("cx.repo.root", "../..")).resolve("rubrics");
    }

    @Test
    void should_parse_every_yaml_and_json_file_under_rubrics() throws IOException {
        // given
        List<Path> files;
        try (Stream<Path> s = Files.walk(rubricsRoot())) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).toList();
        }
        // then
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            ObjectMapper m = f.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
            assertThatCode(() -> assertThat(m.readTree(f.toFile())).as(f.toString()).isNotNull()).doesNotThrowAnyException();
        }
    }

    @Test
    void should_load_every_rubric_version_and_build_its_offline_judge() throws IOException {
        // given every folder holding a rubric.yaml
        List<Path> versions;
        try (Stream<Path> s = Files.walk(rubricsRoot())) {
            versions = s.filter(p -> p.getFileName().toString().equals("rubric.yaml")).map(Path::getParent).toList();
        }
        assertThat(versions).isNotEmpty();
        for (Path v : versions) {
            // when
            RubricBundle bundle = RubricBundle.fromDirectory(v);
            Rubric rubric = bundle.rubric();
            // then: the folder names the version the file declares, and the judge builds from it
            assertThat(v.getFileName().toString()).isEqualTo("v" + rubric.version());
            assertThat(v.getParent().getFileName().toString()).isEqualTo(rubric.id());
            assertThat(OfflineJudge.from(bundle).provenance().paramHash()).hasSize(16);
        }
    }
}
