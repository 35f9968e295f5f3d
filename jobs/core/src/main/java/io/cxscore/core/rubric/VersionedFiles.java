package io.cxscore.core.rubric;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the files of a versioned data folder (rubrics, gap taxonomies) from disk or from the jar. */
public final class VersionedFiles {
    private VersionedFiles() {}

    public static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new RubricException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    public static byte[] resource(String name) {
        try (InputStream in = VersionedFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new RubricException(name + " is not on the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RubricException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
