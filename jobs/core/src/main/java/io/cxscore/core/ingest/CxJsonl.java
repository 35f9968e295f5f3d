package io.cxscore.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.HumanLabels;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Our own interchange format: one conversation per line, as specified by
 * {@code conversation.schema.json} (bundled with this module and described in the README).
 * Parsing names the offending field ({@code messages[3].role}) so quarantine rows point at the fix.
 */
public final class CxJsonl {
    public static final String FORMAT = "cx-jsonl";
    static final ObjectMapper JSON = new ObjectMapper();

    private CxJsonl() {}

    /** Parses one record; throws {@link RecordException} naming the field at fault. */
    public static Conversation parse(JsonNode n, String defaultSource) {
        if (n == null || !n.isObject()) throw new RecordException("record", "not a JSON object");
        String id = requiredText(n, "id");
        JsonNode msgs = n.get("messages");
        if (msgs == null || !msgs.isArray()) throw new RecordException("messages", "missing or not an array");
        if (msgs.isEmpty()) throw new RecordException("messages", "empty: a conversation needs at least one message");
        List<Message> messages = new ArrayList<>(msgs.size());
        for (int i = 0; i < msgs.size(); i++) {
            JsonNode m = msgs.get(i);
            String path = "messages[" + i + "]";
            if (!m.isObject()) throw new RecordException(path, "not a JSON object");
            String roleText = optText(m, "role", path + ".role");
            // Exact lowercase spellings only, so that the JSON Schema's enum and this parser accept the same records
            Role role = roleText != null && roleText.equals(roleText.toLowerCase(Locale.ROOT).strip()) ? Role.fromWire(roleText) : null;
            if (role == null) {
                throw new RecordException(path + ".role",
                        roleText == null ? "missing" : "unknown role '" + roleText + "' (customer, human_agent, ai_agent, system)");
            }
            JsonNode text = m.get("text");
            if (text == null || !text.isTextual()) throw new RecordException(path + ".text", "missing or not a string");
            JsonNode pub = m.get("public");
            if (pub != null && !pub.isNull() && !pub.isBoolean()) {
                throw new RecordException(path + ".public", "must be true or false, was " + pub);
            }
            boolean isPublic = pub == null || pub.isNull() || pub.booleanValue();
            messages.add(new Message(i, role, optText(m, "author", path + ".author"), text.asText(),
                    optInstant(m, "at", path + ".at"), isPublic, retrieved(m.get("retrieved"), path + ".retrieved")));
        }
        List<Transfer> transfers = new ArrayList<>();
        JsonNode tr = n.get("transfers");
        if (tr != null && !tr.isNull()) {
            if (!tr.isArray()) throw new RecordException("transfers", "not an array");
            for (int i = 0; i < tr.size(); i++) {
                JsonNode t = tr.get(i);
                String path = "transfers[" + i + "]";
                if (!t.isObject()) throw new RecordException(path, "not a JSON object");
                transfers.add(new Transfer(optInstant(t, "at", path + ".at"), optText(t, "from", path + ".from"),
                        optText(t, "to", path + ".to"), optText(t, "reason", path + ".reason"),
                        optIndex(t, "after_message", path + ".after_message", messages.size())));
            }
        }
        List<AgentAction> actions = new ArrayList<>();
        JsonNode ac = n.get("actions");
        if (ac != null && !ac.isNull()) {
            if (!ac.isArray()) throw new RecordException("actions", "not an array");
            for (int i = 0; i < ac.size(); i++) {
                JsonNode a = ac.get(i);
                String path = "actions[" + i + "]";
                if (!a.isObject()) throw new RecordException(path, "not a JSON object");
                String name = optText(a, "name", path + ".name");
                if (name == null || name.isBlank()) throw new RecordException(path + ".name", "missing");
                actions.add(new AgentAction(name, optInstant(a, "at", path + ".at"), optText(a, "status", path + ".status"),
                        optIndex(a, "after_message", path + ".after_message", messages.size()),
                        stringMap(a.get("params"), path + ".params")));
            }
        }
        Integer csat = null;
        JsonNode cs = n.get("csat");
        if (cs != null && !cs.isNull()) {
            if (!cs.canConvertToInt() || !cs.isIntegralNumber() || cs.asInt() < 1 || cs.asInt() > 5) {
                throw new RecordException("csat", "must be an integer 1..5, was " + cs);
            }
            csat = cs.asInt();
        }
        return new Conversation(id, textOr(n, "source", defaultSource), optText(n, "channel", "channel"),
                optText(n, "brand", "brand"), optText(n, "team", "team"), optText(n, "queue", "queue"),
                optText(n, "cohort", "cohort"), optInstant(n, "opened_at", "opened_at"),
                optInstant(n, "closed_at", "closed_at"), messages, transfers, actions, csat,
                stringMap(n.get("metadata"), "metadata"), labels(n.get("labels"), messages.size()));
    }

