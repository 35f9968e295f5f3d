package io.cxscore.core.gaps;

import io.cxscore.core.rubric.RubricException;
import io.cxscore.core.rubric.RubricLoader;
import io.cxscore.core.rubric.VersionedFiles;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of one gap-taxonomy version's files: the taxonomy, the offline classifier's cue lists and
 * thresholds, and the owners map. Shipped as bytes (serialisable) so a Spark job sends exactly what the
 * driver read to every worker, like {@link io.cxscore.core.rubric.RubricBundle}.
 *
 * @param origin where it was read from, for messages
 */
public record GapsBundle(String origin, byte[] taxonomyYaml, byte[] classifierYaml, byte[] ownersYaml) implements Serializable {
    public static final String TAXONOMY = "taxonomy.yaml";
    public static final String CLASSIFIER = "classifier.yaml";
    public static final String OWNERS = "owners.yaml";
    /** Bundled into the core jar from the repository's rubrics/ folder at build time. */
    public static final String DEFAULT_CLASSPATH = "rubrics/gaps/v1";

    public static GapsBundle fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) throw new RubricException("gap taxonomy folder " + dir + " does not exist");
        return new GapsBundle(dir.toString(), VersionedFiles.read(dir.resolve(TAXONOMY)),
                VersionedFiles.read(dir.resolve(CLASSIFIER)), VersionedFiles.read(dir.resolve(OWNERS)));
    }

    public static GapsBundle fromClasspath(String base) {
        return new GapsBundle("classpath:" + base, VersionedFiles.resource(base + "/" + TAXONOMY), VersionedFiles.resource(base + "/" + CLASSIFIER),
                VersionedFiles.resource(base + "/" + OWNERS));
    }

    public static GapsBundle defaults() {
        return fromClasspath(DEFAULT_CLASSPATH);
    }

    public GapTaxonomy taxonomy() {
        return GapTaxonomy.parse(taxonomyYaml, origin + "/" + TAXONOMY);
    }

    public GapOwners owners() {
        return GapOwners.parse(ownersYaml, origin + "/" + OWNERS, taxonomy());
    }

    /**
     * 16 hex chars of SHA-256 over the taxonomy and the classifier's cues and thresholds: what produced a
     * finding. The owners map is left out on purpose: re-assigning an owner changes who hears about a
     * gap, not whether it was found.
     */
    public String paramHash() {
        return RubricLoader.sha256(taxonomyYaml, classifierYaml).substring(0, 16);
    }
}
