package io.cxscore.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Intercom conversations as {@code GET /conversations/{id}} returns them (the conversation model with its
 * parts), one per record.
 *
 * <p>Input shape. JSON Lines, a JSON array, or {@code {"conversations": [...]}} (optionally {@code .gz}); each:
 * <pre>{@code
 * {"id": "123", "created_at": 1709283600, "updated_at": 1709287200, "state": "closed",
 *  "source": {"type": "conversation", "delivered_as": "customer_initiated", "body": "<p>Hi</p>",
 *             "author": {"type": "user", "id": "u1", "name": "Ana"}},
 *  "conversation_parts": {"conversation_parts": [
 *     {"part_type": "comment", "body": "<p>...</p>", "created_at": 1709283700,
 *      "author": {"type": "bot", "id": "b1", "name": "Fin"}, "from_ai_agent": true},
 *     {"part_type": "assignment", "body": null, "created_at": 1709283800,
 *      "author": {"type": "bot"}, "assigned_to": {"type": "team", "id": "77"}},
 *     {"part_type": "note", "body": "<p>internal</p>", "author": {"type": "admin", "id": "a9"}},
 *     {"part_type": "close", "body": null, "created_at": 1709287000, "author": {"type": "admin"}}]},
 *  "ai_agent_participated": true, "ai_agent": {"resolution_state": "routed_to_team", "rating": 4},
 *  "conversation_rating": {"rating": 5, "remark": "..."}, "team_assignee_id": 77, "admin_assignee_id": 9,
 *  "tags": {"tags": [{"name": "billing"}]}, "custom_attributes": {"plan": "pro"}}
 * }</pre>
 * {@code conversation_parts} may also be a plain array, and {@code tags} a plain array of names or tag objects.
 *
 * <p>Mapping. Author type user/lead/contact is the customer, admin/team a human agent, bot an AI agent, as is
 * any part with {@code from_ai_agent} or {@code is_ai_answer}. The source body is the first message. A
 * {@code note} is an internal message; assignment parts are transfers (to {@code team:<id>} or
 * {@code admin:<id>}); parts without a body (open, close, snoozed...) are not messages, but the last
 * {@code close} sets the close time ({@code updated_at} when a closed conversation has no close part).
 * Bodies are HTML and become plain text. The channel is {@code source.type}, with Messenger's
 * {@code conversation} called chat. The rating 1..5 is the CSAT; AI agent fields, tags and custom attributes
 * go to metadata.
 */
public final class IntercomReader extends JsonConversationReader {
    public static final String FORMAT = "intercom";
    private static final Set<String> ASSIGNMENTS =
            Set.of("assignment", "assign_and_unassign", "default_assignment", "away_mode_assignment", "assign_and_reopen");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected Set<String> wrapperKeys() {
        return Set.of("conversations");
    }

    @Override
    protected RecordMapper mapperFor(Path file) {
        return (record, ordinal) -> conversation(record);
    }

