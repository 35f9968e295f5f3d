package io.cxscore.publish.gaps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lifecycle's memory between runs: a JSON file next to the warehouse (by default
 * {@code out/gaps/state.json}) holding each gap's last state and every update announced so far, which
 * the feeds are rendered from. Written to a temporary file in the same folder and renamed over the old
 * one, so a crash leaves the previous state or the new one, never half a file.
 */
public final class GapStateFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int FORMAT = 1;

    /**
     * @param dataAsOf the data's latest day at the last run; empty before the first run
     * @param updates every update announced, in announcement order
     */
    public record Snapshot(Optional<LocalDate> dataAsOf, Map<String, GapRecord> gaps, List<GapUpdate> updates) {
        public static final Snapshot EMPTY = new Snapshot(Optional.empty(), Map.of(), List.of());

        public Snapshot {
            gaps = Map.copyOf(gaps);
            updates = List.copyOf(updates);
        }
    }

    private GapStateFile() {}

    /** The saved snapshot, or {@link Snapshot#EMPTY} when the file does not exist yet. */
    public static Snapshot load(Path file) {
        if (!Files.exists(file)) return Snapshot.EMPTY;
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.path("format").asInt() != FORMAT) {
                throw new IllegalArgumentException(file + " is not a gap state file of format " + FORMAT);
            }
            Map<String, GapRecord> gaps = new TreeMap<>();
            root.path("gaps").fields().forEachRemaining(e -> gaps.put(e.getKey(), gapRecord(e.getKey(), e.getValue())));
            List<GapUpdate> updates = new ArrayList<>();
            for (JsonNode u : root.path("updates")) updates.add(update(u));
            Optional<LocalDate> asOf = root.hasNonNull("data_as_of") ? Optional.of(date(root, "data_as_of")) : Optional.empty();
            return new Snapshot(asOf, gaps, updates);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not readable gap state (" + e.getMessage()
                    + "); move it away to start the lifecycle afresh", e);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(file + " has a malformed entry (" + e.getMessage()
                    + "); move it away to start the lifecycle afresh", e);
        }
    }

    public static void save(Path file, Snapshot snapshot) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("data_as_of", snapshot.dataAsOf().map(LocalDate::toString).orElse(null));
        ObjectNode gaps = root.putObject("gaps");
        new TreeMap<>(snapshot.gaps()).forEach((id, r) -> gaps.set(id, json(r)));
        ArrayNode updates = root.putArray("updates");
        for (GapUpdate u : snapshot.updates()) updates.add(json(u));
        try {
            AtomicFiles.write(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write gap state " + file + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode json(Owner o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("team", o.team());
        n.put("contact", o.contact());
        n.put("channel", o.channel());
        n.put("is_default", o.isDefault());
        return n;
    }

    static ObjectNode json(GapUpdate u) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", u.id());
        n.put("gap_id", u.gapId());
        n.put("title", u.title());
        n.set("owner", json(u.owner()));
        n.put("state", u.state().wireName());
        n.put("since", u.since().toString());
        n.put("data_as_of", u.dataAsOf().toString());
        n.put("category", u.category());
        n.put("subcategory", u.subcategory());
        n.put("conversations", u.conversations());
        n.put("mean_cx_affected", u.meanCxAffected());
        n.put("mean_cx_rest", u.meanCxRest());
        n.put("cx_impact", u.cxImpact());
        n.put("first_seen", u.firstSeen().toString());
        n.put("last_seen", u.lastSeen().toString());
        ArrayNode examples = n.putArray("example_conversation_ids");
        u.exampleConversationIds().forEach(examples::add);
        return n;
    }

    private static ObjectNode json(GapRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("title", r.title());
        n.set("owner", json(r.owner()));
        n.put("category", r.category());
        n.put("subcategory", r.subcategory());
        n.put("state", r.state().wireName());
        n.put("since", r.since().toString());
        n.put("first_seen", r.firstSeen().toString());
        n.put("last_seen", r.lastSeen().toString());
        n.put("conversations", r.conversations());
        ArrayNode resolutions = n.putArray("resolutions");
        r.resolutions().forEach(d -> resolutions.add(d.toString()));
        return n;
    }

    private static GapRecord gapRecord(String id, JsonNode n) {
        List<LocalDate> resolutions = new ArrayList<>();
        for (JsonNode d : n.path("resolutions")) resolutions.add(LocalDate.parse(d.asText()));
        return new GapRecord(id, n.path("title").asText(), owner(n.path("owner")), n.path("category").asText(),
                n.path("subcategory").asText(), GapState.fromWireName(n.path("state").asText()), date(n, "since"),
                date(n, "first_seen"), date(n, "last_seen"), n.path("conversations").asLong(), resolutions);
    }

    private static GapUpdate update(JsonNode n) {
        List<String> examples = new ArrayList<>();
        for (JsonNode e : n.path("example_conversation_ids")) examples.add(e.asText());
        return new GapUpdate(n.path("gap_id").asText(), n.path("title").asText(), owner(n.path("owner")),
                GapState.fromWireName(n.path("state").asText()), date(n, "since"), date(n, "data_as_of"),
                n.path("category").asText(), n.path("subcategory").asText(), n.path("conversations").asLong(),
                nullableDouble(n, "mean_cx_affected"), nullableDouble(n, "mean_cx_rest"), nullableDouble(n, "cx_impact"),
                date(n, "first_seen"), date(n, "last_seen"), examples);
    }

    private static Owner owner(JsonNode n) {
        return new Owner(n.path("team").asText(null), n.path("contact").asText(null), n.path("channel").asText(null),
                n.path("is_default").asBoolean());
    }

    private static LocalDate date(JsonNode n, String field) {
        if (!n.hasNonNull(field)) throw new IllegalArgumentException("missing " + field);
        return LocalDate.parse(n.get(field).asText());
    }

    private static Double nullableDouble(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asDouble() : null;
    }
}
