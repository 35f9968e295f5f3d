package io.cxscore.core.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The invented brands, staff, customers' names and problems behind the demo, loaded from
 * {@code demo-world.yaml}. Text lives in the resource so it can grow without touching the scripts.
 */
record DemoWorld(
        List<Brand> brands,
        List<String> firstNames,
        List<String> lastNames,
        List<String> companies,
        List<String> mailDomains,
        List<String> streets,
        List<String> cities,
        List<String> items,
        List<String> plans,
        List<Topic> topics) {

    static final String RESOURCE = "demo-world.yaml";

    record Brand(String key, String name, String kind, String idPrefix, String aiAgent, double weight,
            Map<String, Double> cohortWeights, List<Team> teams) {
        Team team(String key) {
            return teams.stream().filter(t -> t.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("brand " + this.key + " has no team " + key));
        }

        boolean isStore() {
            return "store".equals(kind);
        }
    }

    record Team(String key, String label, List<String> l1, List<String> l2) {
        String queue(String tier) {
            return key + "-" + tier;
        }
    }

    /**
     * One kind of customer problem. Text fields may hold {slot} placeholders, filled per conversation.
     *
     * @param params action parameter name to its value, a template like "{order}"
     */
    record Topic(String key, String brand, String team, String action, Map<String, String> params,
            boolean needsVerification, boolean refundable, String subject, List<String> asks,
            List<String> rephrases, List<String> fixes, String article, String advice, String adviceFails,
            String altAdvice, String capability, String workaround, String bug, String noRuleCase,
            String promise, String manualStep) {}

    static DemoWorld load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = DemoWorld.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return yaml.readValue(in, DemoWorld.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    List<Topic> topicsOf(Brand brand) {
        return topics.stream().filter(t -> t.brand().equals(brand.key())).toList();
    }
}
