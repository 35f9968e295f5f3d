package io.cxscore.core.gaps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The gap taxonomy of {@code rubrics/gaps/<v>/taxonomy.yaml}: categories, their subcategories and the
 * AI-fault kinds. Loaded and validated before anything is classified, so a bad edit fails at start-up.
 */
public record GapTaxonomy(String version, Map<String, Set<String>> subcategories, Set<String> aiFaultKinds) {
    public GapTaxonomy {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        subcategories.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        subcategories = Collections.unmodifiableMap(copy);
        aiFaultKinds = Collections.unmodifiableSet(new LinkedHashSet<>(aiFaultKinds));
    }

    public static GapTaxonomy parse(byte[] yaml, String file) {
        YamlFields y = YamlFields.parse(yaml, file);
        if (!"gaps".equals(y.text("id"))) throw y.fail("id", "must be 'gaps'");
        String version = y.text("version");
        Map<String, Set<String>> subs = new LinkedHashMap<>();
        var categories = y.object("categories").fields();
        while (categories.hasNext()) {
            var e = categories.next();
            String path = "categories." + e.getKey();
            y.text(path + ".description");
            JsonNode s = y.object(path + ".subcategories");
            Set<String> names = new LinkedHashSet<>();
            s.fieldNames().forEachRemaining(names::add);
            subs.put(e.getKey(), names);
        }
        Set<String> faults = new LinkedHashSet<>();
        y.object("ai_fault_kinds").fieldNames().forEachRemaining(faults::add);
        return new GapTaxonomy(version, subs, faults);
    }

    public boolean contains(String category, String subcategory) {
        Set<String> s = subcategories.get(category);
        return s != null && s.contains(subcategory);
    }

    public Set<String> categories() {
        return subcategories.keySet();
    }
}
