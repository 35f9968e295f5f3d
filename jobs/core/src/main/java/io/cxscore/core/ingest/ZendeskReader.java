package io.cxscore.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.model.Transfer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Zendesk Support tickets with their comments embedded, the shape of Zendesk's JSON export and of
 * {@code GET /api/v2/tickets/{id}} with {@code comments} (and optionally {@code audits}) added per ticket.
 *
 * <p>Input shape. The tickets file is JSON Lines, a JSON array, or {@code {"tickets": [...]}} (optionally
 * {@code .gz}); each ticket:
 * <pre>{@code
 * {"id": 4411, "created_at": "2024-03-01T09:00:00Z", "updated_at": "...", "solved_at": "...",
 *  "status": "solved", "priority": "normal", "type": "incident", "via": {"channel": "email"},
 *  "brand_id": 7, "group_id": 20, "requester_id": 501, "tags": ["billing"],
 *  "custom_fields": [{"id": 360001, "value": "refund"}],
 *  "satisfaction_rating": {"score": "good" | "bad" | "offered" | "unoffered", "comment": "..."},
 *  "comments": [{"id": 1, "author_id": 501, "plain_body": "...", "body": "...", "html_body": "<p>...</p>",
 *                "public": true, "created_at": "2024-03-01T09:00:00Z", "via": {"channel": "email"}}],
 *  "audits": [{"created_at": "...", "events": [{"type": "Change", "field_name": "group_id",
 *                                              "previous_value": "20", "value": "21"}]}]}
 * }</pre>
 * Authors' roles come from a users file beside the tickets ({@code users.json}, {@code users.jsonl} or
 * {@code users.ndjson}, optionally {@code .gz}; JSON Lines, array or {@code {"users": [...]}}) with
 * {@code id, name, role} ({@code end-user} is the customer, {@code agent}/{@code admin} a human agent) and an
 * AI agent marked by {@code user_fields.ai_agent = true} or the tag {@code ai_agent}. An optional groups file
 * ({@code groups.json}...: {@code id, name}) names teams; without it the team is the group id.
 *
 * <p>Mapping. {@code plain_body}, else {@code body}, else {@code html_body} as plain text;
 * {@code public: false} is an internal note. {@code via.channel} is the channel, {@code brand_id} the brand,
 * the group the team. Tags, custom fields, status, priority and type go to metadata. Closed is
 * {@code solved_at}, else {@code updated_at} unless the ticket is still new/open/pending/on hold.
 * CSAT: good is 5, bad is 1, offered/unoffered is no answer; the raw score is kept in metadata. Group changes
 * in audits are transfers. A comment whose author is not in the users file is quarantined, because guessing
 * who spoke would silently mis-score the ticket.
 */
public final class ZendeskReader extends JsonConversationReader {
    public static final String FORMAT = "zendesk";
    private static final Set<String> OPEN_STATUSES = Set.of("new", "open", "pending", "hold");

    private record User(String name, Role role, String rawRole) {}

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected Set<String> wrapperKeys() {
        return Set.of("tickets");
    }

    @Override
    protected RecordMapper mapperFor(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path usersFile = sibling(dir, "users");
        if (usersFile == null) {
            throw new NoSuchFileException(dir.resolve("users.json").toString(), null,
                    "Zendesk tickets need a users file beside them (users.json or users.jsonl) to tell customers from agents");
        }
        Map<String, User> users = loadUsers(usersFile);
        Path groupsFile = sibling(dir, "groups");
        Map<String, String> groups = groupsFile == null ? Map.of() : loadGroups(groupsFile);
        String usersName = usersFile.getFileName().toString();
        return (ticket, ordinal) -> ticket(ticket, users, usersName, groups);
    }

    private static Path sibling(Path dir, String stem) {
        for (String ext : List.of(".json", ".jsonl", ".ndjson")) {
            for (String gz : List.of("", ".gz")) {
                Path p = dir.resolve(stem + ext + gz);
                if (Files.isRegularFile(p)) return p;
            }
        }
        return null;
    }

