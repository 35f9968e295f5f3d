package io.cxscore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Notebooks are committed without outputs: outputs hold data from whoever ran them last (and, from a
 * real warehouse, customer text), and they make every review diff noisy. CI executes the notebooks
 * against the demo warehouse instead (.ci/notebooks.sh).
 */
class NotebooksAreStrippedTest {
    @Test
    void should_find_no_outputs_or_execution_counts_when_reading_the_committed_notebooks() throws Exception {
        // given
        Path folder = DemoCommandTest.REPO.resolve("notebooks");
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(folder)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }

        // when
        List<String> problems = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path notebook : notebooks) {
            JsonNode cells = json.readTree(notebook.toFile()).path("cells");
            for (int i = 0; i < cells.size(); i++) {
                JsonNode cell = cells.get(i);
                if (!"code".equals(cell.path("cell_type").asText())) continue;
                if (cell.path("outputs").size() > 0) problems.add(notebook.getFileName() + " cell " + i + " has outputs");
                if (!cell.path("execution_count").isNull()) {
                    problems.add(notebook.getFileName() + " cell " + i + " has an execution count");
                }
            }
        }

        // then
        assertThat(notebooks).as("notebooks in " + folder).hasSizeGreaterThanOrEqualTo(3);
        assertThat(problems).as("strip them with: jupyter nbconvert --clear-output --inplace notebooks/*.ipynb").isEmpty();
    }
}
