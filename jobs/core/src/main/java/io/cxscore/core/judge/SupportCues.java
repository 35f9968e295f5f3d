package io.cxscore.core.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cxscore.core.rubric.RubricException;
import io.cxscore.core.text.CuePhrases;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The cue phrase lists of {@code offline/cues.yaml}: support-specific words the offline judge counts. */
final class SupportCues {
    static final String[] CATEGORIES = {
        "gratitude", "praise", "confirmation", "problem", "persistence", "negative",
        "agent_solution", "agent_inability", "agent_apology", "agent_info_request", "escalation"
    };

    final CuePhrases gratitude, praise, confirmation, problem, persistence, negative;
    final CuePhrases agentSolution, agentInability, agentApology, agentInfoRequest, escalation;

    private SupportCues(JsonNode root, String name) {
        CuePhrases[] sets = new CuePhrases[CATEGORIES.length];
        for (int i = 0; i < CATEGORIES.length; i++) {
            JsonNode list = root.get(CATEGORIES[i]);
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw new RubricException(name + ": " + CATEGORIES[i] + ": missing or empty list of cue phrases");
            }
            List<String> phrases = new ArrayList<>();
            list.forEach(n -> phrases.add(n.asText()));
            sets[i] = new CuePhrases(phrases, text -> WordTokens.of(text).tokens);
        }
        gratitude = sets[0];
        praise = sets[1];
        confirmation = sets[2];
        problem = sets[3];
        persistence = sets[4];
        negative = sets[5];
        agentSolution = sets[6];
        agentInability = sets[7];
        agentApology = sets[8];
        agentInfoRequest = sets[9];
        escalation = sets[10];
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
