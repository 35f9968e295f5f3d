package io.cxscore.core.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Streams the records of a JSON file one {@link JsonNode} at a time, whatever the export's layout:
 *
 * <ul>
 *   <li>JSON Lines: one object per line; a line that is not valid JSON is reported and the next line read;
 *   <li>a top-level array {@code [ {...}, {...} ]};
 *   <li>an object wrapping the array under one of the caller's keys, e.g. {@code {"tickets": [...], "count": 2}},
 *       as paged API exports look; other fields around the array are skipped, and several wrapped arrays
 *       ({@code {"train": [...], "dev": [...]}}) are read one after another;
 *   <li>objects one after another spanning several lines (a pretty-printed single record, or concatenated dumps).
 * </ul>
 *
 * <p>The layout is told from the first object: if it holds a wrapper key with an array, the file is a wrapper;
 * if it starts and ends on one line, JSON Lines; otherwise concatenated objects. The file is then reopened, so
 * that the first record is parsed like every other one.
 *
 * <p>A streaming parser cannot resynchronise inside an array after a syntax error, so in array and
 * concatenated layouts a syntax error ends the file with one {@link JsonRecord.Unreadable} covering the
 * remainder, saying so. A truncated {@code .gz} is reported the same way.
 */
public final class JsonRecordSource implements Iterator<JsonRecord>, Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader LINE_READER = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private enum Layout { LINES, ARRAY, CONCATENATED, EMPTY, NOT_RECORDS }

    private final Layout layout;
    private final JsonParser parser;
    private final BufferedReader lines;
    private final String notRecordsReason;
    private final Set<String> wrapperKeys;
    private int ordinal = 0;
    private int lineNo = 0;
    private boolean finished = false;
    private JsonRecord next;

    private JsonRecordSource(Layout layout, JsonParser parser, BufferedReader lines, String notRecordsReason) {
        this(layout, parser, lines, notRecordsReason, Set.of());
    }

    private JsonRecordSource(Layout layout, JsonParser parser, BufferedReader lines, String notRecordsReason,
            Set<String> wrapperKeys) {
        this.wrapperKeys = wrapperKeys;
        this.layout = layout;
        this.parser = parser;
        this.lines = lines;
        this.notRecordsReason = notRecordsReason;
    }

    /**
     * Opens {@code file} (gunzipping {@code .gz}).
     *
     * @param wrapperKeys keys under which a wrapping object may hold the record array, e.g. "tickets"
     */
    public static JsonRecordSource open(Path file, Set<String> wrapperKeys) throws IOException {
        JsonParser p = JSON.createParser(SourceFiles.stream(file));
        boolean handedOver = false;
        try {
            JsonToken first;
            try {
                first = p.nextToken();
            } catch (JsonProcessingException e) {
                // Not JSON from the first byte: JSON Lines reading reports each bad line by number
                return reopenAsLines(file);
            }
            if (first == null) {
                return new JsonRecordSource(Layout.EMPTY, null, null, null);
            }
            if (first == JsonToken.START_ARRAY) {
                handedOver = true;
                return new JsonRecordSource(Layout.ARRAY, p, null, null);
            }
            if (first != JsonToken.START_OBJECT) {
                return new JsonRecordSource(Layout.NOT_RECORDS, null, null,
                        "the file holds a single JSON " + first.name().toLowerCase(Locale.ROOT).replace("value_", "")
                                + ", not objects or an array of objects");
            }
            int startLine = p.currentTokenLocation().getLineNr();
            try {
                while (true) {
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.END_OBJECT) break;
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (value == JsonToken.START_ARRAY && wrapperKeys.contains(name)) {
                        handedOver = true;
                        return new JsonRecordSource(Layout.ARRAY, p, null, null, wrapperKeys);
                    }
                    p.skipChildren();
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                return at != null && at.getLineNr() == startLine ? reopenAsLines(file) : reopenAsConcatenated(file);
            }
            int endLine = p.currentTokenLocation().getLineNr();
            return endLine == startLine ? reopenAsLines(file) : reopenAsConcatenated(file);
        } finally {
            if (!handedOver) p.close();
        }
    }

    private static JsonRecordSource reopenAsLines(Path file) throws IOException {
        return new JsonRecordSource(Layout.LINES, null, SourceFiles.reader(file), null);
    }

    private static JsonRecordSource reopenAsConcatenated(Path file) throws IOException {
        return new JsonRecordSource(Layout.CONCATENATED, JSON.createParser(SourceFiles.stream(file)), null, null);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) next = advance();
        return next != null;
    }

    @Override
    public JsonRecord next() {
        if (!hasNext()) throw new NoSuchElementException();
        JsonRecord r = next;
        next = null;
        return r;
    }

    private JsonRecord advance() {
        return switch (layout) {
            case LINES -> nextLine();
            case ARRAY, CONCATENATED -> nextValue();
            case EMPTY -> finish();
            case NOT_RECORDS -> {
                finished = true;
                yield new JsonRecord.Unreadable(0, "record 1", notRecordsReason, "");
            }
        };
    }

    private JsonRecord finish() {
        finished = true;
        return null;
    }

    private JsonRecord nextLine() {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                int n = ordinal++;
                String position = "line " + lineNo;
                try {
                    return new JsonRecord.Parsed(n, position, LINE_READER.readTree(line));
                } catch (JsonProcessingException e) {
                    return new JsonRecord.Unreadable(n, position, "invalid JSON: " + e.getOriginalMessage(),
                            QuarantineRecord.excerptOf(line));
                }
            }
            return finish();
        } catch (IOException e) {
            finished = true;
            return new JsonRecord.Unreadable(ordinal++, "line " + (lineNo + 1),
                    "the file could not be read past this point (" + e.getMessage() + "); the rest of it is not read", "");
        }
    }

    private JsonRecord nextValue() {
        int n = ordinal;
        String position = "record " + (n + 1);
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY && !wrapperKeys.isEmpty()) t = nextWrappedArray();
            if (t == null || t == JsonToken.END_ARRAY) return finish();
            ordinal++;
            return new JsonRecord.Parsed(n, position, parser.readValueAsTree());
        } catch (JsonProcessingException e) {
            ordinal++;
            finished = true;
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new JsonRecord.Unreadable(n, position, "invalid JSON" + where + ": " + e.getOriginalMessage()
                    + "; a JSON array cannot be resumed after a syntax error, so this record and everything after it are not read", "");
        } catch (IOException e) {
            ordinal++;
            finished = true;
            return new JsonRecord.Unreadable(n, position, "the file could not be read past this point (" + e.getMessage()
                    + "); this record and everything after it are not read", "");
        }
    }

    /** A wrapper may hold several record arrays (ABCD's train, dev, test): moves into the next one, if any. */
    private JsonToken nextWrappedArray() throws IOException {
        while (true) {
            JsonToken t = parser.nextToken();
            if (t != JsonToken.FIELD_NAME) return null;
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY && wrapperKeys.contains(name)) {
                JsonToken first = parser.nextToken();
                if (first != JsonToken.END_ARRAY) return first;
            } else {
                parser.skipChildren();
            }
        }
    }

    @Override
    public void close() throws IOException {
        finished = true;
        if (parser != null) parser.close();
        if (lines != null) lines.close();
    }
}