    // Users are few next to tickets and every comment needs a lookup, so they are held in memory. A broken
    // users file stops the read: a missing role would mis-score every ticket that user touched.
    private static Map<String, User> loadUsers(Path file) throws IOException {
        Map<String, User> users = new HashMap<>();
        try (JsonRecordSource records = JsonRecordSource.open(file, Set.of("users"))) {
            while (records.hasNext()) {
                JsonNode u = node(records.next(), file);
                JsonNode id = u.get("id");
                if (id == null || !id.isValueNode() || id.isNull()) throw badSideFile(file, "a user has no id: " + excerpt(u));
                String rawRole = u.path("role").asText(null);
                users.put(id.asText(), new User(u.path("name").asText(null), role(u, rawRole), rawRole));
            }
        }
        return users;
    }

    private static Role role(JsonNode user, String rawRole) {
        boolean ai = user.path("user_fields").path("ai_agent").asBoolean(false);
        for (JsonNode tag : user.path("tags")) ai |= "ai_agent".equals(tag.asText());
        if (ai) return Role.AI_AGENT;
        if (rawRole == null) return null;
        return switch (rawRole.toLowerCase(Locale.ROOT)) {
            case "end-user", "end_user" -> Role.CUSTOMER;
            case "agent", "admin" -> Role.HUMAN_AGENT;
            default -> null;
        };
    }

    private static Map<String, String> loadGroups(Path file) throws IOException {
        Map<String, String> groups = new HashMap<>();
        try (JsonRecordSource records = JsonRecordSource.open(file, Set.of("groups"))) {
            while (records.hasNext()) {
                JsonNode g = node(records.next(), file);
                if (g.hasNonNull("id") && g.hasNonNull("name")) groups.put(g.get("id").asText(), g.get("name").asText());
            }
        }
        return groups;
    }

    private static JsonNode node(JsonRecord r, Path file) throws IOException {
        if (r instanceof JsonRecord.Unreadable u) throw badSideFile(file, u.position() + ": " + u.reason());
        JsonNode n = ((JsonRecord.Parsed) r).node();
        if (!n.isObject()) throw badSideFile(file, r.position() + ": not a JSON object");
        return n;
    }

    private static IOException badSideFile(Path file, String detail) {
        return new IOException(file.getFileName() + " cannot be used, so no ticket is read: " + detail);
    }

    private static String excerpt(JsonNode n) {
        return QuarantineRecord.excerptOf(n.toString());
    }

