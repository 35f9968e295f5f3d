package io.cxscore.cli;

import io.cxscore.batch.InputFile;
import io.cxscore.batch.InputFiles;
import io.cxscore.core.demo.DemoGenerator;
import io.cxscore.core.ingest.ConversationReaders;
import io.cxscore.core.ingest.ReadResult;
import io.cxscore.core.llm.JudgePrompt;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.redact.PiiRedactor;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.rubric.RubricException;
import io.cxscore.core.score.JudgeResult;
import io.cxscore.llm.ChatModels;
import io.cxscore.llm.JudgementCache;
import io.cxscore.llm.LlmJudge;
import io.cxscore.llm.LlmJudgeConfig;
import io.cxscore.llm.loopback.LoopbackLlmServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-llm", mixinStandardHelpOptions = true,
        description = {"Benchmark the LLM judge against a loopback OpenAI-compatible server with latency and a rate limit,",
            "on seeded demo conversations (default) or on conversation files (--input): calls per conversation, prompt",
            "size against transcript size, share of the rate limit achieved, and calls on an unchanged re-run.",
            "Prompt tokens are all the model is given: system and user messages, the answer schema sent as the",
            "response format (OpenAI puts it into the prompt) and the chat format's tokens; transcript tokens are",
            "'role: text\\n' per (redacted) message. cl100k. No network beyond 127.0.0.1."})
final class BenchLlmCommand implements Callable<Integer> {
    @Option(names = "--input", arity = "1..*", paramLabel = "FILE",
            description = "Conversation files or folders, in any format `cx batch` reads (detected unless --format); default: the demo conversations.")
    List<String> inputs;

    @Option(names = "--format", description = "Reader for every --input file: cx-jsonl, zendesk, intercom, uss, stc3, twcs, twitter-cdp, abcd.")
    String format;

    @Option(names = "--conversations", paramLabel = "N",
            description = "Conversations to judge (default: 2000 demo conversations; with --input, every conversation read).")
    Integer conversations;

