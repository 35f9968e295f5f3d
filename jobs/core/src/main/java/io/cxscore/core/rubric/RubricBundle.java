package io.cxscore.core.rubric;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of one rubric version's files: the rubric, the offline judge's cue lists and its fitted
 * parameters. Shipped as bytes (serialisable) so a Spark or Flink job sends exactly what the driver
 * read to every worker, and hashed together into the provenance every score row carries.
 *
 * @param origin where it was read from, for messages
 */
public record RubricBundle(String origin, byte[] rubricYaml, byte[] cuesYaml, byte[] paramsJson) implements Serializable {
    public static final String RUBRIC = "rubric.yaml";
    public static final String CUES = "offline/cues.yaml";
    public static final String PARAMS = "offline/params.json";
    /** Bundled into the core jar from the repository's rubrics/ folder at build time. */
    public static final String DEFAULT_CLASSPATH = "rubrics/cx/v1";

    public static RubricBundle fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) throw new RubricException("rubric folder " + dir + " does not exist");
        // params.json may be absent before the first `cx fit`; the judge refuses to build without it
        Path params = dir.resolve(PARAMS);
        return new RubricBundle(dir.toString(), VersionedFiles.read(dir.resolve(RUBRIC)), VersionedFiles.read(dir.resolve(CUES)),
                Files.exists(params) ? VersionedFiles.read(params) : new byte[0]);
    }

    public static RubricBundle fromClasspath(String base) {
        return new RubricBundle("classpath:" + base, VersionedFiles.resource(base + "/" + RUBRIC), VersionedFiles.resource(base + "/" + CUES),
                VersionedFiles.resource(base + "/" + PARAMS));
    }

    public static RubricBundle defaults() {
        return fromClasspath(DEFAULT_CLASSPATH);
    }

    public Rubric rubric() {
        return RubricLoader.parse(rubricYaml, origin + "/" + RUBRIC);
    }

    /** 16 hex chars of SHA-256 over all three files: what "the same judge" means for reproducibility. */
    public String paramHash() {
        return RubricLoader.sha256(rubricYaml, cuesYaml, paramsJson).substring(0, 16);
    }
}
