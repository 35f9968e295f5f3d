package io.cxscore.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared/datasets} beside the repository. The product never needs it; tests that
 * do call {@link #require(String)} and are skipped, saying so, when it is absent.
 */
public final class SharedDatasets {
    private SharedDatasets() {}

    public static Path root() {
        String repo = System.getProperty("cx.repo.root");
        Path base = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath();
        // Surefire runs in the module dir; walk up to the folder that holds the repo
        for (Path p = base; p != null; p = p.getParent()) {
            Path candidate = p.resolve("../shared/datasets").normalize();
            if (Files.isDirectory(candidate)) return candidate;
        }
        return base.resolve("../shared/datasets").normalize();
    }

    /** The dataset file or folder, or the test is skipped with a message naming what is missing. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), "skipped: shared dataset " + p + " is absent (../shared is only beside developer and CI checkouts)");
        return p;
    }
}