    @Option(names = "--latency-ms", defaultValue = "300", description = "Server latency per call (default: ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(names = "--rpm", defaultValue = "600", description = "Server's requests-per-minute limit, also the judge's (default: ${DEFAULT-VALUE}).")
    int rpm;

    @Option(names = "--concurrency", defaultValue = "8", description = "Judge calls in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--prompt-version", paramLabel = "V", description = "A released prompt version (default: the current one).")
    String promptVersion;

    @Option(names = "--structured-output", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Send the answer schema as the response format, as the default configuration does (default: ${DEFAULT-VALUE}); "
                    + "--no-structured-output describes the answer in the system prompt instead.")
    boolean structuredOutput;

    @Override
    public Integer call() throws Exception {
        List<Conversation> cs = new ArrayList<>();
        String source;
        if (inputs == null || inputs.isEmpty()) {
            int n = conversations != null ? conversations : 2000;
            DemoGenerator demo = DemoGenerator.withDefaults();
            for (LocalDate d = demo.endDate(); cs.size() < n; d = d.minusDays(1)) {
                for (Conversation c : demo.conversations(d)) if (cs.size() < n) cs.add(c);
            }
            source = "demo seed " + DemoGenerator.DEFAULT_SEED;
        } else {
            source = read(cs);
        }
        if (cs.isEmpty()) throw new UserFacingException("no conversations to judge");
        JudgePrompt prompt;
        try {
            prompt = JudgePrompt.defaults(promptVersion);
        } catch (RubricException e) {
            throw new UserFacingException(e.getMessage());
        }
        Path dir = Files.createTempDirectory("cx-bench-llm");
        Path cacheFile = dir.resolve("_llm_cache/answers.jsonl");
        try (LoopbackLlmServer server = LoopbackLlmServer.start(latencyMs, rpm)) {
            LlmJudgeConfig config = LlmJudgeConfig.defaults("openai", server.openAiBaseUrl(), "bench-model", null)
                    .withLimits(concurrency, rpm, 0).withStructuredOutput(structuredOutput);
            long t0 = System.nanoTime();
            List<JudgeResult> first;
            LlmJudge judge;
            try (JudgementCache cache = JudgementCache.open(cacheFile)) {
                judge = judge(config, prompt, cache);
                first = judge.judgeAll(cs);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<LoopbackLlmServer.Received> received = server.received();
            int calls = received.size();
            long promptTokens = sum(received, LoopbackLlmServer.Received::promptTokens);
            long systemTokens = sum(received, r -> LoopbackLlmServer.tokens(r.system()));
            long userTokens = sum(received, r -> LoopbackLlmServer.tokens(r.user()));
            long schemaTokens = sum(received, LoopbackLlmServer.Received::schemaTokens);
            long formatTokens = sum(received, LoopbackLlmServer.Received::formatTokens);
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
                rerun = judge(config, prompt, cache);
                rerun.judgeAll(cs);
            }
            int rerunCalls = server.received().size() - calls;

            double perMinute = calls / seconds * 60;
            double tx = transcriptTokens;
            int perCall = Math.max(1, calls);
            System.out.printf(Locale.ROOT, "conversations                      %d (%s), %d scored%n", cs.size(), source, scored);
            System.out.printf(Locale.ROOT, "prompt                             %s v%s (hash %s), answer schema %s%n", prompt.id(), prompt.version(),
                    prompt.hash(), structuredOutput ? "sent as the response format" : "not sent: described in the system prompt");
            System.out.printf(Locale.ROOT, "server                             latency %d ms, limit %d requests/min, %d refused with 429%n",
                    latencyMs, rpm, server.rateLimited());
            System.out.printf(Locale.ROOT, "calls per conversation             %.3f (%d calls)%n", calls / (double) cs.size(), calls);
            System.out.printf(Locale.ROOT, "prompt tokens / transcript tokens  %.3f (%d / %d, cl100k; transcript %.1f tokens a conversation)%n",
                    promptTokens / tx, promptTokens, transcriptTokens, tx / cs.size());
            System.out.printf(Locale.ROOT, "  of which the fixed system prompt %d tokens per call (%.3f of the ratio); per-conversation part alone %.3f%n",
                    systemTokens / perCall, systemTokens / tx, (promptTokens - systemTokens) / tx);
            System.out.printf(Locale.ROOT, "  by part, per call                system %.1f + user %.1f + response-format schema %.1f + chat format %.1f tokens%n",
                    systemTokens / (double) perCall, userTokens / (double) perCall, schemaTokens / (double) perCall, formatTokens / (double) perCall);
            System.out.printf(Locale.ROOT, "  by part, of the ratio            system %.3f + user %.3f + schema %.3f + chat format %.3f%n",
                    systemTokens / tx, userTokens / tx, schemaTokens / tx, formatTokens / tx);
            System.out.printf(Locale.ROOT, "achieved share of the rate limit   %.1f%% (%.1f requests/min over %.1f s)%n", 100 * perMinute / rpm, perMinute, seconds);
            System.out.printf(Locale.ROOT, "calls on an unchanged re-run       %d (%d answers from the cache)%n", rerunCalls, rerun.ledger().cacheHits());
            System.out.println(judge.ledger().summary());
            Map<String, Integer> byProtocol = server.countsByProtocol();
            if (!byProtocol.keySet().equals(java.util.Set.of("openai"))) System.out.println("protocols " + byProtocol);
        }
        return 0;
    }

    /** A judge on the loopback server's config with the bench's prompt, answering from and into the cache. */
    private static LlmJudge judge(LlmJudgeConfig config, JudgePrompt prompt, JudgementCache cache) {
        return LlmJudge.builder(config, ChatModels.build(config, System::getenv)).rubric(RubricBundle.defaults(), prompt).cache(cache).build();
    }

    private static long sum(List<LoopbackLlmServer.Received> rs, ToLongFunction<LoopbackLlmServer.Received> f) {
        return rs.stream().mapToLong(f).sum();
    }

    /** Reads the --input files into {@code out}, up to --conversations; returns a description of the source. */
    private String read(List<Conversation> out) throws IOException {
        List<InputFile> files;
        try {
            files = InputFiles.expand(inputs, format);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
        int limit = conversations != null ? conversations : Integer.MAX_VALUE;
        int rejected = 0;
        Map<String, Integer> byFormat = new LinkedHashMap<>();
        for (InputFile f : files) {
            if (out.size() >= limit) break;
            try (var records = ConversationReaders.forFormat(f.format()).open(Path.of(f.path()))) {
                while (records.hasNext() && out.size() < limit) {
                    ReadResult r = records.next();
                    if (r instanceof ReadResult.Read read) {
                        out.add(read.conversation());
                        byFormat.merge(f.format(), 1, Integer::sum);
                    } else {
                        rejected++;
                    }
                }
            }
        }
        return files.size() + " file(s): " + byFormat + (rejected > 0 ? ", " + rejected + " unreadable records skipped" : "");
    }
}
