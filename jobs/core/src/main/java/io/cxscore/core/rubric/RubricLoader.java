package io.cxscore.core.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cxscore.core.score.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Loads and validates a rubric version. Validation happens here, at load, so a bad edit fails
 * before a single conversation is scored: schema (required keys), ranges and weights.
 */
public final class RubricLoader {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RubricLoader() {}

    /** Loads {@code <dir>/rubric.yaml}. */
    public static Rubric load(Path dir) {
        Path file = dir.resolve("rubric.yaml");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RubricException("cannot read rubric " + file + ": " + e.getMessage(), e);
        }
        return parse(bytes, file.toString());
    }

    public static Rubric parse(byte[] bytes, String name) {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (IOException e) {
            throw new RubricException(name + ": not valid YAML: " + e.getMessage(), e);
        }
        Check c = new Check(name, root);
        String id = c.text("id");
        String version = c.text("version");
        double resolvedAtLeast = c.num("rubrics.resolution.boundaries.resolved_at_least", -2, 2);
        double unresolvedBelow = c.num("rubrics.resolution.boundaries.unresolved_below", -2, 2);
        if (unresolvedBelow >= resolvedAtLeast) {
            throw c.fail("rubrics.resolution.boundaries", "unresolved_below must be below resolved_at_least");
        }
        for (Resolution r : Resolution.values()) c.text("rubrics.resolution.labels." + r.wireName());
        double slight = c.num("rubrics.sentiment_shift.boundaries.slight", 0, 2);
        double strong = c.num("rubrics.sentiment_shift.boundaries.strong", 0, 2);
        if (slight >= strong) throw c.fail("rubrics.sentiment_shift.boundaries", "slight must be below strong");
        var hoops = new Rubric.Hoops(
                c.num("rubrics.effort.hoops.per_transfer", 0, 2),
                c.num("rubrics.effort.hoops.per_bot_loop", 0, 2),
                c.num("rubrics.effort.hoops.per_failed_action", 0, 2),
                c.num("rubrics.effort.hoops.wait_hours_per_point", 0.01, 1000),
                c.num("rubrics.effort.hoops.max_hoop_points", 0, 4));
        double min = c.num("cx_score.scale.min", 1, 1);
        double max = c.num("cx_score.scale.max", 5, 5);
        double intercept = c.num("cx_score.intercept", min, max);
        double wr = c.num("cx_score.drivers.resolution.weight", 0, 4);
        double ws = c.num("cx_score.drivers.sentiment_shift.weight", 0, 4);
        double we = c.num("cx_score.drivers.effort.weight", 0, 4);
        // every driver value lies in -1..1; past twice the span, the extremes of one driver alone pin the score
        if (wr + ws + we > 2 * (max - min)) {
            throw c.fail("cx_score.drivers", "weights sum to " + (wr + ws + we) + ", more than twice the scale's span " + (max - min));
        }
        if (wr + ws + we <= 0) throw c.fail("cx_score.drivers", "all weights are zero: the score would not move");
        Map<Resolution, Double> values = new EnumMap<>(Resolution.class);
        for (Resolution r : Resolution.values()) {
            values.put(r, c.num("cx_score.drivers.resolution.values." + r.wireName(), -1, 1));
        }
        if (!(values.get(Resolution.RESOLVED) >= values.get(Resolution.PARTLY_RESOLVED)
                && values.get(Resolution.PARTLY_RESOLVED) >= values.get(Resolution.UNRESOLVED))) {
            throw c.fail("cx_score.drivers.resolution.values", "must not rank unresolved above partly_resolved above resolved");
        }
        return new Rubric(id, version, sha256(bytes), resolvedAtLeast, unresolvedBelow, slight, strong, hoops,
                new Rubric.CxFormula(intercept, wr, ws, we, Map.copyOf(values)));
    }

    public static String sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) md.update(p);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks dotted paths and names the exact key that is missing or out of range. */
    private record Check(String file, JsonNode root) {
        JsonNode at(String path) {
            JsonNode n = root;
            for (String k : path.split("\\.")) {
                n = n == null ? null : n.get(k);
            }
            if (n == null || n.isNull()) throw fail(path, "missing");
            return n;
        }

        String text(String path) {
            JsonNode n = at(path);
            if (!n.isValueNode() || n.asText().isBlank()) throw fail(path, "must be a non-empty value");
            return n.asText();
        }

        double num(String path, double lo, double hi) {
            JsonNode n = at(path);
            if (!n.isNumber()) throw fail(path, "must be a number, was " + n);
            double v = n.asDouble();
            if (v < lo || v > hi) {
                throw fail(path, String.format(Locale.ROOT, "%s is outside %s..%s", n.asText(), fmt(lo), fmt(hi)));
            }
            return v;
        }

        RubricException fail(String path, String why) {
            return new RubricException(file + ": " + path + ": " + why);
        }

        static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