    /** Writes one record as a single JSON line (no trailing newline). */
    public static String write(Conversation c) {
        return toJson(c).toString();
    }

    /** First 32 hex digits of SHA-256 over the canonical line: the same conversation from any source hashes the same. */
    public static String contentHash(Conversation c) {
        return contentHash(write(c));
    }

    /**
     * The same hash from a line {@link #write} made; {@code write(parse(write(c)))} is {@code write(c)}, so a job that
     * already holds the line need not write it again.
     */
    public static String contentHash(String canonicalLine) {
        return io.cxscore.core.rubric.RubricLoader.sha256(canonicalLine.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
    }

    public static ObjectNode toJson(Conversation c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", c.id());
        putOpt(n, "source", c.source());
        putOpt(n, "channel", c.channel());
        putOpt(n, "brand", c.brand());
        putOpt(n, "team", c.team());
        putOpt(n, "queue", c.queue());
        putOpt(n, "cohort", c.cohort());
        putOpt(n, "opened_at", c.openedAt());
        putOpt(n, "closed_at", c.closedAt());
        ArrayNode msgs = n.putArray("messages");
        for (Message m : c.messages()) {
            ObjectNode o = msgs.addObject();
            o.put("role", m.role().wireName());
            putOpt(o, "author", m.author());
            o.put("text", m.text());
            putOpt(o, "at", m.at());
            if (!m.isPublic()) o.put("public", false);
            if (m.retrieved() != null) {
                ArrayNode r = o.putArray("retrieved");
                m.retrieved().forEach(r::add);
            }
        }
        if (!c.transfers().isEmpty()) {
            ArrayNode arr = n.putArray("transfers");
            for (Transfer t : c.transfers()) {
                ObjectNode o = arr.addObject();
                putOpt(o, "at", t.at());
                putOpt(o, "from", t.fromQueue());
                putOpt(o, "to", t.toQueue());
                putOpt(o, "reason", t.reason());
                if (t.afterMessage() >= 0) o.put("after_message", t.afterMessage());
            }
        }
        if (!c.actions().isEmpty()) {
            ArrayNode arr = n.putArray("actions");
            for (AgentAction a : c.actions()) {
                ObjectNode o = arr.addObject();
                o.put("name", a.name());
                putOpt(o, "at", a.at());
                putOpt(o, "status", a.status());
                if (a.afterMessage() >= 0) o.put("after_message", a.afterMessage());
                if (!a.params().isEmpty()) {
                    ObjectNode p = o.putObject("params");
                    new TreeMap<>(a.params()).forEach(p::put);
                }
            }
        }
        if (c.csat() != null) n.put("csat", c.csat());
        if (!c.labels().isEmpty()) {
            ObjectNode l = n.putObject("labels");
            putVotes(l.putObject("dialogue"), c.labels().dialogue());
            ObjectNode turns = l.putObject("turns");
            new TreeMap<>(c.labels().turns()).forEach((i, v) -> putVotes(turns.putObject(Integer.toString(i)), v));
        }
        if (!c.metadata().isEmpty()) {
            ObjectNode md = n.putObject("metadata");
            new TreeMap<>(c.metadata()).forEach(md::put);
        }
        return n;
    }

    private static void putVotes(ObjectNode target, Map<String, List<Integer>> votes) {
        new TreeMap<>(votes).forEach((name, v) -> v.forEach(target.putArray(name)::add));
    }

    /** An AI agent's retrieved passages: absent or null means none recorded; otherwise an array of strings. */
    private static List<String> retrieved(JsonNode r, String path) {
        if (r == null || r.isNull()) return null;
        if (!r.isArray()) throw new RecordException(path, "must be an array of passage strings, was " + r.getNodeType());
        List<String> out = new ArrayList<>(r.size());
        for (int k = 0; k < r.size(); k++) {
            if (!r.get(k).isTextual()) throw new RecordException(path + "[" + k + "]", "must be a string");
            out.add(r.get(k).asText());
        }
        return out;
    }

    private static HumanLabels labels(JsonNode l, int messageCount) {
        if (l == null || l.isNull()) return HumanLabels.NONE;
        if (!l.isObject()) throw new RecordException("labels", "not an object");
        Map<String, List<Integer>> dialogue = votes(l.get("dialogue"), "labels.dialogue");
        Map<Integer, Map<String, List<Integer>>> turns = new TreeMap<>();
        JsonNode t = l.get("turns");
        if (t != null && !t.isNull()) {
            if (!t.isObject()) throw new RecordException("labels.turns", "not an object");
            for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
                var e = it.next();
                String path = "labels.turns." + e.getKey();
                if (!e.getKey().matches("0|[1-9][0-9]{0,8}") || Integer.parseInt(e.getKey()) >= messageCount) {
                    throw new RecordException(path, "turn key must be a message index 0.." + (messageCount - 1));
                }
                turns.put(Integer.parseInt(e.getKey()), votes(e.getValue(), path));
            }
        }
        return new HumanLabels(Map.copyOf(dialogue), Map.copyOf(turns));
    }

