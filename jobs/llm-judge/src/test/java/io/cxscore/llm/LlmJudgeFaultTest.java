package io.cxscore.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.demo.DemoGenerator;
import io.cxscore.core.llm.JudgePrompt;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.score.JudgeResult;
import io.cxscore.core.testing.JudgeContract;
import io.cxscore.llm.loopback.LoopbackLlmServer;
import io.cxscore.llm.loopback.LoopbackLlmServer.Answer;
import io.cxscore.llm.loopback.LoopbackLlmServer.Reply;
import io.cxscore.llm.loopback.LoopbackLlmServer.Slow;
import io.cxscore.llm.loopback.LoopbackLlmServer.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults on the wire: retries where they help, and never a score from an answer that is not valid. */
class LlmJudgeFaultTest {
    private static final Pattern TRANSCRIPT = Pattern.compile("^<([a-z]+)>\n(.*)\n</\\1>$", Pattern.DOTALL);
    private LoopbackLlmServer server;

    @BeforeEach
    void start() throws Exception {
        server = LoopbackLlmServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmJudge judge(int attempts, Duration timeout) {
        LlmJudgeConfig c = LoopbackJudges.config(server, "openai").withRetries(attempts, Duration.ofMillis(20), timeout);
        return LoopbackJudges.judge(c).build();
    }

    private static Conversation conversation() {
        return JudgeContract.contractConversations().get(0);
    }

    @Test
    void should_wait_as_long_as_retry_after_says_and_then_score_when_rate_limited() {
        // given
        server.script(r -> r.sequence() == 1 ? new Status(429, 1, null) : new Answer(LoopbackLlmServer.plausibleAnswer(r.user())));
        LlmJudge judge = judge(3, Duration.ofSeconds(5));

        // when
        long t0 = System.nanoTime();
        JudgeResult r = judge.judge(conversation());
        long millis = (System.nanoTime() - t0) / 1_000_000;

        // then
        assertThat(r.status()).isEqualTo(JudgeResult.SCORED);
        assertThat(server.received()).hasSize(2);
        assertThat(millis).isGreaterThanOrEqualTo(950);
        assertThat(judge.ledger().retries()).isEqualTo(1);
        assertThat(judge.ledger().calls()).isEqualTo(2);
    }

    @Test
    void should_retry_a_server_error_and_score_the_answer_that_follows() {
        // given
        server.script(r -> r.sequence() <= 2 ? new Status(503, null, null) : new Answer(LoopbackLlmServer.plausibleAnswer(r.user())));

        // when
        JudgeResult r = judge(3, Duration.ofSeconds(5)).judge(conversation());

        // then
        assertThat(r.status()).isEqualTo(JudgeResult.SCORED);
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void should_fail_without_a_score_when_every_answer_comes_after_the_timeout() {
        // given
        server.script(r -> new Slow(1500, new Answer(LoopbackLlmServer.plausibleAnswer(r.user()))));

        // when
        JudgeResult r = judge(2, Duration.ofMillis(300)).judge(conversation());

        // then
        assertThat(r.status()).isEqualTo(JudgeResult.FAILED);
        assertThat(r.statusReason()).contains("2 attempt(s)").containsIgnoringCase("timed out");
        assertThat(r.cx()).isNull();
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void should_not_retry_and_not_score_when_the_request_is_refused_as_bad() {
        // given
        server.script(r -> new Status(400, null, "{\"error\":{\"message\":\"model not found\"}}"));

        // when
        JudgeResult r = judge(3, Duration.ofSeconds(5)).judge(conversation());

        // then
        assertThat(r.status()).isEqualTo(JudgeResult.FAILED);
        assertThat(r.statusReason()).contains("HTTP 400");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void should_mark_invalid_and_not_call_again_when_the_answer_is_truncated_out_of_range_or_has_extra_fields() {
        // given
        String good = LoopbackLlmServer.plausibleAnswer("3 turns, 0..2; thank you");
        List<String> bad = List.of(good.substring(0, 80), good.replace("\"score\":2", "\"score\":7"),
                good.replace("\"rationale\"", "\"confidence_overall\":0.9,\"rationale\""),
                good.replace("\"evidence\":[2]}", "\"evidence\":[9]}"));
        assertThat(bad).doesNotContain(good);
        List<String> reasons = List.of("not one complete JSON object", "effort.score: 7 is outside 1..5",
                "unexpected field(s) [confidence_overall]", "turn 9 does not exist");

        for (int i = 0; i < bad.size(); i++) {
            String answer = bad.get(i);
            server.script(r -> new Answer(answer));
            int before = server.received().size();

            // when
            JudgeResult r = judge(3, Duration.ofSeconds(5)).judge(conversation());

            // then
            assertThat(r.status()).isEqualTo(JudgeResult.INVALID);
            assertThat(r.statusReason()).contains(reasons.get(i));
            assertThat(r.resolution()).isNull();
            assertThat(r.cx()).isNull();
            assertThat(server.received().size() - before).isEqualTo(1);
        }
    }

    @Test
    void should_turn_no_faulty_answer_into_a_score_when_thirty_percent_of_replies_are_faults() {
        // given: every request draws a fault with probability 0.3 (seeded), from every kind the wire can produce
        List<Conversation> conversations = DemoGenerator.builder().seed(7).build()
                .conversations(DemoGenerator.DEFAULT_END).subList(0, 60);
        java.util.Random dice = new java.util.Random(11);
        Map<String, String> lastReplyKind = new ConcurrentHashMap<>();
        server.script(r -> {
            Matcher m = TRANSCRIPT.matcher(r.user());
            String key = m.find() ? m.group(2) : r.user();
            String good = LoopbackLlmServer.plausibleAnswer(r.user());
            double roll;
            int kind;
            synchronized (dice) {
                roll = dice.nextDouble();
                kind = dice.nextInt(7);
            }
            if (roll >= 0.3) {
                lastReplyKind.put(key, "valid");
                return new Answer(good);
            }
            Reply fault = switch (kind) {
                case 0 -> new Answer(good.substring(0, good.length() / 2));
                case 1 -> new Answer(good.replaceFirst("\"value\":[-0-9.]+", "\"value\":3.5"));
                case 2 -> new Answer(good.replace("\"rationale\"", "\"extra\":1,\"rationale\""));
                case 3 -> new Answer(good.replaceFirst("\"evidence\":\\[\\d+]", "\"evidence\":[999]"));
                case 4 -> new Status(500, null, null);
                case 5 -> new Status(429, 0, null);
                default -> new Slow(700, new Answer(good));
            };
            lastReplyKind.put(key, kind <= 3 ? "invalid" : "error");
            return fault;
        });
        LlmJudge judge = LoopbackJudges.judge(LoopbackJudges.config(server, "openai").withRetries(2, Duration.ofMillis(10),
                Duration.ofMillis(400)).withLimits(8, 0, 0)).build();

        // when
        List<JudgeResult> results = judge.judgeAll(conversations);

        // then
        int fabricated = 0;
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < conversations.size(); i++) {
            JudgeResult r = results.get(i);
            String key = JudgePrompt.defaults().transcript(io.cxscore.core.redact.PiiRedactor.standard().redact(conversations.get(i)).conversation(), "\u0000").text();
            String last = lastReplyKind.get(key);
            statuses.add(r.status());
            if (r.isScored() && !"valid".equals(last)) fabricated++;
            if (!r.isScored()) assertThat(r.cx()).isNull();
            if ("invalid".equals(last)) assertThat(r.status()).isEqualTo(JudgeResult.INVALID);
        }
        assertThat(fabricated).isZero();
        assertThat(statuses).contains(JudgeResult.SCORED, JudgeResult.INVALID);
        assertThat(statuses.stream().filter(JudgeResult.SCORED::equals).count()).isGreaterThan(30);
    }
}
