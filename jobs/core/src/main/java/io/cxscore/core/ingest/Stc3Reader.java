package io.cxscore.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxscore.core.eval.HoldoutSplit;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.HumanLabels;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the NTCIR-14 STC-3 dialogue-quality files ({@code train_data_en.json.gz}, {@code test_data_cn.json}...):
 * a JSON array of {@code {id, turns: [{sender, utterances}], annotations: [{quality: {A, S, E}, nugget: [...]}]}}.
 *
 * <p>One message per turn (its utterances joined by newlines), so message i is nugget i. Dialogue labels
 * {@code A}, {@code S}, {@code E} hold the annotators' −2..2 votes in annotation order, and
 * {@code customer_confirmed} holds per annotator 1 when they marked any turn {@code CNUG*} (the customer confirms a
 * solution), else 0. Test files carry no annotations and read without labels.
 *
 * <p>The English files are translations of the Chinese ones with the same ids, so the conversation id is
 * prefixed with the source ({@code stc3-en-<id>}) to stay unique, while the split key is the bare dataset id:
 * a dialogue and its translation land in the same split.
 */
public final class Stc3Reader extends JsonConversationReader {
    public static final String FORMAT = "stc3";
    private static final List<String> QUALITIES = List.of("A", "S", "E");
    private static final Pattern CUSTOMER_PREFIX = Pattern.compile("^\\s*C\\s*[：:]\\s*");
    private static final Pattern HELPDESK_PREFIX = Pattern.compile("^\\s*H\\s*[：:]\\s*");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected Set<String> wrapperKeys() {
        return Set.of();
    }

    @Override
    protected RecordMapper mapperFor(Path file) {
        String name = file.getFileName().toString();
        String source = name.contains("_cn") ? "stc3-cn" : name.contains("_en") ? "stc3-en" : "stc3";
        String split = name.startsWith("train") ? "train" : name.startsWith("test") ? "test" : null;
        return (record, ordinal) -> dialogue(record, source, split);
    }

    private static Conversation dialogue(JsonNode d, String source, String split) {
        String rawId = requiredText(d, "id", "id");
        JsonNode turns = requiredArray(d, "turns", "turns");
        if (turns.isEmpty()) throw new RecordException("turns", "empty: a dialogue needs at least one turn");
        List<Message> messages = new ArrayList<>(turns.size());
        for (int i = 0; i < turns.size(); i++) {
            JsonNode t = turns.get(i);
            String path = "turns[" + i + "]";
            if (!t.isObject()) throw new RecordException(path, "not a JSON object");
            String sender = optText(t, "sender", path + ".sender");
            Role role;
            Pattern prefix;
            if ("customer".equals(sender)) {
                role = Role.CUSTOMER;
                prefix = CUSTOMER_PREFIX;
            } else if ("helpdesk".equals(sender)) {
                role = Role.HUMAN_AGENT;
                prefix = HELPDESK_PREFIX;
            } else {
                throw new RecordException(path + ".sender", sender == null ? "missing" : "unknown sender '" + sender + "' (customer, helpdesk)");
            }
            JsonNode utterances = requiredArray(t, "utterances", path + ".utterances");
            List<String> lines = new ArrayList<>();
            for (int u = 0; u < utterances.size(); u++) {
                JsonNode x = utterances.get(u);
                if (!x.isTextual()) throw new RecordException(path + ".utterances[" + u + "]", "must be a string, was " + kind(x));
                // Empty strings are where the crawl dropped emoji or photos; they carry no text
                String text = prefix.matcher(x.asText()).replaceFirst("").strip();
                if (!text.isEmpty()) lines.add(text);
            }
            messages.add(new Message(i, role, null, String.join("\n", lines), null, true));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(HoldoutSplit.KEY, rawId);
        metadata.put("dataset_id", rawId);
        if (split != null) metadata.put("dataset_split", split);
        return new Conversation(source + "-" + rawId, source, "weibo", null, null, null, null, null, null, messages,
                null, null, null, metadata, labels(d, turns.size()));
    }

    private static HumanLabels labels(JsonNode d, int turnCount) {
        JsonNode annotations = optArray(d, "annotations", "annotations");
        if (annotations == null || annotations.isEmpty()) return HumanLabels.NONE;
        Map<String, List<Integer>> votes = new LinkedHashMap<>();
        for (String q : QUALITIES) votes.put(q, new ArrayList<>());
        List<Integer> confirmed = new ArrayList<>();
        for (int a = 0; a < annotations.size(); a++) {
            String path = "annotations[" + a + "]";
            JsonNode ann = annotations.get(a);
            if (!ann.isObject()) throw new RecordException(path, "not a JSON object");
            JsonNode quality = requiredObject(ann, "quality", path + ".quality");
            for (String q : QUALITIES) {
                JsonNode v = quality.get(q);
                if (v == null || !v.isIntegralNumber() || v.asInt() < -2 || v.asInt() > 2) {
                    throw new RecordException(path + ".quality." + q, "must be an integer -2..2, was " + v);
                }
                votes.get(q).add(v.asInt());
            }
            JsonNode nuggets = requiredArray(ann, "nugget", path + ".nugget");
            if (nuggets.size() != turnCount) {
                throw new RecordException(path + ".nugget", "has " + nuggets.size() + " labels for " + turnCount + " turns");
            }
            boolean anyConfirmed = false;
            for (JsonNode n : nuggets) anyConfirmed |= "CNUG*".equals(n.asText());
            confirmed.add(anyConfirmed ? 1 : 0);
        }
        Map<String, List<Integer>> dialogue = new LinkedHashMap<>();
        votes.forEach((q, v) -> dialogue.put(q, List.copyOf(v)));
        dialogue.put("customer_confirmed", List.copyOf(confirmed));
        return new HumanLabels(Map.copyOf(dialogue), Map.of());
    }
}
