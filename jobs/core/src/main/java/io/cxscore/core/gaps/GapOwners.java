package io.cxscore.core.gaps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxscore.core.rubric.RubricException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code rubrics/gaps/<v>/owners.yaml}: gap category, optionally narrowed by brand, queue or topic, to
 * the owning team. Every finding gets exactly one owner: the matching rule that names the most fields,
 * the first in the file among equals, or else the default owner, flagged {@link GapOwner#isDefault()}.
 */
public final class GapOwners {
    static final List<String> MATCH_FIELDS = List.of("category", "brand", "queue", "topic");

    /** One rule: the fields it matches (lowercased) and the owner it assigns. */
    private record Rule(Map<String, String> match, GapOwner owner) {
        boolean matches(String category, String brand, String queue, String topic) {
            return eq("category", category) && eq("brand", brand) && eq("queue", queue) && eq("topic", topic);
        }

        private boolean eq(String field, String value) {
            String want = match.get(field);
            return want == null || (value != null && want.equals(value.toLowerCase(Locale.ROOT)));
        }
    }

    private final String version;
    private final GapOwner defaultOwner;
    private final List<Rule> rules;

    private GapOwners(String version, GapOwner defaultOwner, List<Rule> rules) {
        this.version = version;
        this.defaultOwner = defaultOwner;
        this.rules = rules;
    }

    /** Parses and validates: every category must exist in the taxonomy, and no two rules may match the same fields. */
    public static GapOwners parse(byte[] yaml, String file, GapTaxonomy taxonomy) {
        YamlFields y = YamlFields.parse(yaml, file);
        if (!"gap-owners".equals(y.text("id"))) throw y.fail("id", "must be 'gap-owners'");
        String version = y.text("version");
        String taxonomyVersion = y.text("taxonomy_version");
        if (!taxonomyVersion.equals(taxonomy.version())) {
            throw y.fail("taxonomy_version", "is " + taxonomyVersion + " but the taxonomy beside it is version " + taxonomy.version());
        }
        GapOwner fallback = owner(y, "default_owner", true);
        JsonNode list = y.at("owners");
        if (!list.isArray()) throw y.fail("owners", "must be a list");
        List<Rule> rules = new ArrayList<>();
        Set<Map<String, String>> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "owners." + i;
            JsonNode match = y.object(path + ".match");
            Map<String, String> m = new TreeMap<>();
            var fields = match.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (!MATCH_FIELDS.contains(f.getKey())) {
                    throw y.fail(path + ".match." + f.getKey(), "unknown field; match on " + String.join(", ", MATCH_FIELDS));
                }
                m.put(f.getKey(), y.text(f.getValue(), path + ".match." + f.getKey()).toLowerCase(Locale.ROOT));
            }
            String category = m.get("category");
            if (category == null) throw y.fail(path + ".match.category", "missing: every rule names a category");
            if (!taxonomy.categories().contains(category)) {
                throw y.fail(path + ".match.category", "'" + category + "' is not a category of taxonomy v" + taxonomy.version());
            }
            if (!seen.add(m)) throw y.fail(path + ".match", "matches the same fields as an earlier rule " + m);
            rules.add(new Rule(m, owner(y, path + ".owner", false)));
        }
        return new GapOwners(version, fallback, List.copyOf(rules));
    }

    private static GapOwner owner(YamlFields y, String path, boolean isDefault) {
        return new GapOwner(y.text(path + ".team"), y.text(path + ".contact"), y.text(path + ".channel"), isDefault);
    }

    /** The one owner of a finding of this category in this conversation segment; null fields never match a narrowing rule. */
    public GapOwner resolve(String category, String brand, String queue, String topic) {
        if (category == null) throw new RubricException("a gap finding has no category: cannot resolve its owner");
        Rule best = null;
        for (Rule r : rules) {
            if (r.matches(category, brand, queue, topic) && (best == null || r.match.size() > best.match.size())) best = r;
        }
        return best == null ? defaultOwner : best.owner;
    }

    public GapOwner defaultOwner() {
        return defaultOwner;
    }

    public String version() {
        return version;
    }
}
