package io.cxscore.core.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cxscore.core.rubric.RubricException;
import io.cxscore.core.text.CuePhraseSets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The cue phrase lists of {@code offline/cues.yaml}: support-specific words the offline judge counts. */
final class SupportCues {
    static final String[] CATEGORIES = {
        "gratitude", "praise", "confirmation", "problem", "persistence", "negative",
        "agent_solution", "agent_inability", "agent_apology", "agent_info_request", "escalation"
    };

    /** Indices into {@link #count}'s result, in the order of {@link #CATEGORIES}. */
    static final int GRATITUDE = 0, PRAISE = 1, CONFIRMATION = 2, PROBLEM = 3, PERSISTENCE = 4, NEGATIVE = 5,
            AGENT_SOLUTION = 6, AGENT_INABILITY = 7, AGENT_APOLOGY = 8, AGENT_INFO_REQUEST = 9, ESCALATION = 10;

    /** every category at once: one look-up per token instead of eleven */
    private final CuePhraseSets all;

    private SupportCues(JsonNode root, String name) {
        List<List<String>> sets = new ArrayList<>();
        for (int i = 0; i < CATEGORIES.length; i++) {
            JsonNode list = root.get(CATEGORIES[i]);
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new RubricException(name + ": " + CATEGORIES[i] + ": missing or empty list of cue phrases");
            }
            List<String> phrases = new ArrayList<>();
            list.forEach(n -> phrases.add(n.asText()));
            sets.add(phrases);
        }
        all = new CuePhraseSets(sets, text -> WordTokens.of(text).tokens);
    }

    /** Per category, indexed as {@link #CATEGORIES}: the number of positions where one of its phrases starts. */
    int[] count(List<String> tokens) {
        return all.count(tokens);
    }

    static SupportCues parse(byte[] yaml, String name) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            if (root == null || !root.isObject()) throw new RubricException(name + ": not a YAML mapping");
            return new SupportCues(root, name);
        } catch (IOException e) {
            throw new RubricException(name + ": not valid YAML: " + e.getMessage(), e);
        }
    }
}
