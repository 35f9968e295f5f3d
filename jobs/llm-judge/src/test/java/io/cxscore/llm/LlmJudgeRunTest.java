package io.cxscore.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxscore.core.model.Conversation;
import io.cxscore.core.score.JudgeResult;
import io.cxscore.core.testing.JudgeContract;
import io.cxscore.llm.loopback.LoopbackLlmServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run around the calls: cache, budget, ledger, limits, configuration. */
class LlmJudgeRunTest {
    private LoopbackLlmServer server;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackLlmServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void should_make_no_call_on_an_unchanged_rerun_and_call_again_when_rescoring(@TempDir Path dir) throws Exception {
        // given
        List<Conversation> cs = JudgeContract.contractConversations();
        Path file = dir.resolve("_llm_cache/answers.jsonl");
        LlmJudgeConfig config = LoopbackJudges.config(server, "openai");
        List<JudgeResult> first;
        try (JudgementCache cache = JudgementCache.open(file)) {
            first = LoopbackJudges.judge(config).cache(cache).build().judgeAll(cs);
        }

        // when
        List<JudgeResult> second;
        LlmJudge rerun;
        try (JudgementCache cache = JudgementCache.open(file)) {
            rerun = LoopbackJudges.judge(config).cache(cache).build();
            second = rerun.judgeAll(cs);
        }
        int afterRerun = server.received().size();
        try (JudgementCache cache = JudgementCache.open(file)) {
            LoopbackJudges.judge(config).cache(cache).rescore(true).build().judgeAll(cs);
        }

        // then
        assertThat(afterRerun).isEqualTo(cs.size());
        assertThat(rerun.ledger().calls()).isZero();
        assertThat(rerun.ledger().cacheHits()).isEqualTo(cs.size());
        assertThat(second).extracting(JudgeResult::cx).containsExactlyElementsOf(first.stream().map(JudgeResult::cx).toList());
        assertThat(server.received()).hasSize(2 * cs.size());
    }

    @Test
    void should_call_again_when_the_model_or_the_conversation_changes() {
        // given
        JudgementCache cache = JudgementCache.inMemory();
        Conversation c = JudgeContract.contractConversations().get(0);
        LoopbackJudges.judge(LoopbackJudges.config(server, "openai")).cache(cache).build().judge(c);
        LlmJudgeConfig otherModel = LlmJudgeConfig.defaults("openai", server.openAiBaseUrl(), "another-model", LoopbackJudges.KEY_ENV);

        // when
        LoopbackJudges.judge(otherModel).cache(cache).build().judge(c);
        LoopbackJudges.judge(LoopbackJudges.config(server, "openai")).cache(cache).build()
                .judge(io.cxscore.core.testing.Conversations.of(c.id()).customer("My invoice shows the wrong address!").build());

        // then
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void should_skip_the_rest_with_a_reason_and_keep_finished_results_when_the_budget_is_spent() {
        // given: prices make one call cost about $0.0006; the cap allows two worst-case calls
        List<Conversation> cs = JudgeContract.contractConversations();
        LlmJudgeConfig config = LoopbackJudges.config(server, "openai").withLimits(1, 0, 0).withBudget(0.004, 0, 1.0, 2.0);
        List<String> notices = new ArrayList<>();
        LlmJudge judge = LoopbackJudges.judge(config).notices(notices::add).build();

        // when
        List<JudgeResult> results = judge.judgeAll(cs);

        // then
        long scored = results.stream().filter(JudgeResult::isScored).count();
        long skipped = results.stream().filter(r -> JudgeResult.SKIPPED.equals(r.status())).count();
        assertThat(scored).isGreaterThanOrEqualTo(1);
        assertThat(skipped).isGreaterThanOrEqualTo(1);
        assertThat(scored + skipped).isEqualTo(cs.size());
        assertThat(server.received()).hasSize((int) scored);
        assertThat(judge.ledger().cost()).isLessThanOrEqualTo(0.004);
        assertThat(notices).singleElement().asString().contains("budget reached");
        assertThat(results).filteredOn(r -> !r.isScored()).allSatisfy(r -> assertThat(r.statusReason()).contains("budget"));
    }

    @Test
    void should_record_tokens_and_cost_by_the_price_table_in_the_ledger(@TempDir Path dir) throws Exception {
        // given
        LlmJudgeConfig config = LoopbackJudges.config(server, "openai").withBudget(0, 0, 3.0, 15.0);
        LlmJudge judge = LoopbackJudges.judge(config).build();

        // when
        judge.judgeAll(JudgeContract.contractConversations());
        judge.ledger().write(dir.resolve("ledger.json"), "r1");

        // then
        long in = server.received().stream().mapToLong(LoopbackLlmServer.Received::promptTokens).sum();
        assertThat(judge.ledger().tokensIn()).isEqualTo(in);
        assertThat(judge.ledger().cost()).isCloseTo(in * 3.0 / 1e6 + judge.ledger().tokensOut() * 15.0 / 1e6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Files.readString(dir.resolve("ledger.json"))).contains("\"tokens_in\" : " + in, "\"calls\" : 6");
    }

    @Test
    void should_space_calls_to_the_requests_per_minute_limit() throws Exception {
        // given: 1,200/min is 20/s with a half-second burst of 10
        RateLimiter limiter = new RateLimiter(1200, 0);

        // when
        long t0 = System.nanoTime();
        for (int i = 0; i < 30; i++) limiter.acquire(100);
        long millis = (System.nanoTime() - t0) / 1_000_000;

        // then: twenty calls beyond the burst at 50 ms each
        assertThat(millis).isBetween(940L, 1500L);
    }

    @Test
    void should_reject_a_config_file_that_holds_a_key_or_an_unknown_field(@TempDir Path dir) throws Exception {
        // given
        Path withKey = Files.writeString(dir.resolve("a.yaml"), "provider: openai\nmodel: m\napi_key: sk-123\n");
        Path unknown = Files.writeString(dir.resolve("b.yaml"), "provider: openai\nmodel: m\ntemprature: 0\n");
        Path ok = Files.writeString(dir.resolve("c.yaml"), "provider: anthropic\nmodel: claude\napi_key_env: ANTHROPIC_API_KEY\n"
                + "requests_per_minute: 50\nbudget: {max_cost_usd: 5}\nprices: {input_usd_per_mtok: 3, output_usd_per_mtok: 15}\n");

        // when / then
        assertThatThrownBy(() -> LlmJudgeConfig.load(withKey)).hasMessageContaining("a.yaml: api_key: API keys are read from the environment only");
        assertThatThrownBy(() -> LlmJudgeConfig.load(unknown)).hasMessageContaining("temprature: unknown field");
        LlmJudgeConfig c = LlmJudgeConfig.load(ok);
        assertThat(c.cost(1_000_000, 1_000_000)).isEqualTo(18.0);
        assertThat(c.requestsPerMinute()).isEqualTo(50);
        assertThatThrownBy(() -> ChatModels.build(c, name -> null)).hasMessageContaining("ANTHROPIC_API_KEY is not set");
    }
}
