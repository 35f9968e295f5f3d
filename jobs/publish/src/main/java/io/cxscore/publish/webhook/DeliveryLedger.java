package io.cxscore.publish.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only record of what happened to each update at each receiver, one JSON object a line:
 * {@code delivered} once the receiver acknowledged it, {@code dead_letter} once it exhausted its
 * retries. Each line is forced to disk before the next request is sent, so an update acknowledged
 * just before a crash is still known as delivered after the restart and never sent again.
 *
 * <p>A line cut short by a crash mid-write is ignored on reading: its update was not recorded, so it
 * is sent again, and the receiver's idempotency key check absorbs the repeat.
 */
public final class DeliveryLedger {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Outcome { DELIVERED, DEAD_LETTER }

    private final Path file;
    private final Map<String, Outcome> outcomes = new HashMap<>();

    private DeliveryLedger(Path file) {
        this.file = file;
    }

    public static DeliveryLedger open(Path file) {
        DeliveryLedger ledger = new DeliveryLedger(file);
        if (!Files.exists(file)) return ledger;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) continue;
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    if (i == lines.size() - 1) break; // the torn last line of a crash
                    throw new IllegalArgumentException(file + " line " + (i + 1) + " is not JSON; the ledger is damaged", e);
                }
                Outcome outcome = Outcome.valueOf(n.path("outcome").asText("").toUpperCase(java.util.Locale.ROOT));
                Outcome before = ledger.outcomes.get(n.path("key").asText());
                if (before != Outcome.DELIVERED) ledger.outcomes.put(n.path("key").asText(), outcome);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the delivery ledger " + file + ": " + e.getMessage(), e);
        }
        return ledger;
    }

    /** The ledger key of an update at one owner's receiver. */
    public static String key(String ownerTeam, String idempotencyKey) {
        return ownerTeam + "/" + idempotencyKey;
    }

    public boolean delivered(String key) {
        return outcomes.get(key) == Outcome.DELIVERED;
    }

    public boolean deadLettered(String key) {
        return outcomes.get(key) == Outcome.DEAD_LETTER;
    }

    void record(String key, String updateId, Outcome outcome, int attempts, Instant at) {
        ObjectNode n = JSON.createObjectNode();
        n.put("key", key);
        n.put("update_id", updateId);
        n.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        n.put("attempts", attempts);
        n.put("at", at.toString());
        appendLine(file, n);
        if (outcomes.get(key) != Outcome.DELIVERED) outcomes.put(key, outcome);
    }

    static void appendLine(Path file, ObjectNode line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }
}
