package io.cxscore.llm;

import io.cxscore.llm.loopback.LoopbackLlmServer;
import java.time.Duration;
import java.util.Map;

/** Judges wired to a loopback server through the production langchain4j clients. */
final class LoopbackJudges {
    static final String KEY_ENV = "CX_TEST_LLM_KEY";
    static final String KEY = "sk-test-5eCr3t-0000";

    private LoopbackJudges() {}

    static LlmJudgeConfig config(LoopbackLlmServer server, String provider) {
        String base = switch (provider) {
            case "openai" -> server.openAiBaseUrl();
            case "anthropic" -> server.anthropicBaseUrl();
            default -> server.ollamaBaseUrl();
        };
        // short timeouts and backoff: the fault tests must stay fast
        return LlmJudgeConfig.defaults(provider, base, "judge-model", provider.equals("ollama") ? null : KEY_ENV)
                .withRetries(3, Duration.ofMillis(20), Duration.ofSeconds(5));
    }

    static LlmJudge.Builder judge(LlmJudgeConfig config) {
        return LlmJudge.builder(config, ChatModels.build(config, Map.of(KEY_ENV, KEY)::get));
    }
}
