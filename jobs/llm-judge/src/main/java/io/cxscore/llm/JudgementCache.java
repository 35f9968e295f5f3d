package io.cxscore.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model's raw answers by cache key, persisted as an append-only JSON Lines file next to the warehouse
 * ({@code <warehouse>/_llm_cache/answers.jsonl}).
 *
 * <p>Why a plain append-only file rather than an embedded store: it needs no dependency, every write is one line
 * flushed at once, so a crash loses at most the answer in flight and a torn last line is skipped on load; it is
 * readable with any tool; and the raw answer (not the parsed score) is kept, so a stricter parser or a fixed
 * formula re-derives every score from the cache without paying for a single call. Answers hold only redacted
 * text, so the cache keeps no personal data the warehouse does not. It is loaded into memory at start, which
 * suits runs of up to a few hundred thousand conversations.
 */
public final class JudgementCache implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A cached answer: the raw text the model returned and the tokens it cost. */
    public record Entry(String answer, long tokensIn, long tokensOut) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final BufferedWriter out;
    private final Path file;

    private JudgementCache(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** An in-memory cache, for tests and one-off evaluations. */
    public static JudgementCache inMemory() {
        return new JudgementCache(null, null);
    }

    public static JudgementCache open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JudgementCache c = new JudgementCache(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND));
            c.load();
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the LLM answer cache " + file + ": " + e.getMessage(), e);
        }
    }

    private void load() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isBlank()) continue;
            try {
                JsonNode n = JSON.readTree(line);
                entries.put(n.get("key").asText(), new Entry(n.get("answer").asText(), n.path("tokens_in").asLong(), n.path("tokens_out").asLong()));
            } catch (IOException | NullPointerException e) {
                // a line torn by a crash mid-write: that answer is simply asked again
            }
        }
    }

    public Entry get(String key) {
        return entries.get(key);
    }

    public int size() {
        return entries.size();
    }

    public void put(String key, Entry e) {
        entries.put(key, e);
        if (out == null) return;
        String line = JSON.createObjectNode().put("key", key).put("answer", e.answer()).put("tokens_in", e.tokensIn())
                .put("tokens_out", e.tokensOut()).toString();
        synchronized (out) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot append to the LLM answer cache " + file + ": " + ex.getMessage(), ex);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) out.close();
    }
}
