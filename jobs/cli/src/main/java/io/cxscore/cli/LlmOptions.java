package io.cxscore.cli;

import io.cxscore.core.llm.JudgePrompt;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.llm.ChatModels;
import io.cxscore.llm.JudgementCache;
import io.cxscore.llm.LlmJudge;
import io.cxscore.llm.LlmJudgeConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How to reach the LLM judge: a provider file (keys come from the environment it names), and cache behaviour. */
final class LlmOptions {
    @Option(names = "--llm-config", paramLabel = "FILE",
            description = "LLM provider file (YAML: provider, base_url, model, api_key_env, limits, budget, prices). See the README.")
    Path config;

    @Option(names = "--rescore", description = "Call the LLM even for conversations whose answer is cached (re-measure on purpose).")
    boolean rescore;

    LlmJudgeConfig config() {
        if (config == null) throw new UserFacingException("--llm-config FILE is required for the LLM judge");
        try {
            return LlmJudgeConfig.load(config);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
    }

    @Option(names = "--prompt-version", paramLabel = "V",
            description = "A released version of the judge prompt (prompts/prompt.yaml lists them); default: its current one. "
                    + "An older version reproduces the scores made with it.")
    String promptVersion;

    /** The prompt beside the rubric: DIR/prompts for --rubric DIR, else the bundled one; --prompt-version or the current. */
    JudgePrompt prompt(RubricOption rubric) {
        try {
            return rubric.dir == null ? JudgePrompt.defaults(promptVersion)
                    : JudgePrompt.fromDirectory(rubric.dir.resolve("prompts"), promptVersion);
        } catch (io.cxscore.core.rubric.RubricException e) {
            throw new UserFacingException(e.getMessage());
        }
    }

    LlmJudge judge(RubricBundle bundle, JudgePrompt prompt, JudgementCache cache) {
        LlmJudgeConfig c = config();
        try {
            return LlmJudge.builder(c, ChatModels.build(c, System::getenv)).rubric(bundle, prompt).cache(cache)
                    .rescore(rescore).notices(System.err::println).build();
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(config + ": " + e.getMessage());
        }
    }
}
