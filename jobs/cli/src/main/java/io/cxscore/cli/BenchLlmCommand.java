package io.cxscore.cli;

import io.cxscore.core.demo.DemoGenerator;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.redact.PiiRedactor;
import io.cxscore.core.score.JudgeResult;
import io.cxscore.llm.ChatModels;
import io.cxscore.llm.JudgementCache;
import io.cxscore.llm.LlmJudge;
import io.cxscore.llm.LlmJudgeConfig;
import io.cxscore.llm.loopback.LoopbackLlmServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-llm", mixinStandardHelpOptions = true,
        description = {"Benchmark the LLM judge against a loopback OpenAI-compatible server with latency and a rate limit,",
            "on seeded demo conversations: calls per conversation, prompt size against transcript size, share of the",
            "rate limit achieved, and calls on an unchanged re-run. No network beyond 127.0.0.1."})
final class BenchLlmCommand implements Callable<Integer> {
    @Option(names = "--conversations", defaultValue = "2000", description = "Demo conversations to judge (default: ${DEFAULT-VALUE}).")
    int conversations;

    @Option(names = "--latency-ms", defaultValue = "300", description = "Server latency per call (default: ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(names = "--rpm", defaultValue = "600", description = "Server's requests-per-minute limit, also the judge's (default: ${DEFAULT-VALUE}).")
    int rpm;

    @Option(names = "--concurrency", defaultValue = "8", description = "Judge calls in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() throws Exception {
        List<Conversation> cs = new ArrayList<>();
        DemoGenerator demo = DemoGenerator.withDefaults();
        for (LocalDate d = demo.endDate(); cs.size() < conversations; d = d.minusDays(1)) {
            for (Conversation c : demo.conversations(d)) if (cs.size() < conversations) cs.add(c);
        }
        Path dir = Files.createTempDirectory("cx-bench-llm");
        Path cacheFile = dir.resolve("_llm_cache/answers.jsonl");
        try (LoopbackLlmServer server = LoopbackLlmServer.start(latencyMs, rpm)) {
            LlmJudgeConfig config = LlmJudgeConfig.defaults("openai", server.openAiBaseUrl(), "bench-model", null)
                    .withLimits(concurrency, rpm, 0);
            long t0 = System.nanoTime();
            List<JudgeResult> first;
            LlmJudge judge;
            try (JudgementCache cache = JudgementCache.open(cacheFile)) {
                judge = LlmJudge.builder(config, ChatModels.build(config, System::getenv)).cache(cache).build();
                first = judge.judgeAll(cs);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int calls = server.received().size();
            long promptTokens = server.received().stream().mapToLong(LoopbackLlmServer.Received::promptTokens).sum();
            long systemTokens = server.received().stream().mapToLong(r -> LoopbackLlmServer.tokens(r.system())).sum();
            long transcriptTokens = 0;
            PiiRedactor redactor = PiiRedactor.standard();
            for (Conversation c : cs) {
                for (Message m : redactor.redact(c).conversation().messages()) {
                    transcriptTokens += LoopbackLlmServer.tokens(m.role().wireName() + ": " + m.text() + "\n");
                }
            }
            long scored = first.stream().filter(JudgeResult::isScored).count();

            LlmJudge rerun;
            try (JudgementCache cache = JudgementCache.open(cacheFile)) {
                rerun = LlmJudge.builder(config, ChatModels.build(config, System::getenv)).cache(cache).build();
                rerun.judgeAll(cs);
            }
            int rerunCalls = server.received().size() - calls;

            double perMinute = calls / seconds * 60;
            System.out.printf(Locale.ROOT, "conversations                      %d (demo seed %d), %d scored%n", cs.size(), DemoGenerator.DEFAULT_SEED, scored);
            System.out.printf(Locale.ROOT, "server                             latency %d ms, limit %d requests/min, %d refused with 429%n",
                    latencyMs, rpm, server.rateLimited());
            System.out.printf(Locale.ROOT, "calls per conversation             %.3f (%d calls)%n", calls / (double) cs.size(), calls);
            System.out.printf(Locale.ROOT, "prompt tokens / transcript tokens  %.3f (%d / %d, cl100k)%n", promptTokens / (double) transcriptTokens, promptTokens, transcriptTokens);
            System.out.printf(Locale.ROOT, "  of which the fixed system prompt %d tokens per call (%.3f of the ratio); per-conversation part alone %.3f%n",
                    systemTokens / Math.max(1, calls), systemTokens / (double) transcriptTokens, (promptTokens - systemTokens) / (double) transcriptTokens);
            System.out.printf(Locale.ROOT, "achieved share of the rate limit   %.1f%% (%.1f requests/min over %.1f s)%n", 100 * perMinute / rpm, perMinute, seconds);
            System.out.printf(Locale.ROOT, "calls on an unchanged re-run       %d (%d answers from the cache)%n", rerunCalls, rerun.ledger().cacheHits());
            System.out.println(judge.ledger().summary());
            Map<String, Integer> byProtocol = server.countsByProtocol();
            if (!byProtocol.keySet().equals(java.util.Set.of("openai"))) System.out.println("protocols " + byProtocol);
        }
        return 0;
    }
}
