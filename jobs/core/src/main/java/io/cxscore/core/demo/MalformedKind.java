package io.cxscore.core.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ways a demo line is broken on purpose, as real exports break: each must be quarantined by the
 * reader with the field named, so the demo exercises the quarantine path end to end.
 */
public enum MalformedKind {
    /** The writer died mid-line. */
    TRUNCATED_JSON,
    MISSING_ID,
    /** A role the format does not know, e.g. from a help desk that added supervisors. */
    UNKNOWN_ROLE,
    /** A local-time or human-readable timestamp instead of ISO-8601 UTC. */
    BAD_TIMESTAMP,
    CSAT_OUT_OF_RANGE,
    EMPTY_MESSAGES;

    /** A broken line and the field the reader must blame. */
    record Corruption(String line, String field) {}

    Corruption corrupt(ObjectNode record, Dice dice) {
        ArrayNode messages = (ArrayNode) record.get("messages");
        return switch (this) {
            case TRUNCATED_JSON -> {
                String full = record.toString();
                // any proper prefix of a JSON object is unparseable: its closing brace is the last character
                int cut = (int) (full.length() * (0.3 + 0.5 * dice.unit()));
                yield new Corruption(full.substring(0, cut), "record");
            }
            case MISSING_ID -> {
                record.remove("id");
                yield new Corruption(record.toString(), "id");
            }
            case UNKNOWN_ROLE -> {
                int i = dice.between(0, messages.size() - 1);
                ((ObjectNode) messages.get(i)).put("role", dice.pick("supervisor", "assistant", "reviewer", "escalation_bot"));
                yield new Corruption(record.toString(), "messages[" + i + "].role");
            }
            case BAD_TIMESTAMP -> {
                String bad = dice.pick("2026-10-05 14:03:11", "05/10/2026 09:12", "yesterday 3pm", "1760000000");
                if (dice.chance(0.5)) {
                    record.put("opened_at", bad);
                    yield new Corruption(record.toString(), "opened_at");
                }
                int i = dice.between(0, messages.size() - 1);
                ((ObjectNode) messages.get(i)).put("at", bad);
                yield new Corruption(record.toString(), "messages[" + i + "].at");
            }
            case CSAT_OUT_OF_RANGE -> {
                record.put("csat", dice.pick(0, 6, 7, 10, -1));
                yield new Corruption(record.toString(), "csat");
            }
            case EMPTY_MESSAGES -> {
                messages.removeAll();
                record.remove("transfers");
                record.remove("actions");
                yield new Corruption(record.toString(), "messages");
            }
        };
    }
}
