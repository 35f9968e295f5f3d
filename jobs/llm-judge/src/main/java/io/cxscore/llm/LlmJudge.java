package io.cxscore.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.cxscore.core.judge.OfflineJudge;
import io.cxscore.core.llm.GapVocabulary;
import io.cxscore.core.llm.InvalidAnswerException;
import io.cxscore.core.llm.JudgeAnswer;
import io.cxscore.core.llm.JudgeAnswerParser;
import io.cxscore.core.llm.JudgePrompt;
import io.cxscore.core.llm.Transcript;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.redact.PiiRedactor;
import io.cxscore.core.redact.RedactedConversation;
import io.cxscore.core.rubric.Rubric;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.rubric.RubricLoader;
import io.cxscore.core.score.Judge;
import io.cxscore.core.score.JudgeResult;
import io.cxscore.core.score.Provenance;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The LLM judge: one call per conversation returns resolution, sentiment shift, effort, gaps and a rationale.
 *
 * <p>Per conversation: personal data is replaced by placeholders, the transcript is delimited by a fresh random
 * boundary, the answer is taken from the cache when this exact conversation was judged with this rubric, model
 * and prompt before (unless re-scoring), else the call goes through the rate limiter and the budget, is retried
 * on 429/5xx/timeouts with backoff and jitter (a Retry-After wins), and the answer is parsed strictly. The CX score
 * comes from the rubric's formula. Anything short of a valid answer is a result without a score: invalid, failed
 * or skipped, with the reason.
 */
public final class LlmJudge implements Judge {
    public static final String NAME = "llm";

    private final LlmJudgeConfig config;
    private final ChatModel model;
    private final Rubric rubric;
    private final JudgePrompt prompt;
    private final JudgeAnswerParser parser;
    private final OfflineJudge signals;
    private final PiiRedactor redactor = PiiRedactor.standard();
    private final String system;
    private final ResponseFormat responseFormat;
    private final int schemaChars;
    private final Provenance provenance;
    private final JudgementCache cache;
    private final boolean rescore;
    private final RateLimiter limiter;
    private final CostLedger ledger;
    private final Semaphore inFlight;
    private final Consumer<String> notices;

