package io.cxscore.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxscore.core.ingest.IsoInstant;
import io.cxscore.core.ingest.QuarantineRecord;
import io.cxscore.core.ingest.RecordException;
import io.cxscore.core.model.Role;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses and writes the message-event JSON schema (see this module's README). Parsing is as strict
 * as cx-jsonl's: a bad event names the field at fault so its quarantine row points at the fix.
 */
public final class MessageEvents {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader READER = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private MessageEvents() {}

    /** The event, or the quarantine record saying why it could not be read. */
    public sealed interface Parsed {
        record Event(MessageEvent event) implements Parsed {}

        record Rejected(QuarantineRecord quarantine) implements Parsed {}
    }

    private static final JsonFactory STREAMING = new JsonFactory();

    /**
     * The event time ({@code at}) of a raw event, read without building the event, or {@link Long#MIN_VALUE}
     * when it has none that parses: such a record is quarantined by {@link #parse}, and must not move event time.
     */
    public static long eventTime(RawEvent raw) {
        if (raw.payload == null) return Long.MIN_VALUE;
        try (JsonParser p = STREAMING.createParser(raw.payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Long.MIN_VALUE;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                if (name.equals("at")) return t == JsonToken.VALUE_STRING ? IsoInstant.parse(p.getText()).toEpochMilli() : Long.MIN_VALUE;
                p.skipChildren();
            }
            return Long.MIN_VALUE;
        } catch (IOException | DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }

    public static Parsed parse(RawEvent raw) {
        JsonNode n;
        try {
            n = READER.readTree(raw.payload == null ? "" : raw.payload);
        } catch (JsonProcessingException e) {
            return reject(raw, null, "record", "invalid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) return reject(raw, null, "record", "not a JSON object");
        JsonNode idNode = n.get("conversation_id");
        String id = idNode != null && idNode.isValueNode() && !idNode.isNull() ? idNode.asText() : null;
        try {
            return new Parsed.Event(event(n, raw));
        } catch (RecordException e) {
            return reject(raw, id, e.field(), e.getMessage());
        }
    }

    private static MessageEvent event(JsonNode n, RawEvent raw) {
        MessageEvent e = new MessageEvent();
        e.type = requiredText(n, "type");
        e.conversationId = requiredText(n, "conversation_id");
        e.at = requiredInstant(n, "at").toEpochMilli();
        e.sequence = raw.sequence;
        e.origin = raw.source;
        e.position = raw.position;
        switch (e.type) {
            case MessageEvent.MESSAGE -> {
                String roleText = optText(n, "role");
                Role role = roleText != null && roleText.equals(roleText.toLowerCase(Locale.ROOT).strip()) ? Role.fromWire(roleText) : null;
                if (role == null) {
                    throw new RecordException("role", roleText == null ? "missing"
                            : "unknown role '" + roleText + "' (customer, human_agent, ai_agent, system)");
                }
                e.role = role.wireName();
                JsonNode text = n.get("text");
                if (text == null || !text.isTextual()) throw new RecordException("text", "missing or not a string");
                e.text = text.asText();
                e.author = optText(n, "author");
                JsonNode pub = n.get("public");
                if (pub != null && !pub.isNull() && !pub.isBoolean()) throw new RecordException("public", "must be true or false, was " + pub);
                e.isPublic = pub == null || pub.isNull() || pub.booleanValue();
            }
            case MessageEvent.TRANSFER -> {
                e.fromQueue = optText(n, "from");
                e.toQueue = optText(n, "to");
                e.reason = optText(n, "reason");
            }
            case MessageEvent.ACTION -> {
                e.actionName = optText(n, "name");
                if (e.actionName == null || e.actionName.isBlank()) throw new RecordException("name", "missing");
                e.actionStatus = optText(n, "status");
                e.actionParamsJson = optObject(n, "params");
            }
            case MessageEvent.CLOSE -> {
                JsonNode cs = n.get("csat");
                if (cs != null && !cs.isNull()) {
                    if (!cs.isIntegralNumber() || !cs.canConvertToInt() || cs.asInt() < 1 || cs.asInt() > 5) {
                        throw new RecordException("csat", "must be an integer 1..5, was " + cs);
                    }
                    e.csat = cs.asInt();
                }
            }
            default -> throw new RecordException("type", "unknown event type '" + e.type + "' (message, transfer, action, close)");
        }
        e.source = optText(n, "source");
        e.channel = optText(n, "channel");
        e.brand = optText(n, "brand");
        e.team = optText(n, "team");
        e.queue = optText(n, "queue");
        e.cohort = optText(n, "cohort");
        e.metadataJson = optObject(n, "metadata");
        return e;
    }

    /** Writes an event in the topic's schema: the inverse of {@link #parse} (used by replays and tests). */
    public static String write(MessageEvent e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", e.type);
        n.put("conversation_id", e.conversationId);
        n.put("at", Instant.ofEpochMilli(e.at).toString());
        putOpt(n, "source", e.source);
        putOpt(n, "channel", e.channel);
        putOpt(n, "brand", e.brand);
        putOpt(n, "team", e.team);
        putOpt(n, "queue", e.queue);
        putOpt(n, "cohort", e.cohort);
        putJson(n, "metadata", e.metadataJson);
        switch (e.type) {
            case MessageEvent.MESSAGE -> {
                n.put("role", e.role);
                putOpt(n, "author", e.author);
                n.put("text", e.text);
                if (!e.isPublic) n.put("public", false);
            }
            case MessageEvent.TRANSFER -> {
                putOpt(n, "from", e.fromQueue);
                putOpt(n, "to", e.toQueue);
                putOpt(n, "reason", e.reason);
            }
            case MessageEvent.ACTION -> {
                n.put("name", e.actionName);
                putOpt(n, "status", e.actionStatus);
                putJson(n, "params", e.actionParamsJson);
            }
            case MessageEvent.CLOSE -> {
                if (e.csat != null) n.put("csat", e.csat);
            }
            default -> throw new IllegalArgumentException("unknown event type " + e.type);
        }
        return n.toString();
    }

    private static Parsed reject(RawEvent raw, String id, String field, String reason) {
        return new Parsed.Rejected(new QuarantineRecord(raw.source, raw.position, id, field, reason,
                QuarantineRecord.excerptOf(raw.payload)));
    }

    private static String requiredText(JsonNode n, String f) {
        String s = optText(n, f);
        if (s == null || s.isBlank()) throw new RecordException(f, "missing");
        return s;
    }

    private static Instant requiredInstant(JsonNode n, String f) {
        String s = requiredText(n, f);
        try {
            return IsoInstant.parse(s);
        } catch (DateTimeParseException ex) {
            throw new RecordException(f, "not an ISO-8601 UTC timestamp: '" + s + "'");
        }
    }

    private static String optText(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode()) throw new RecordException(f, "must be a string");
        return v.asText();
    }

    private static String optObject(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw new RecordException(f, "not an object");
        return v.toString();
    }

    private static void putOpt(ObjectNode n, String f, String v) {
        if (v != null) n.put(f, v);
    }

    private static void putJson(ObjectNode n, String f, String json) {
        if (json == null) return;
        try {
            n.set(f, JSON.readTree(json));
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException(f + " is not JSON: " + json, ex);
        }
    }
}
