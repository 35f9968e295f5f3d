package io.cxscore.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxscore.core.model.Conversation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The shared half of every JSON reader: streams records with {@link JsonRecordSource} and turns each into a
 * {@link ReadResult}. Subclasses only map one record, throwing {@link RecordException} for the field at fault.
 */
abstract class JsonConversationReader implements ConversationReader {

    /** Maps one parsed record; {@code ordinal} is its 0-based place in the file. */
    @FunctionalInterface
    interface RecordMapper {
        Conversation map(JsonNode record, int ordinal);
    }

    /** Keys under which an export may wrap its record array, e.g. "tickets". */
    protected abstract Set<String> wrapperKeys();

    /** Prepares per-file context (side files, names derived from the file) and returns the record mapper. */
    protected abstract RecordMapper mapperFor(Path file) throws IOException;

    /** The record's id for quarantine rows, or null when it has none. */
    protected String recordId(JsonNode record) {
        JsonNode id = record.get("id");
        return id != null && id.isValueNode() && !id.isNull() ? id.asText() : null;
    }

    @Override
    public RecordStream open(Path file) throws IOException {
        RecordMapper mapper = mapperFor(file);
        JsonRecordSource records = JsonRecordSource.open(file, wrapperKeys());
        String source = file.getFileName().toString();
        return new RecordStream() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public ReadResult next() {
                if (!records.hasNext()) throw new NoSuchElementException();
                return toResult(records.next(), mapper, source);
            }

            @Override
            public void close() throws IOException {
                records.close();
            }
        };
    }

    private ReadResult toResult(JsonRecord record, RecordMapper mapper, String source) {
        if (record instanceof JsonRecord.Unreadable u) {
            return new ReadResult.Rejected(new QuarantineRecord(source, u.position(), null, "record", u.reason(), u.excerpt()));
        }
        JsonNode node = ((JsonRecord.Parsed) record).node();
        String id = node.isObject() ? recordId(node) : null;
        try {
            if (!node.isObject()) throw new RecordException("record", "not a JSON object");
            return new ReadResult.Read(mapper.map(node, record.ordinal()));
        } catch (RecordException e) {
            return new ReadResult.Rejected(new QuarantineRecord(source, record.position(), id, e.field(), e.getMessage(),
                    QuarantineRecord.excerptOf(node.toString())));
        }
    }

    // Field access that names the path at fault, so every reader reports problems the same way.

    static String optText(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode()) throw new RecordException(path, "must be a string, was " + kind(v));
        return v.asText();
    }

    static String requiredText(JsonNode n, String field, String path) {
        String s = optText(n, field, path);
        if (s == null) throw new RecordException(path, "missing");
        if (s.isBlank()) throw new RecordException(path, "blank");
        return s;
    }

    static JsonNode optObject(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw new RecordException(path, "must be an object, was " + kind(v));
        return v;
    }

    static JsonNode requiredObject(JsonNode n, String field, String path) {
        JsonNode v = optObject(n, field, path);
        if (v == null) throw new RecordException(path, "missing");
        return v;
    }

    static JsonNode optArray(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isArray()) throw new RecordException(path, "must be an array, was " + kind(v));
        return v;
    }

    static JsonNode requiredArray(JsonNode n, String field, String path) {
        JsonNode v = optArray(n, field, path);
        if (v == null) throw new RecordException(path, "missing");
        return v;
    }

    static Instant optIsoInstant(JsonNode n, String field, String path) {
        String s = optText(n, field, path);
        if (s == null || s.isBlank()) return null;
        try {
            return IsoInstant.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new RecordException(path, "not an ISO-8601 timestamp: '" + s + "'");
        }
    }

    /** Unix seconds, as a number or a numeric string (both occur in Intercom exports). */
    static Instant optEpochSeconds(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isIntegralNumber()) return Instant.ofEpochSecond(v.asLong());
        if (v.isTextual() && v.asText().trim().matches("\\d{1,12}")) return Instant.ofEpochSecond(Long.parseLong(v.asText().trim()));
        throw new RecordException(path, "must be Unix seconds, was " + v);
    }

    static List<String> textList(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(x -> out.add(x.isValueNode() ? x.asText() : x.toString()));
        return out;
    }

    static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
