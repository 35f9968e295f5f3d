package io.cxscore.llm.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An LLM endpoint on 127.0.0.1 that speaks three wire protocols: OpenAI chat completions ({@code POST
 * /v1/chat/completions}), Anthropic messages ({@code POST /v1/messages}) and Ollama's native chat ({@code POST
 * /api/chat}). It records every request as received, counts prompt tokens with the cl100k tokenizer, can enforce
 * a requests-per-minute limit with 429 + Retry-After and add latency, and answers what a script says.
 *
 * <p>Prompt tokens are everything the model is given: the system and user text; the answer schema sent as the
 * structured-output format where the provider puts it into the prompt (OpenAI renders {@code response_format} into
 * the system message as {@code # Response Formats / ## name / <schema JSON>} and bills it as prompt tokens;
 * Anthropic bills {@code output_config.format} as input too; Ollama's {@code format} only constrains decoding, so
 * it is not counted); and the chat format's own tokens, estimated as OpenAI documents them for cl100k models, 3 a
 * message plus 3 priming the reply. The schema is counted as sent, an upper bound of what the provider renders.
 *
 * <p>The default script is a tiny rule-based "model" that reads the numbered transcript and answers in the judge's
 * schema, citing real turns; tests and the benchmark replace it per request to inject faults.
 */
public final class LoopbackLlmServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Encoding TOKENS = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    private static final Pattern TURNS = Pattern.compile("(\\d+) turns, 0\\.\\.(\\d+)");
    /** A turn line of prompt v1 ({@code [7] customer: ...}) or v2 ({@code 7C ...}). */
    private static final Pattern TURN_LINE = Pattern.compile("^(?:\\[(\\d+)] |(\\d+)[CAHS]\\*?(?: |$))", Pattern.MULTILINE);
    /** Chat-format tokens per message and for priming the reply (OpenAI's published count for cl100k models). */
    public static final int TOKENS_PER_MESSAGE = 3;
    public static final int TOKENS_REPLY_PRIMING = 3;

    /**
     * What the server received: the wire protocol, headers, raw body, the system and user text found in it, and the
     * prompt tokens: {@code promptTokens = tokens(system) + tokens(user) + schemaTokens + formatTokens}.
     *
     * @param schemaTokens tokens of the answer schema where the protocol puts it into the prompt, else 0
     * @param formatTokens the chat format's own tokens (per message and reply priming)
     */
    public record Received(String protocol, String path, Map<String, List<String>> headers, String body, String system,
                           String user, int promptTokens, int schemaTokens, int formatTokens, int sequence) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) return h.getValue().get(0);
            }
            return null;
        }
    }

    /** What to send back. */
    public sealed interface Reply permits Answer, Status, Slow {}

    /** A 200 with this text as the model's message. */
    public record Answer(String text) implements Reply {}

    /** An error status; {@code retryAfterSeconds} null for none. */
    public record Status(int code, Integer retryAfterSeconds, String body) implements Reply {}

    /** Wait, then reply. */
    public record Slow(long millis, Reply then) implements Reply {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile Function<Received, Reply> script = r -> new Answer(plausibleAnswer(r.user()));
    private final long latencyMillis;
    private final double permitsPerNano;
    private final double burst;
    private double permits;
    private long last = System.nanoTime();

    private LoopbackLlmServer(long latencyMillis, int requestsPerMinute, int threads) throws IOException {
        this.latencyMillis = latencyMillis;
        this.permitsPerNano = requestsPerMinute / 60e9;
        this.burst = Math.max(1, requestsPerMinute / 60.0);
        this.permits = burst;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "loopback-llm");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** A server with no latency and no rate limit. */
    public static LoopbackLlmServer start() throws IOException {
        return start(0, 0);
    }

    /** @param requestsPerMinute 0 for no limit; above it the server answers 429 with Retry-After: 1 */
    public static LoopbackLlmServer start(long latencyMillis, int requestsPerMinute) throws IOException {
        return new LoopbackLlmServer(latencyMillis, requestsPerMinute, 32);
    }

    public LoopbackLlmServer script(Function<Received, Reply> s) {
        this.script = s;
        return this;
    }

    /** Base URL for langchain4j's OpenAI client (it appends /chat/completions). */
    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Base URL for langchain4j's Anthropic client (it appends messages). */
    public String anthropicBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/";
    }

    /** Base URL for langchain4j's Ollama client (it appends /api/chat). */
    public String ollamaBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests refused by the rate limit. */
    public int rateLimited() {
        return rateLimited.get();
    }

    public static int tokens(String text) {
        return TOKENS.countTokensOrdinary(text);
    }

    private synchronized boolean admit() {
        if (permitsPerNano <= 0) return true;
        long now = System.nanoTime();
        permits = Math.min(burst, permits + (now - last) * permitsPerNano);
        last = now;
        if (permits >= 1) {
            permits -= 1;
            return true;
        }
        return false;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            String protocol = path.endsWith("/chat/completions") ? "openai" : path.endsWith("/messages") ? "anthropic"
                    : path.endsWith("/api/chat") ? "ollama" : null;
            if (protocol == null) {
                send(ex, 404, "{\"error\":\"no such endpoint " + path + "\"}", null);
                return;
            }
            JsonNode req = JSON.readTree(body);
            String[] su = systemAndUser(protocol, req);
            int schema = schemaTokens(protocol, req);
            int format = TOKENS_PER_MESSAGE * messages(protocol, req) + TOKENS_REPLY_PRIMING;
            Received r = new Received(protocol, path, new LinkedHashMap<>(ex.getRequestHeaders()), body, su[0], su[1],
                    tokens(su[0]) + tokens(su[1]) + schema + format, schema, format, sequence.incrementAndGet());
            received.add(r);
            if (!admit()) {
                rateLimited.incrementAndGet();
                send(ex, 429, "{\"error\":{\"message\":\"rate limit\",\"type\":\"rate_limit_error\"}}", 1);
                return;
            }
            if (latencyMillis > 0) Thread.sleep(latencyMillis);
            Reply reply = script.apply(r);
            while (reply instanceof Slow s) {
                Thread.sleep(s.millis());
                reply = s.then();
            }
            if (reply instanceof Status st) {
                send(ex, st.code(), st.body() != null ? st.body() : "{\"error\":{\"message\":\"status " + st.code() + "\"}}", st.retryAfterSeconds());
                return;
            }
            String text = ((Answer) reply).text();
            send(ex, 200, wire(protocol, req, text, r.promptTokens(), tokens(text)), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client gave up (a timeout test) or sent something unreadable: nothing more to say on this exchange
        }
    }

    /** The answer schema's tokens where the protocol's provider renders it into the prompt. */
    static int schemaTokens(String protocol, JsonNode req) {
        return switch (protocol) {
            case "openai" -> {
                JsonNode f = req.path("response_format");
                if (!"json_schema".equals(f.path("type").asText())) yield 0;
                JsonNode js = f.path("json_schema");
                yield tokens("# Response Formats\n\n## " + js.path("name").asText() + "\n\n" + js.path("schema"));
            }
            case "anthropic" -> {
                JsonNode f = req.path("output_config").path("format");
                yield f.has("schema") ? tokens(f.path("schema").toString()) : 0;
            }
            default -> 0; // Ollama's format becomes a grammar for decoding, not text the model reads
        };
    }

    private static int messages(String protocol, JsonNode req) {
        int n = req.path("messages").size();
        if (protocol.equals("anthropic") && !req.path("system").isMissingNode() && !req.path("system").isNull()) n++;
        return n;
    }

    private static String[] systemAndUser(String protocol, JsonNode req) {
        StringBuilder system = new StringBuilder();
        StringBuilder user = new StringBuilder();
        if (protocol.equals("anthropic")) {
            JsonNode s = req.path("system");
            if (s.isTextual()) system.append(s.asText());
            else for (JsonNode part : s) system.append(part.path("text").asText());
        }
        for (JsonNode m : req.path("messages")) {
            StringBuilder into = "system".equals(m.path("role").asText()) ? system : user;
            JsonNode content = m.path("content");
            if (content.isTextual()) into.append(content.asText());
            else for (JsonNode part : content) into.append(part.path("text").asText());
        }
        return new String[] {system.toString(), user.toString()};
    }

    private static String wire(String protocol, JsonNode req, String text, int in, int out) {
        ObjectNode o = JSON.createObjectNode();
        String model = req.path("model").asText("loopback");
        switch (protocol) {
            case "openai" -> {
                o.put("id", "chatcmpl-loopback").put("object", "chat.completion").put("created", 0).put("model", model);
                ArrayNode choices = o.putArray("choices");
                ObjectNode c = choices.addObject().put("index", 0).put("finish_reason", "stop");
                c.putObject("message").put("role", "assistant").put("content", text);
                o.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
            }
            case "anthropic" -> {
                o.put("id", "msg_loopback").put("type", "message").put("role", "assistant").put("model", model)
                        .put("stop_reason", "end_turn");
                o.putArray("content").addObject().put("type", "text").put("text", text);
                o.putObject("usage").put("input_tokens", in).put("output_tokens", out);
            }
            default -> {
                o.put("model", model).put("created_at", "2026-11-22T00:00:00Z").put("done", true).put("done_reason", "stop")
                        .put("prompt_eval_count", in).put("eval_count", out);
                o.putObject("message").put("role", "assistant").put("content", text);
            }
        }
        return o.toString();
    }

    private static void send(HttpExchange ex, int code, String body, Integer retryAfter) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (retryAfter != null) ex.getResponseHeaders().set("Retry-After", Integer.toString(retryAfter));
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    /**
     * A schema-valid answer for the transcript in the user message: resolved when the customer's last turn thanks,
     * unresolved otherwise; evidence is the last turn.
     */
    public static String plausibleAnswer(String user) {
        Matcher m = TURNS.matcher(user);
        int last = 0;
        if (m.find()) {
            last = Integer.parseInt(m.group(2));
        } else {
            Matcher t = TURN_LINE.matcher(user);
            while (t.find()) last = Math.max(last, Integer.parseInt(t.group(1) != null ? t.group(1) : t.group(2)));
        }
        String lower = user.toLowerCase(Locale.ROOT);
        boolean thanks = lower.contains("thank") || lower.contains("perfect") || lower.contains("great");
        String resolution = thanks ? "{\"label\":\"resolved\",\"value\":1.5,\"confidence\":0.85,\"evidence\":[" + last + "]}"
                : "{\"label\":\"unresolved\",\"value\":-1.0,\"confidence\":0.55,\"evidence\":[" + last + "]}";
        String sentiment = "{\"start\":-0.3,\"end\":" + (thanks ? "0.6" : "-0.5") + ",\"shift\":" + (thanks ? 2 : -1)
                + ",\"confidence\":0.7,\"evidence\":[0," + last + "]}";
        String gaps = thanks ? "[]" : "[{\"category\":\"routing\",\"subcategory\":\"missed_escalation\",\"confidence\":0.5,\"evidence\":[" + last + "],\"ai_fault\":null}]";
        return "{\"resolution\":" + resolution + ",\"sentiment\":" + sentiment + ",\"effort\":{\"score\":" + (thanks ? 2 : 4)
                + ",\"confidence\":0.6,\"evidence\":[" + last + "]},\"gaps\":" + gaps + ",\"rationale\":\""
                + (thanks ? "The customer confirmed the fix." : "The customer left without a fix.") + "\"}";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** Requests received per protocol, for reports. */
    public Map<String, Integer> countsByProtocol() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Received r : new ArrayList<>(received)) out.merge(r.protocol(), 1, Integer::sum);
        return out;
    }
}