    private static Conversation ticket(JsonNode t, Map<String, User> users, String usersName, Map<String, String> groups) {
        String id = requiredText(t, "id", "id");
        JsonNode comments = requiredArray(t, "comments", "comments");
        if (comments.isEmpty()) throw new RecordException("comments", "empty: a ticket needs at least one comment");
        List<Message> messages = new ArrayList<>(comments.size());
        for (int i = 0; i < comments.size(); i++) {
            messages.add(comment(comments.get(i), i, users, usersName));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<String> tags = textList(optArray(t, "tags", "tags"));
        if (!tags.isEmpty()) metadata.put("tags", String.join(",", tags));
        customFields(t, "custom_fields", metadata);
        customFields(t, "fields", metadata);
        for (String f : List.of("status", "priority", "type", "requester_id", "organization_id")) {
            String v = optText(t, f, f);
            if (v != null) metadata.put(f, v);
        }
        Integer csat = csat(t, metadata);
        JsonNode via = optObject(t, "via", "via");
        String channel = via == null ? null : optText(via, "channel", "via.channel");
        String groupId = optText(t, "group_id", "group_id");
        String status = metadata.get("status");
        Instant closed = optIsoInstant(t, "solved_at", "solved_at");
        Instant updated = optIsoInstant(t, "updated_at", "updated_at");
        if (closed == null && (status == null || !OPEN_STATUSES.contains(status.toLowerCase(Locale.ROOT)))) closed = updated;
        return new Conversation(id, FORMAT, channel, optText(t, "brand_id", "brand_id"),
                groupId == null ? null : groups.getOrDefault(groupId, groupId), null, null,
                optIsoInstant(t, "created_at", "created_at"), closed, messages, transfers(t, messages, groups), null, csat,
                metadata, null);
    }

    private static Message comment(JsonNode c, int i, Map<String, User> users, String usersName) {
        String path = "comments[" + i + "]";
        if (!c.isObject()) throw new RecordException(path, "not a JSON object");
        JsonNode authorId = c.get("author_id");
        if (authorId == null || authorId.isNull() || !authorId.isValueNode()) {
            throw new RecordException(path + ".author_id", "missing: a comment needs its author to know who spoke");
        }
        User user = users.get(authorId.asText());
        if (user == null) {
            throw new RecordException(path + ".author_id", "user " + authorId.asText() + " is not in " + usersName
                    + ", so it is unknown whether a customer or an agent wrote this comment");
        }
        if (user.role() == null) {
            throw new RecordException(path + ".author_id", "user " + authorId.asText() + " has role '" + user.rawRole()
                    + "' in " + usersName + "; expected end-user, agent or admin");
        }
        String text = optText(c, "plain_body", path + ".plain_body");
        if (text == null) text = optText(c, "body", path + ".body");
        if (text == null) text = HtmlText.toPlain(optText(c, "html_body", path + ".html_body"));
        if (text == null) throw new RecordException(path + ".body", "missing: a comment needs body, plain_body or html_body");
        JsonNode pub = c.get("public");
        if (pub != null && !pub.isNull() && !pub.isBoolean()) {
            throw new RecordException(path + ".public", "must be true or false, was " + pub);
        }
        boolean isPublic = pub == null || pub.isNull() || pub.booleanValue();
        return new Message(i, user.role(), user.name() != null ? user.name() : authorId.asText(), text,
                optIsoInstant(c, "created_at", path + ".created_at"), isPublic);
    }

    private static void customFields(JsonNode t, String field, Map<String, String> metadata) {
        JsonNode fields = optArray(t, field, field);
        if (fields == null) return;
        for (int i = 0; i < fields.size(); i++) {
            JsonNode f = fields.get(i);
            if (!f.isObject() || !f.hasNonNull("id")) throw new RecordException(field + "[" + i + "].id", "missing");
            JsonNode v = f.get("value");
            if (v == null || v.isNull()) continue;
            metadata.put("custom_field." + f.get("id").asText(), v.isValueNode() ? v.asText() : v.toString());
        }
    }

    private static Integer csat(JsonNode t, Map<String, String> metadata) {
        JsonNode rating = optObject(t, "satisfaction_rating", "satisfaction_rating");
        if (rating == null) return null;
        String score = optText(rating, "score", "satisfaction_rating.score");
        if (score == null) return null;
        metadata.put("satisfaction_score", score);
        return switch (score.toLowerCase(Locale.ROOT)) {
            case "good", "good_with_comment" -> 5;
            case "bad", "bad_with_comment" -> 1;
            case "offered", "unoffered" -> null;
            default -> throw new RecordException("satisfaction_rating.score",
                    "unknown score '" + score + "' (good, bad, offered, unoffered)");
        };
    }

    private static List<Transfer> transfers(JsonNode t, List<Message> messages, Map<String, String> groups) {
        JsonNode audits = optArray(t, "audits", "audits");
        if (audits == null) return List.of();
        List<Transfer> out = new ArrayList<>();
        for (int a = 0; a < audits.size(); a++) {
            JsonNode audit = audits.get(a);
            String path = "audits[" + a + "]";
            if (!audit.isObject()) throw new RecordException(path, "not a JSON object");
            Instant at = optIsoInstant(audit, "created_at", path + ".created_at");
            JsonNode events = optArray(audit, "events", path + ".events");
            if (events == null) continue;
            for (int e = 0; e < events.size(); e++) {
                JsonNode ev = events.get(e);
                String epath = path + ".events[" + e + "]";
                if (!ev.isObject()) throw new RecordException(epath, "not a JSON object");
                if (!"Change".equals(ev.path("type").asText()) || !"group_id".equals(ev.path("field_name").asText())) continue;
                String from = optText(ev, "previous_value", epath + ".previous_value");
                String to = optText(ev, "value", epath + ".value");
                // The first group a ticket lands in is routing, not a transfer
                if (from == null || from.isBlank()) continue;
                out.add(new Transfer(at, groups.getOrDefault(from, from), to == null ? null : groups.getOrDefault(to, to),
                        "group changed", lastMessageAtOrBefore(messages, at)));
            }
        }
        return out;
    }

    private static int lastMessageAtOrBefore(List<Message> messages, Instant at) {
        if (at == null) return -1;
        int last = -1;
        for (Message m : messages) {
            if (m.at() != null && !m.at().isAfter(at)) last = m.index();
        }
        return last;
    }
}