    private LlmJudge(Builder b) {
        this.config = b.config;
        this.model = b.model;
        this.rubric = b.bundle.rubric();
        this.prompt = b.prompt;
        GapVocabulary vocabulary = b.vocabulary;
        this.parser = new JudgeAnswerParser(rubric, vocabulary);
        this.signals = OfflineJudge.from(b.bundle);
        this.responseFormat = config.structuredOutput() ? ChatModels.responseFormat(prompt.answerSchema()) : null;
        // with the schema in the request the model is given it there, so the system message does not repeat it
        this.system = prompt.system(rubric, vocabulary, responseFormat != null);
        this.schemaChars = responseFormat != null ? ChatModels.schemaAsSent(prompt.answerSchema()).length() : 0;
        String paramHash = RubricLoader.sha256((rubric.sha256() + "|" + prompt.hash() + "|" + vocabulary.version() + "|"
                + config.modelId() + "|t=0|max=" + config.maxOutputTokens() + schemaMark()).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        this.provenance = new Provenance(NAME, config.modelId(), rubric.id(), rubric.version(), paramHash);
        this.cache = b.cache != null ? b.cache : JudgementCache.inMemory();
        this.rescore = b.rescore;
        this.limiter = new RateLimiter(config.requestsPerMinute(), config.tokensPerMinute());
        this.ledger = new CostLedger(config);
        this.inFlight = new Semaphore(config.concurrency());
        this.notices = b.notices;
    }

    public static Builder builder(LlmJudgeConfig config, ChatModel model) {
        return new Builder(config, model);
    }

    public static final class Builder {
        private final LlmJudgeConfig config;
        private final ChatModel model;
        private RubricBundle bundle = RubricBundle.defaults();
        private JudgePrompt prompt = JudgePrompt.defaults();
        private GapVocabulary vocabulary = GapVocabulary.defaults();
        private JudgementCache cache;
        private boolean rescore;
        private Consumer<String> notices = s -> {};

        private Builder(LlmJudgeConfig config, ChatModel model) {
            this.config = config;
            this.model = model;
        }

        public Builder rubric(RubricBundle b, JudgePrompt p) {
            this.bundle = b;
            this.prompt = p;
            return this;
        }

        public Builder cache(JudgementCache c) {
            this.cache = c;
            return this;
        }

        /** Call the model even when the cache has an answer (the new answer replaces it). */
        public Builder rescore(boolean r) {
            this.rescore = r;
            return this;
        }

        /** Where one-line run notices go (the budget running out); the CLI passes stderr. */
        public Builder notices(Consumer<String> n) {
            this.notices = n;
            return this;
        }

        public LlmJudge build() {
            return new LlmJudge(this);
        }
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    public CostLedger ledger() {
        return ledger;
    }

    public JudgePrompt prompt() {
        return prompt;
    }

    public LlmJudgeConfig config() {
        return config;
    }

    /** Empty for a prompt whose text does not depend on it (v1), so that v1's hashes and keys stay as they were. */
    private String schemaMark() {
        return prompt.dependsOnSchemaInRequest() ? "|schema_in_request=" + (responseFormat != null) : "";
    }

    /**
     * What makes two judgements the same: the conversation's content as the judge sees it (redacted, without the
     * per-request boundary), the rubric, the model and the prompt.
     */
    public String cacheKey(Conversation c) {
        RedactedConversation r = redactor.redact(c);
        // NUL never occurs in text, so the fixed boundary escapes nothing
        String content = prompt.transcript(r.conversation(), "\u0000").text();
        return RubricLoader.sha256((content + "\u0000" + rubric.id() + "\u0000" + rubric.version() + "\u0000"
                + rubric.sha256() + "\u0000" + config.modelId() + "\u0000" + prompt.hash() + schemaMark()).getBytes(StandardCharsets.UTF_8));
    }

    /** Judges many conversations with the configured concurrency; results in input order. */
    public List<JudgeResult> judgeAll(List<Conversation> conversations) {
        ExecutorService pool = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "llm-judge");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<JudgeResult>> futures = new ArrayList<>(conversations.size());
            for (Conversation c : conversations) futures.add(pool.submit(() -> judge(c)));
            List<JudgeResult> out = new ArrayList<>(conversations.size());
            for (Future<JudgeResult> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while judging", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("judging failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public JudgeResult judge(Conversation c) {
        ledger.conversation();
        RedactedConversation redacted = redactor.redact(c);
        String key = cacheKey(c);
        if (!rescore) {
            JudgementCache.Entry hit = cache.get(key);
            if (hit != null) {
                ledger.cacheHit();
                return verdict(c, redacted, hit.answer());
            }
        }
        Transcript transcript = prompt.transcript(redacted.conversation());
        String user = prompt.user(transcript);
        // the schema sent as the response format is read by the model too (OpenAI and Anthropic bill it as input)
        int estimate = (system.length() + user.length() + schemaChars) / 4 + 1;
        if (!ledger.reserve(estimate)) {
            if (ledger.skippedForBudget()) {
                notices.accept("LLM budget reached (" + String.format(Locale.ROOT, "$%.4f spent, %d tokens", ledger.cost(),
                        ledger.tokensIn() + ledger.tokensOut()) + "): the remaining conversations are skipped, finished results are kept");
            }
            return JudgeResult.unscored(c.id(), provenance, JudgeResult.SKIPPED, "run budget reached before this conversation; not sent");
        }
        try {
            inFlight.acquire();
            try {
                return call(c, redacted, key, user, estimate);
            } finally {
                inFlight.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JudgeResult.unscored(c.id(), provenance, JudgeResult.FAILED, "interrupted before the call finished");
        } finally {
            ledger.release(estimate);
        }
    }

    private JudgeResult call(Conversation c, RedactedConversation redacted, String key, String user, int estimate)
            throws InterruptedException {
        var params = ChatRequestParameters.builder().temperature(0.0).maxOutputTokens(config.maxOutputTokens());
        if (responseFormat != null) params.responseFormat(responseFormat);
        ChatRequest request = ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user))
                .parameters(params.build()).build();
        String lastError = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            limiter.acquire(estimate + config.maxOutputTokens());
            Duration wait;
            try {
                ChatResponse response = model.chat(request);
                TokenUsage usage = response.tokenUsage();
                String text = response.aiMessage() == null ? null : response.aiMessage().text();
                long in = usage != null && usage.inputTokenCount() != null ? usage.inputTokenCount() : estimate;
                long out = usage != null && usage.outputTokenCount() != null ? usage.outputTokenCount() : (text == null ? 0 : text.length() / 4);
                ledger.call(in, out);
                JudgeResult result = verdict(c, redacted, text);
                // a valid or invalid answer is a measurement of this model: keep it, so a re-run does not pay twice
                cache.put(key, new JudgementCache.Entry(text == null ? "" : text, in, out));
                return result;
            } catch (RuntimeException e) {
                Failure f = classify(e);
                if (f.status > 0 || f.transport) ledger.call(0, 0);
                lastError = f.describe();
                if (!f.retryable || attempt == config.maxAttempts()) break;
                ledger.retry();
                wait = f.retryAfter != null ? f.retryAfter : backoff(attempt);
            }
            Thread.sleep(Math.max(0, wait.toMillis()));
        }
        return JudgeResult.unscored(c.id(), provenance, JudgeResult.FAILED, "no answer after " + config.maxAttempts()
                + " attempt(s): " + lastError);
    }

    private JudgeResult verdict(Conversation c, RedactedConversation redacted, String answer) {
        try {
            JudgeAnswer a = parser.parse(answer, c.messages().size());
            return a.toResult(c, redacted, provenance, rubric, signals.effortSignals(c));
        } catch (InvalidAnswerException e) {
            return JudgeResult.unscored(c.id(), provenance, JudgeResult.INVALID, "answer rejected: " + e.getMessage());
        }
    }

    /** Exponential backoff from the configured base, capped at 30 s, with full jitter in its upper half. */
    private Duration backoff(int attempt) {
        long base = config.backoffBase().toMillis() * (1L << Math.min(10, attempt - 1));
        long capped = Math.min(30_000, base);
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private record Failure(int status, boolean transport, boolean retryable, Duration retryAfter, String message) {
        String describe() {
            String m = message == null ? "" : message.replaceAll("\\s+", " ");
            if (m.length() > 200) m = m.substring(0, 200) + "...";
            return status > 0 ? "HTTP " + status + (m.isEmpty() ? "" : " " + m) : m;
        }
    }

    static Failure classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HeaderAwareHttpClient.StatusException s) {
                int code = s.statusCode();
                return new Failure(code, false, code == 429 || code == 408 || code >= 500, s.retryAfter, s.getMessage());
            }
            if (t instanceof HttpException h) {
                int code = h.statusCode();
                return new Failure(code, false, code == 429 || code == 408 || code >= 500, null, h.getMessage());
            }
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return new Failure(0, true, true, null, "timed out");
            }
            if (t instanceof HeaderAwareHttpClient.TransportException || t instanceof java.io.IOException) {
                return new Failure(0, true, true, null, t.getMessage());
            }
        }
        return new Failure(0, false, false, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