    private static Conversation conversation(JsonNode c) {
        String id = requiredText(c, "id", "id");
        Instant created = optEpochSeconds(c, "created_at", "created_at");
        Instant updated = optEpochSeconds(c, "updated_at", "updated_at");
        List<Message> messages = new ArrayList<>();
        List<Transfer> transfers = new ArrayList<>();
        String channel = null;
        JsonNode source = optObject(c, "source", "source");
        if (source != null) {
            channel = optText(source, "type", "source.type");
            if ("conversation".equals(channel)) channel = "chat";
            String body = HtmlText.toPlain(optText(source, "body", "source.body"));
            if (body != null && !body.isBlank()) {
                Author author = author(source, "source");
                messages.add(new Message(0, author.role, author.name, body, created, true));
            }
        }
        Instant closed = null;
        String assignee = null;
        JsonNode parts = parts(c);
        for (int i = 0; i < parts.size(); i++) {
            JsonNode p = parts.get(i);
            String path = "conversation_parts[" + i + "]";
            if (!p.isObject()) throw new RecordException(path, "not a JSON object");
            String type = optText(p, "part_type", path + ".part_type");
            if (type == null) throw new RecordException(path + ".part_type", "missing");
            Instant at = optEpochSeconds(p, "created_at", path + ".created_at");
            String body = HtmlText.toPlain(optText(p, "body", path + ".body"));
            boolean hasBody = body != null && !body.isBlank();
            if (hasBody) {
                Author author = author(p, path);
                messages.add(new Message(messages.size(), author.role, author.name, body, at, !type.equals("note")));
            }
            if (ASSIGNMENTS.contains(type)) {
                String to = assignee(p, path);
                transfers.add(new Transfer(at, assignee, to, type, messages.size() - 1));
                assignee = to;
            } else if (type.equals("close")) {
                closed = at;
            }
        }
        if (messages.isEmpty()) {
            throw new RecordException("conversation_parts", "no message with a body in source or parts");
        }
        if (closed == null && "closed".equals(c.path("state").asText())) closed = updated;
        Map<String, String> metadata = new LinkedHashMap<>();
        putIfPresent(metadata, "state", optText(c, "state", "state"));
        putIfPresent(metadata, "admin_assignee_id", optText(c, "admin_assignee_id", "admin_assignee_id"));
        putIfPresent(metadata, "ai_agent_participated", optText(c, "ai_agent_participated", "ai_agent_participated"));
        JsonNode ai = optObject(c, "ai_agent", "ai_agent");
        if (ai != null) {
            putIfPresent(metadata, "ai_agent.resolution_state", optText(ai, "resolution_state", "ai_agent.resolution_state"));
            putIfPresent(metadata, "ai_agent.rating", optText(ai, "rating", "ai_agent.rating"));
        }
        List<String> tags = tags(c);
        if (!tags.isEmpty()) metadata.put("tags", String.join(",", tags));
        JsonNode custom = optObject(c, "custom_attributes", "custom_attributes");
        if (custom != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = custom.fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getValue().isNull()) continue;
                metadata.put("custom." + e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        return new Conversation(id, FORMAT, channel, null, optText(c, "team_assignee_id", "team_assignee_id"), null, null,
                created, closed, messages, transfers, null, csat(c), metadata, null);
    }

    private record Author(Role role, String name) {}

    private static Author author(JsonNode holder, String path) {
        JsonNode a = optObject(holder, "author", path + ".author");
        if (a == null) throw new RecordException(path + ".author", "missing: a message needs its author to know who spoke");
        String type = optText(a, "type", path + ".author.type");
        boolean aiFlag = holder.path("from_ai_agent").asBoolean(false) || holder.path("is_ai_answer").asBoolean(false);
        Role role = aiFlag ? Role.AI_AGENT : type == null ? null : switch (type.toLowerCase(Locale.ROOT)) {
            case "user", "lead", "contact" -> Role.CUSTOMER;
            case "admin", "team" -> Role.HUMAN_AGENT;
            case "bot" -> Role.AI_AGENT;
            default -> null;
        };
        if (role == null) {
            throw new RecordException(path + ".author.type", type == null ? "missing"
                    : "unknown author type '" + type + "' (user, lead, contact, admin, team, bot)");
        }
        String name = optText(a, "name", path + ".author.name");
        return new Author(role, name != null ? name : optText(a, "id", path + ".author.id"));
    }

    private static JsonNode parts(JsonNode c) {
        JsonNode parts = c.get("conversation_parts");
        if (parts == null || parts.isNull()) return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        if (parts.isArray()) return parts;
        if (parts.isObject()) return requiredArray(parts, "conversation_parts", "conversation_parts.conversation_parts");
        throw new RecordException("conversation_parts", "must be an object or an array, was " + kind(parts));
    }

    private static String assignee(JsonNode p, String path) {
        JsonNode to = p.get("assigned_to");
        if (to == null || to.isNull()) return null;
        if (to.isValueNode()) return to.asText();
        if (!to.isObject()) throw new RecordException(path + ".assigned_to", "must be an object, was " + kind(to));
        String id = optText(to, "id", path + ".assigned_to.id");
        String type = optText(to, "type", path + ".assigned_to.type");
        if (id == null) return type;
        return type == null ? id : type + ":" + id;
    }

    private static List<String> tags(JsonNode c) {
        JsonNode t = c.get("tags");
        if (t == null || t.isNull()) return List.of();
        if (t.isObject()) t = optArray(t, "tags", "tags.tags");
        if (t == null) return List.of();
        if (!t.isArray()) throw new RecordException("tags", "must be an object or an array, was " + kind(t));
        List<String> out = new ArrayList<>();
        for (JsonNode tag : t) out.add(tag.isObject() ? tag.path("name").asText(tag.path("id").asText()) : tag.asText());
        return out;
    }

    private static Integer csat(JsonNode c) {
        JsonNode r = optObject(c, "conversation_rating", "conversation_rating");
        if (r == null) return null;
        JsonNode v = r.get("rating");
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 5) {
            throw new RecordException("conversation_rating.rating", "must be an integer 1..5, was " + v);
        }
        return v.asInt();
    }

    private static void putIfPresent(Map<String, String> m, String k, String v) {
        if (v != null) m.put(k, v);
    }
}
