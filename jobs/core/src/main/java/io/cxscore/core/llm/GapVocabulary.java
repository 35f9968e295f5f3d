package io.cxscore.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cxscore.core.rubric.RubricException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The names a judge may use for a gap: categories with their subcategories, and the AI-fault kinds, read
 * from {@code rubrics/gaps/<v>/taxonomy.yaml}. Only the names: the taxonomy file stays the one definition.
 */
public record GapVocabulary(String version, Map<String, Set<String>> subcategories, Set<String> aiFaultKinds) {
    public static final String DEFAULT_CLASSPATH = "rubrics/gaps/v1/taxonomy.yaml";

    public GapVocabulary {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        subcategories.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        subcategories = Collections.unmodifiableMap(copy);
        aiFaultKinds = Collections.unmodifiableSet(new LinkedHashSet<>(aiFaultKinds));
    }

    public static GapVocabulary defaults() {
        try (InputStream in = GapVocabulary.class.getClassLoader().getResourceAsStream(DEFAULT_CLASSPATH)) {
            if (in == null) throw new RubricException(DEFAULT_CLASSPATH + " is not on the classpath");
            return parse(in.readAllBytes(), "classpath:" + DEFAULT_CLASSPATH);
        } catch (IOException e) {
            throw new RubricException("cannot read " + DEFAULT_CLASSPATH + ": " + e.getMessage(), e);
        }
    }

    public static GapVocabulary parse(byte[] yaml, String origin) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new RubricException(origin + ": not valid YAML: " + e.getMessage(), e);
        }
        JsonNode cats = root.path("categories");
        if (!cats.isObject() || cats.isEmpty()) throw new RubricException(origin + ": categories: missing or empty");
        Map<String, Set<String>> subs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = cats.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode sc = e.getValue().path("subcategories");
            if (!sc.isObject() || sc.isEmpty()) {
                throw new RubricException(origin + ": categories." + e.getKey() + ".subcategories: missing or empty");
            }
            Set<String> names = new LinkedHashSet<>();
            sc.fieldNames().forEachRemaining(names::add);
            subs.put(e.getKey(), names);
        }
        Set<String> faults = new LinkedHashSet<>();
        root.path("ai_fault_kinds").fieldNames().forEachRemaining(faults::add);
        return new GapVocabulary(root.path("version").asText(""), subs, faults);
    }

    /**
     * {@code knowledge: missing_article|outdated_article|...} one category a line: the prompt v2 rendering, which
     * costs fewer tokens than {@link #compact()}.
     */
    public String lines() {
        StringBuilder b = new StringBuilder();
        subcategories.forEach((cat, subs) -> {
            if (b.length() > 0) b.append('\n');
            b.append(cat).append(": ").append(String.join("|", subs));
        });
        return b.toString();
    }

    /** {@code knowledge(missing_article,outdated_article,...); product(...)}: compact, for the prompt v1. */
    public String compact() {
        StringBuilder b = new StringBuilder();
        subcategories.forEach((cat, subs) -> {
            if (b.length() > 0) b.append("; ");
            b.append(cat).append('(').append(String.join(",", subs)).append(')');
        });
        return b.toString();
    }
}
