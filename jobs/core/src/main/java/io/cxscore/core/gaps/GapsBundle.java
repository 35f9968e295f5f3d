package io.cxscore.core.gaps;

import io.cxscore.core.rubric.RubricException;
import io.cxscore.core.rubric.RubricLoader;
import java.io.IOException;
import java.io.InputStream;
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
        return new GapsBundle(dir.toString(), read(dir.resolve(TAXONOMY)), read(dir.resolve(CLASSIFIER)), read(dir.resolve(OWNERS)));
    }

    public static GapsBundle fromClasspath(String base) {
        return new GapsBundle("classpath:" + base, resource(base + "/" + TAXONOMY), resource(base + "/" + CLASSIFIER),
                resource(base + "/" + OWNERS));
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

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new RubricException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = GapsBundle.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new RubricException(name + " is not on the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RubricException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
