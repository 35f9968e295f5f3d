package io.cxscore.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Finds the reader for a format name, or for a file by looking at its name and first record. */
public final class ConversationReaders {
    private static final Map<String, Supplier<ConversationReader>> BY_FORMAT = new LinkedHashMap<>();

    static {
        BY_FORMAT.put(CxJsonl.FORMAT, CxJsonlReader::new);
        BY_FORMAT.put(ZendeskReader.FORMAT, ZendeskReader::new);
        BY_FORMAT.put(IntercomReader.FORMAT, IntercomReader::new);
        BY_FORMAT.put(UssReader.FORMAT, UssReader::new);
        BY_FORMAT.put(Stc3Reader.FORMAT, Stc3Reader::new);
        BY_FORMAT.put(TwcsReader.FORMAT, TwcsReader::new);
        BY_FORMAT.put(TwitterCdpReader.FORMAT, TwitterCdpReader::new);
        BY_FORMAT.put(AbcdReader.FORMAT, AbcdReader::new);
    }

    private static final Set<String> USS_FILES = Set.of("sgd.txt", "redial.txt", "ccpe.txt", "redial-action.txt", "jddc.txt");
    // Every wrapper key any reader accepts, so that sniffing sees the first record of a wrapped export
    private static final Set<String> WRAPPER_KEYS = Set.of("tickets", "conversations", "users", "groups", "train", "dev", "test");

    private ConversationReaders() {}

    /** The format names, in the order they are listed to people. */
    public static Set<String> formats() {
        return BY_FORMAT.keySet();
    }

    /** The reader for a format name; an unknown name is an error listing the valid ones. */
    public static ConversationReader forFormat(String name) {
        Supplier<ConversationReader> r = name == null ? null : BY_FORMAT.get(name.trim().toLowerCase(Locale.ROOT));
        if (r == null) {
            throw new IllegalArgumentException("unknown input format '" + name + "'; valid formats: " + String.join(", ", formats()));
        }
        return r.get();
    }

    /**
     * Tells a file's format by its name and its first record: the dataset files by their names and layouts,
     * JSON exports by the fields of their first record (intercom when it has {@code conversation_parts},
     * zendesk when it has {@code requester_id} or {@code comments}, cx-jsonl when it has {@code messages}).
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when nothing identifies the format; the message says what was seen
     */
    public static ConversationReader detect(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "not a readable file");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String bare = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        if (USS_FILES.contains(bare)) return forFormat(UssReader.FORMAT);
        if (bare.equals("dprocessed.txt")) return forFormat(TwcsReader.FORMAT);
        if (bare.matches("(train|test|dev)_data_(en|cn)\\.json")) return forFormat(Stc3Reader.FORMAT);
        if (bare.startsWith("users.") || bare.startsWith("groups.")) {
            throw new IllegalArgumentException(file + " is a Zendesk side file (users or groups), not conversations: "
                    + "read the tickets file beside it with format zendesk");
        }
        String firstLine = firstNonBlankLine(file);
        if (firstLine == null) throw new IllegalArgumentException(file + " is empty: no format to detect");
        String trimmed = firstLine.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) return byFirstRecord(file);
        if (trimmed.startsWith("USER\t") || trimmed.startsWith("SYSTEM\t")) return forFormat(UssReader.FORMAT);
        if (trimmed.matches("-{3,}\\s*\\[.*]\\s*-{3,}")) return forFormat(TwcsReader.FORMAT);
        throw unknown(file, "the first line is neither JSON nor a known dataset layout: '" + QuarantineRecord.excerptOf(trimmed) + "'");
    }

    private static ConversationReader byFirstRecord(Path file) throws IOException {
        try (JsonRecordSource records = JsonRecordSource.open(file, WRAPPER_KEYS)) {
            if (!records.hasNext()) throw unknown(file, "it holds no records");
            JsonRecord first = records.next();
            if (first instanceof JsonRecord.Unreadable u) throw unknown(file, "its first record is unreadable: " + u.reason());
            JsonNode n = ((JsonRecord.Parsed) first).node();
            if (!n.isObject()) throw unknown(file, "its first record is not a JSON object");
            if (n.has("conversation_parts") || "conversation".equals(n.path("type").asText(null)) && n.has("source")) {
                return forFormat(IntercomReader.FORMAT);
            }
            if (n.has("requester_id") || n.has("comments")) return forFormat(ZendeskReader.FORMAT);
            if (n.has("messages") && n.has("id")) return forFormat(CxJsonl.FORMAT);
            if (n.has("dialogHeader") && n.has("dialogContent")) return forFormat(TwitterCdpReader.FORMAT);
            if (n.has("convo_id") && n.has("original")) return forFormat(AbcdReader.FORMAT);
            if (n.has("turns") && n.path("turns").path(0).has("sender")) return forFormat(Stc3Reader.FORMAT);
            throw unknown(file, "its first record has fields " + fieldNames(n) + ", which match no known format");
        }
    }

    private static String firstNonBlankLine(Path file) throws IOException {
        try (BufferedReader in = SourceFiles.reader(file)) {
            // Only the start of a line is needed, and a one-line JSON array may be the whole file
            char[] buf = new char[4096];
            StringBuilder line = new StringBuilder();
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    char ch = buf[i];
                    if (ch == '\n') {
                        if (!line.toString().isBlank()) return line.toString().replace("\uFEFF", "");
                        line.setLength(0);
                    } else if (line.length() < 4096) {
                        line.append(ch);
                    }
                }
                if (line.length() >= 4096) break;
            }
            String s = line.toString().replace("\uFEFF", "");
            return s.isBlank() ? null : s;
        }
    }

    private static String fieldNames(JsonNode n) {
        StringBuilder out = new StringBuilder("[");
        n.fieldNames().forEachRemaining(f -> out.append(out.length() > 1 ? ", " : "").append(f));
        return out.append(']').toString();
    }

    private static IllegalArgumentException unknown(Path file, String why) {
        return new IllegalArgumentException("cannot tell the format of " + file + ": " + why
                + "; name it explicitly, one of: " + String.join(", ", formats()));
    }
}
