package io.cxscore.cli;

import io.cxscore.core.rubric.RubricBundle;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --rubric DIR}: a rubric version folder; the default is the cx/v1 bundled at build time. */
final class RubricOption {
    @Option(names = "--rubric", paramLabel = "DIR",
            description = "Rubric version folder (rubric.yaml, offline/). Default: rubrics/cx/v1 as bundled in this build.")
    Path dir;

    RubricBundle bundle() {
        return dir == null ? RubricBundle.defaults() : RubricBundle.fromDirectory(dir);
    }
}
