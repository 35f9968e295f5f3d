package io.cxscore.core.gaps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cxscore.core.rubric.RubricException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads one YAML file of the gaps folder, naming the file and the dotted key of anything missing or out of range. */
final class YamlFields {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final String file;
    final JsonNode root;

    private YamlFields(String file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static YamlFields parse(byte[] bytes, String file) {
        JsonNode root;
        try {
            root = YAML.readTree(bytes);
        } catch (IOException e) {
            throw new RubricException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new RubricException(file + ": not a YAML mapping");
        return new YamlFields(file, root);
    }

    JsonNode at(String path) {
        JsonNode n = root;
        for (String k : path.split("\\.")) {
            if (n == null) break;
            n = n.isArray() && k.chars().allMatch(Character::isDigit) ? n.get(Integer.parseInt(k)) : n.get(k);
        }
        if (n == null || n.isNull()) throw fail(path, "missing");
        return n;
    }

    String text(String path) {
        return text(at(path), path);
    }

    String text(JsonNode n, String path) {
        if (n == null || !n.isValueNode() || n.asText().isBlank()) throw fail(path, "must be a non-empty value");
        return n.asText();
    }

    double num(String path, double lo, double hi) {
        JsonNode n = at(path);
        if (!n.isNumber()) throw fail(path, "must be a number, was " + n);
        double v = n.asDouble();
        if (v < lo || v > hi) throw fail(path, String.format(Locale.ROOT, "%s is outside %s..%s", n.asText(), lo, hi));
        return v;
    }

    JsonNode object(String path) {
        JsonNode n = at(path);
        if (!n.isObject() || n.isEmpty()) throw fail(path, "must be a non-empty mapping");
        return n;
    }

    List<String> strings(String path) {
        JsonNode n = at(path);
        if (!n.isArray() || n.isEmpty()) throw fail(path, "must be a non-empty list");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) out.add(text(n.get(i), path + "[" + i + "]"));
        return out;
    }

    RubricException fail(String path, String why) {
        return new RubricException(file + ": " + path + ": " + why);
    }
}
