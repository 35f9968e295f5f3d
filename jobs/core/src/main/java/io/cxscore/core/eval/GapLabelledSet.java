package io.cxscore.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxscore.core.demo.DemoGenerator;
import io.cxscore.core.gaps.GapTaxonomy;
import io.cxscore.core.ingest.ConversationReader;
import io.cxscore.core.ingest.ConversationReaders;
import io.cxscore.core.ingest.ReadResult;
import io.cxscore.core.model.Conversation;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The human-labelled gap set ({@code rubrics/gaps/<v>/labelled/*.jsonl}): which conversation, which
 * {@link Part part}, which gaps. It holds no conversation text: {@link #resolve} reads each conversation from the shared
 * datasets folder, or regenerates it with {@link DemoGenerator} for {@code demo:seed=<n>} entries.
 */
public final class GapLabelledSet {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String DEMO_PREFIX = "demo:seed=";

    /** One labelled gap. */
    public record Label(String category, String subcategory, List<Integer> evidence) {}

    /**
     * The three parts of the set. {@code test} measures the classifier and is never fitted on; {@code train} is what
     * rule work reads to choose cues, and the first stage of the confidence fit; {@code calibration} (lines marked
     * {@code "calibration": true} that are not test) is a blind batch no rule work reads, which corrects that fit:
     * precision measured on the conversations the cues were chosen on reads high.
     */
    public enum Part { train, calibration, test }

    /** One labelled conversation; {@code calibration} marks a line of a blind batch kept for the confidence fit. */
    public record Entry(String dataset, String file, String conversationId, String splitKey, List<Label> labels, String note,
                        boolean calibration) {
        public boolean isTest() {
            return HoldoutSplit.isTest(splitKey);
        }

        public Part part() {
            return isTest() ? Part.test : calibration ? Part.calibration : Part.train;
        }

        public Set<String> categories() {
            Set<String> out = new TreeSet<>();
            for (Label l : labels) out.add(l.category());
            return out;
        }

        public Set<String> subcategories() {
            Set<String> out = new TreeSet<>();
            for (Label l : labels) out.add(l.category() + "/" + l.subcategory());
            return out;
        }
    }

    /** The conversations found, and the files that were absent (skipped, with the reason). */
    public record Resolved(Map<Entry, Conversation> conversations, List<String> skipped) {}

    private final List<Entry> entries;

    private GapLabelledSet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** True when the file looks like a labelled gap set: its first line has conversation_id, file and labels. */
    public static boolean looksLike(Path file) {
        if (!file.getFileName().toString().endsWith(".jsonl") || !Files.isRegularFile(file)) return false;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null) return false;
            JsonNode n = JSON.readTree(first);
            return n != null && n.isObject() && n.has("conversation_id") && n.has("file") && n.has("labels");
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads and validates every line; a bad line fails with its line number and field. */
    public static GapLabelledSet load(Path file, GapTaxonomy taxonomy) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String where = file + " line " + (i + 1);
            JsonNode n;
            try {
                n = JSON.readTree(lines.get(i));
            } catch (IOException e) {
                throw new IllegalArgumentException(where + ": not valid JSON: " + e.getMessage());
            }
            if (n == null || !n.isObject()) throw new IllegalArgumentException(where + ": not a JSON object");
            String dataset = text(n, "dataset", where);
            String f = text(n, "file", where);
            String id = text(n, "conversation_id", where);
            String key = text(n, "split_key", where);
            if (!seen.add(f + "\u0000" + id)) throw new IllegalArgumentException(where + ": conversation_id: " + id + " of " + f + " is labelled twice");
            JsonNode ls = n.get("labels");
            if (ls == null || !ls.isArray()) throw new IllegalArgumentException(where + ": labels: missing or not an array");
            List<Label> labels = new ArrayList<>();
            for (int k = 0; k < ls.size(); k++) {
                JsonNode l = ls.get(k);
                String p = "labels[" + k + "]";
                String c = text(l, "category", where + ": " + p);
                String s = text(l, "subcategory", where + ": " + p);
                if (!taxonomy.contains(c, s)) {
                    throw new IllegalArgumentException(where + ": " + p + ": " + c + "/" + s + " is not in taxonomy v" + taxonomy.version());
                }
                JsonNode ev = l.get("evidence");
                if (ev == null || !ev.isArray()) throw new IllegalArgumentException(where + ": " + p + ".evidence: missing or not an array");
                List<Integer> evidence = new ArrayList<>();
                for (JsonNode e : ev) {
                    if (!e.isIntegralNumber() || e.asInt() < 0) {
                        throw new IllegalArgumentException(where + ": " + p + ".evidence: " + e + " is not a message index");
                    }
                    evidence.add(e.asInt());
                }
                labels.add(new Label(c, s, evidence));
            }
            JsonNode note = n.get("note");
            JsonNode calibration = n.get("calibration");
            if (calibration != null && !calibration.isBoolean()) throw new IllegalArgumentException(where + ": calibration: not true or false");
            entries.add(new Entry(dataset, f, id, key, labels, note == null ? "" : note.asText(), calibration != null && calibration.asBoolean()));
        }
        return new GapLabelledSet(entries);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": " + field + ": missing or not a non-empty string");
        }
        return v.asText();
    }

    /**
     * Finds each entry's conversation: dataset files under {@code datasetsRoot} (a file that is absent is
     * skipped and named in {@link Resolved#skipped()}), demo entries regenerated from their seed. An entry
     * whose conversation is not in its file fails: the labelled set and the data disagree.
     */
    public Resolved resolve(Path datasetsRoot) throws IOException {
        Map<String, List<Entry>> byFile = new LinkedHashMap<>();
        for (Entry e : entries) byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e);
        Map<Entry, Conversation> found = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (var group : byFile.entrySet()) {
            Map<String, Entry> wanted = new LinkedHashMap<>();
            for (Entry e : group.getValue()) wanted.put(e.conversationId(), e);
            Map<String, Conversation> got = group.getKey().startsWith(DEMO_PREFIX)
                    ? demo(group.getKey(), wanted.keySet())
                    : fromFile(datasetsRoot.resolve(group.getKey()), wanted.keySet(), skipped);
            if (got == null) continue;
            for (var w : wanted.entrySet()) {
                Conversation c = got.get(w.getKey());
                if (c == null) throw new IllegalArgumentException(group.getKey() + ": conversation " + w.getKey() + " is not in the data");
                found.put(w.getValue(), c);
            }
        }
        return new Resolved(found, skipped);
    }

    private static Map<String, Conversation> fromFile(Path file, Set<String> ids, List<String> skipped) throws IOException {
        if (!Files.exists(file)) {
            skipped.add(file + " is absent (../shared is only beside developer and CI checkouts): its " + ids.size()
                    + " labelled conversations are skipped");
            return null;
        }
        ConversationReader reader = ConversationReaders.detect(file);
        Map<String, Conversation> out = new LinkedHashMap<>();
        try (var records = reader.open(file)) {
            while (records.hasNext()) {
                ReadResult r = records.next();
                if (r instanceof ReadResult.Read read && ids.contains(read.conversation().id())) {
                    out.put(read.conversation().id(), read.conversation());
                }
            }
        }
        return out;
    }

    /** Demo ids are {@code <brand>-<yyyyMMdd>-<ordinal>}: regenerate that day with the seed and pick them. */
    private static Map<String, Conversation> demo(String file, Set<String> ids) {
        long seed;
        try {
            seed = Long.parseLong(file.substring(DEMO_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": file: the seed after '" + DEMO_PREFIX + "' is not a number");
        }
        DemoGenerator g = DemoGenerator.builder().seed(seed).build();
        Set<LocalDate> days = new TreeSet<>();
        for (String id : ids) {
            String[] parts = id.split("-");
            if (parts.length < 3) throw new IllegalArgumentException(file + ": conversation_id: " + id + " is not a demo id");
            days.add(LocalDate.parse(parts[parts.length - 2], DateTimeFormatter.BASIC_ISO_DATE));
        }
        Map<String, Conversation> out = new LinkedHashMap<>();
        for (LocalDate day : days) for (Conversation c : g.conversations(day)) if (ids.contains(c.id())) out.put(c.id(), c);
        return out;
    }
}
