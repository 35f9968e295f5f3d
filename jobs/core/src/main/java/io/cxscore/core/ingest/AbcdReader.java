package io.cxscore.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads ABCD (Action-Based Conversations Dataset) conversations ({@code abcd_sample.json}, and the full
 * {@code abcd_v1.1.json.gz} split arrays {@code {"train": [...], "dev": [...], "test": [...]}}): each
 * {@code {convo_id, scenario: {flow, subflow, ...}, original: [[speaker, text]], delexed: [{speaker, targets}]}}.
 *
 * <p>{@code agent} and {@code customer} turns are messages. {@code action} turns are the tool buttons the agent
 * clicked, so they are {@link AgentAction}s, not messages: named by the button in the aligned delexed turn's
 * {@code targets[2]} (e.g. {@code pull-up-account}), else by their logged text, placed after the last message
 * before them, and succeeded (ABCD logs only actions that ran). The scenario's flow and subflow (the true intent)
 * go to metadata.
 */
public final class AbcdReader extends JsonConversationReader {
    public static final String FORMAT = "abcd";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected Set<String> wrapperKeys() {
        return Set.of("train", "dev", "test");
    }

    @Override
    protected RecordMapper mapperFor(Path file) {
        return (record, ordinal) -> conversation(record);
    }

    @Override
    protected String recordId(JsonNode record) {
        JsonNode id = record.get("convo_id");
        return id != null && id.isValueNode() && !id.isNull() ? id.asText() : null;
    }

    private static Conversation conversation(JsonNode c) {
        String id = requiredText(c, "convo_id", "convo_id");
        JsonNode original = requiredArray(c, "original", "original");
        JsonNode delexed = optArray(c, "delexed", "delexed");
        List<Message> messages = new ArrayList<>();
        List<AgentAction> actions = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            JsonNode turn = original.get(i);
            String path = "original[" + i + "]";
            if (!turn.isArray() || turn.size() != 2 || !turn.get(0).isTextual() || !turn.get(1).isTextual()) {
                throw new RecordException(path, "must be a [speaker, text] pair of strings");
            }
            String speaker = turn.get(0).asText();
            String text = turn.get(1).asText();
            switch (speaker) {
                case "agent" -> messages.add(new Message(messages.size(), Role.HUMAN_AGENT, null, text, null, true));
                case "customer" -> messages.add(new Message(messages.size(), Role.CUSTOMER, null, text, null, true));
                case "action" -> actions.add(new AgentAction(actionName(delexed, i, text), null, "succeeded",
                        messages.size() - 1, Map.of("text", text)));
                default -> throw new RecordException(path + "[0]", "unknown speaker '" + speaker + "' (agent, customer, action)");
            }
        }
        if (messages.isEmpty()) throw new RecordException("original", "no agent or customer turn");
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode scenario = optObject(c, "scenario", "scenario");
        if (scenario != null) {
            String flow = optText(scenario, "flow", "scenario.flow");
            String subflow = optText(scenario, "subflow", "scenario.subflow");
            if (flow != null) metadata.put("flow", flow);
            if (subflow != null) metadata.put("subflow", subflow);
        }
        return new Conversation(id, FORMAT, "chat", null, null, null, null, null, null, messages, null, actions, null,
                metadata, null);
    }

    private static String actionName(JsonNode delexed, int i, String text) {
        if (delexed != null && i < delexed.size()) {
            JsonNode d = delexed.get(i);
            JsonNode button = d.path("targets").path(2);
            if ("action".equals(d.path("speaker").asText()) && button.isTextual() && !button.asText().isBlank()) {
                return button.asText();
            }
        }
        return text.strip();
    }
}
