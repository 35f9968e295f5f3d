package io.cxscore.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where and how the LLM judge calls a model, and what a run may spend. Read from a YAML file; there is no field
 * for an API key on purpose: the key is read from the environment variable named by {@code api_key_env}, so it
 * never sits in a file, a command line or a log.
 *
 * @param provider openai (any OpenAI-compatible endpoint: OpenAI, Azure, vLLM, llama.cpp, Ollama's /v1), anthropic
 *                 or ollama (Ollama's native /api/chat)
 * @param apiKeyEnv name of the environment variable holding the key; null for keyless local servers
 * @param concurrency calls in flight at once
 * @param requestsPerMinute and {@code tokensPerMinute}: the provider's limits; 0 means unlimited
 * @param maxAttempts calls per conversation including retries (429, 5xx, timeouts)
 * @param maxCostUsd the run's budget in money (0: no cap); {@code maxTokens} the same in tokens in+out (0: no cap)
 * @param inputUsdPerMTok and {@code outputUsdPerMTok}: the price table, US dollars per million tokens
 * @param structuredOutput send the answer's JSON schema as the provider's response format
 * @param lowConfidence a scored result whose CX confidence is below this goes to the review queue
 */
public record LlmJudgeConfig(String provider, String baseUrl, String model, String apiKeyEnv, Duration timeout,
                             int maxOutputTokens, int concurrency, int requestsPerMinute, int tokensPerMinute,
                             int maxAttempts, Duration backoffBase, double maxCostUsd, long maxTokens,
                             double inputUsdPerMTok, double outputUsdPerMTok, boolean structuredOutput,
                             double lowConfidence) {
    public static final Set<String> PROVIDERS = Set.of("openai", "anthropic", "ollama");
    private static final Set<String> FIELDS = Set.of("provider", "base_url", "model", "api_key_env", "timeout_seconds",
            "max_output_tokens", "concurrency", "requests_per_minute", "tokens_per_minute", "max_attempts",
            "backoff_base_ms", "budget", "prices", "structured_output", "low_confidence");

    public LlmJudgeConfig {
        if (!PROVIDERS.contains(provider)) throw new IllegalArgumentException("provider: '" + provider + "' is not one of " + new TreeSet<>(PROVIDERS));
        if (model == null || model.isBlank()) throw new IllegalArgumentException("model: missing");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency: must be at least 1");
        if (maxAttempts < 1) throw new IllegalArgumentException("max_attempts: must be at least 1");
        if (requestsPerMinute < 0 || tokensPerMinute < 0) throw new IllegalArgumentException("requests_per_minute/tokens_per_minute: must not be negative");
        if (maxCostUsd < 0 || maxTokens < 0) throw new IllegalArgumentException("budget: must not be negative");
        if (timeout.isZero() || timeout.isNegative()) throw new IllegalArgumentException("timeout_seconds: must be positive");
    }

    /** Sensible defaults for a provider; everything else is set in the file. */
    public static LlmJudgeConfig defaults(String provider, String baseUrl, String model, String apiKeyEnv) {
        return new LlmJudgeConfig(provider, baseUrl, model, apiKeyEnv, Duration.ofSeconds(60), 800, 4, 0, 0, 4,
                Duration.ofMillis(500), 0, 0, 0, 0, true, 0.6);
    }

    public static LlmJudgeConfig load(Path file) {
        JsonNode n;
        try {
            n = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException(file + ": not a YAML mapping");
        try {
            return parse(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static LlmJudgeConfig parse(JsonNode n) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.toLowerCase(Locale.ROOT).contains("key") && !f.equals("api_key_env")) {
                throw new IllegalArgumentException(f + ": API keys are read from the environment only; name the variable in api_key_env");
            }
            if (!FIELDS.contains(f)) throw new IllegalArgumentException(f + ": unknown field; known: " + new TreeSet<>(FIELDS));
        }
        JsonNode budget = n.path("budget");
        JsonNode prices = n.path("prices");
        LlmJudgeConfig d = defaults(text(n, "provider", null), text(n, "base_url", null), text(n, "model", null), text(n, "api_key_env", null));
        return new LlmJudgeConfig(d.provider(), d.baseUrl(), d.model(), d.apiKeyEnv(),
                Duration.ofMillis((long) (num(n, "timeout_seconds", 60) * 1000)), (int) num(n, "max_output_tokens", 800),
                (int) num(n, "concurrency", 4), (int) num(n, "requests_per_minute", 0), (int) num(n, "tokens_per_minute", 0),
                (int) num(n, "max_attempts", 4), Duration.ofMillis((long) num(n, "backoff_base_ms", 500)),
                num(budget, "max_cost_usd", 0), (long) num(budget, "max_tokens", 0),
                num(prices, "input_usd_per_mtok", 0), num(prices, "output_usd_per_mtok", 0),
                !n.has("structured_output") || n.get("structured_output").asBoolean(), num(n, "low_confidence", 0.6));
    }

    private static String text(JsonNode n, String f, String dflt) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    private static double num(JsonNode n, String f, double dflt) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return dflt;
        if (!v.isNumber()) throw new IllegalArgumentException(f + ": not a number");
        return v.asDouble();
    }

    public LlmJudgeConfig withLimits(int concurrency, int requestsPerMinute, int tokensPerMinute) {
        return new LlmJudgeConfig(provider, baseUrl, model, apiKeyEnv, timeout, maxOutputTokens, concurrency,
                requestsPerMinute, tokensPerMinute, maxAttempts, backoffBase, maxCostUsd, maxTokens, inputUsdPerMTok,
                outputUsdPerMTok, structuredOutput, lowConfidence);
    }

    public LlmJudgeConfig withRetries(int maxAttempts, Duration backoffBase, Duration timeout) {
        return new LlmJudgeConfig(provider, baseUrl, model, apiKeyEnv, timeout, maxOutputTokens, concurrency,
                requestsPerMinute, tokensPerMinute, maxAttempts, backoffBase, maxCostUsd, maxTokens, inputUsdPerMTok,
                outputUsdPerMTok, structuredOutput, lowConfidence);
    }

    public LlmJudgeConfig withBudget(double maxCostUsd, long maxTokens, double inputUsdPerMTok, double outputUsdPerMTok) {
        return new LlmJudgeConfig(provider, baseUrl, model, apiKeyEnv, timeout, maxOutputTokens, concurrency,
                requestsPerMinute, tokensPerMinute, maxAttempts, backoffBase, maxCostUsd, maxTokens, inputUsdPerMTok,
                outputUsdPerMTok, structuredOutput, lowConfidence);
    }

    public LlmJudgeConfig withStructuredOutput(boolean structuredOutput) {
        return new LlmJudgeConfig(provider, baseUrl, model, apiKeyEnv, timeout, maxOutputTokens, concurrency,
                requestsPerMinute, tokensPerMinute, maxAttempts, backoffBase, maxCostUsd, maxTokens, inputUsdPerMTok,
                outputUsdPerMTok, structuredOutput, lowConfidence);
    }

    /** The model as recorded in provenance: provider and name. */
    public String modelId() {
        return provider + ":" + model;
    }

    public double cost(long tokensIn, long tokensOut) {
        return tokensIn * inputUsdPerMTok / 1e6 + tokensOut * outputUsdPerMTok / 1e6;
    }
}