    private static Map<String, List<Integer>> votes(JsonNode n, String path) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) return out;
        if (!n.isObject()) throw new RecordException(path, "not an object");
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            String vpath = path + "." + e.getKey();
            if (!e.getValue().isArray()) throw new RecordException(vpath, "must be an array of integer votes");
            List<Integer> v = new ArrayList<>();
            for (JsonNode x : e.getValue()) {
                if (!x.isIntegralNumber() || !x.canConvertToInt()) {
                    throw new RecordException(vpath, "votes must be integers, found " + x);
                }
                v.add(x.asInt());
            }
            out.put(e.getKey(), List.copyOf(v));
        }
        return out;
    }

    private static String requiredText(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) throw new RecordException(f, "missing");
        if (!v.isTextual() && !v.isNumber()) throw new RecordException(f, "must be a string");
        String s = v.asText();
        if (s.isBlank()) throw new RecordException(f, "blank");
        return s;
    }

    private static String textOr(JsonNode n, String f, String dflt) {
        String s = optText(n, f, f);
        return s == null ? dflt : s;
    }

    private static String optText(JsonNode n, String f, String path) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode()) throw new RecordException(path, "must be a string");
        return v.asText();
    }

    private static Instant optInstant(JsonNode n, String f, String path) {
        String s = optText(n, f, path);
        if (s == null || s.isBlank()) return null;
        try {
            return IsoInstant.parse(s);
        } catch (DateTimeParseException e) {
            throw new RecordException(path, "not an ISO-8601 UTC timestamp: '" + s + "'");
        }
    }

    private static int optIndex(JsonNode n, String f, String path, int messageCount) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return -1;
        if (!v.isIntegralNumber() || v.asInt() < 0 || v.asInt() >= messageCount) {
            throw new RecordException(path, "must be a message index 0.." + (messageCount - 1) + ", was " + v);
        }
        return v.asInt();
    }

    private static Map<String, String> stringMap(JsonNode n, String path) {
        if (n == null || n.isNull()) return Map.of();
        if (!n.isObject()) throw new RecordException(path, "not an object");
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
        }
        return out;
    }

    private static void putOpt(ObjectNode n, String f, Object v) {
        if (v != null) n.put(f, v.toString());
    }
}
