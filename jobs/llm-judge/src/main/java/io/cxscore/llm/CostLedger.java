package io.cxscore.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One run's spending: calls made (retries included), answers taken from the cache, tokens in and out, and their
 * cost by the config's price table. It also holds the budget: a call is allowed only while what was spent plus
 * what calls in flight may spend stays under the cap, so the cap holds under concurrency.
 */
public final class CostLedger {
    private final LlmJudgeConfig config;
    private long calls;
    private long conversations;
    private long cacheHits;
    private long retries;
    private long tokensIn;
    private long tokensOut;
    private long skippedForBudget;
    private double reservedCost;
    private long reservedTokens;
    private boolean budgetReported;

    public CostLedger(LlmJudgeConfig config) {
        this.config = config;
    }

    /** Reserves a call's worst case against the budget; false when it would cross the cap. */
    public synchronized boolean reserve(long tokensInEstimate) {
        long worstTokens = tokensInEstimate + config.maxOutputTokens();
        double worstCost = config.cost(tokensInEstimate, config.maxOutputTokens());
        if (config.maxCostUsd() > 0 && cost() + reservedCost + worstCost > config.maxCostUsd()) return false;
        if (config.maxTokens() > 0 && tokensIn + tokensOut + reservedTokens + worstTokens > config.maxTokens()) return false;
        reservedCost += worstCost;
        reservedTokens += worstTokens;
        return true;
    }

    public synchronized void release(long tokensInEstimate) {
        reservedCost -= config.cost(tokensInEstimate, config.maxOutputTokens());
        reservedTokens -= tokensInEstimate + config.maxOutputTokens();
    }

    public synchronized void call(long in, long out) {
        calls++;
        tokensIn += in;
        tokensOut += out;
    }

    public synchronized void retry() {
        retries++;
    }

    public synchronized void conversation() {
        conversations++;
    }

    public synchronized void cacheHit() {
        cacheHits++;
    }

    /** Counts a budget skip; true only the first time, so the run says "budget spent" once. */
    public synchronized boolean skippedForBudget() {
        skippedForBudget++;
        boolean first = !budgetReported;
        budgetReported = true;
        return first;
    }

    public synchronized long calls() {
        return calls;
    }

    public synchronized long cacheHits() {
        return cacheHits;
    }

    public synchronized long retries() {
        return retries;
    }

    public synchronized long tokensIn() {
        return tokensIn;
    }

    public synchronized long tokensOut() {
        return tokensOut;
    }

    public synchronized long budgetSkips() {
        return skippedForBudget;
    }

    public synchronized double cost() {
        return config.cost(tokensIn, tokensOut);
    }

    public synchronized String summary() {
        return String.format(Locale.ROOT, "LLM %s: %d conversation(s), %d call(s) (%d retries), %d from cache, %d skipped for budget; "
                        + "tokens in %d, out %d; cost $%.4f%s", config.modelId(), conversations, calls, retries, cacheHits,
                skippedForBudget, tokensIn, tokensOut, cost(),
                config.maxCostUsd() > 0 ? String.format(Locale.ROOT, " of $%.2f budget", config.maxCostUsd()) : "");
    }

    /** Writes the ledger as JSON (no key, no text: counts and money only). */
    public synchronized void write(Path file, String runId) throws IOException {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("run_id", runId).put("model", config.modelId()).put("conversations", conversations).put("calls", calls)
                .put("retries", retries).put("cache_hits", cacheHits).put("skipped_for_budget", skippedForBudget)
                .put("tokens_in", tokensIn).put("tokens_out", tokensOut).put("cost_usd", cost())
                .put("input_usd_per_mtok", config.inputUsdPerMTok()).put("output_usd_per_mtok", config.outputUsdPerMTok())
                .put("budget_usd", config.maxCostUsd()).put("budget_tokens", config.maxTokens());
        Files.createDirectories(file.getParent());
        Files.writeString(file, o.toPrettyString() + "\n");
    }
}
