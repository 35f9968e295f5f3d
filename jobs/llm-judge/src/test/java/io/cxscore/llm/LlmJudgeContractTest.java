package io.cxscore.llm;

import io.cxscore.core.score.Judge;
import io.cxscore.core.score.JudgeResult;
import io.cxscore.core.testing.JudgeContract;
import io.cxscore.llm.loopback.LoopbackLlmServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class LlmJudgeContractTest extends JudgeContract {
    private static LoopbackLlmServer server;
    private static LoopbackLlmServer failing;

    @BeforeAll
    static void start() throws Exception {
        server = LoopbackLlmServer.start();
        failing = LoopbackLlmServer.start().script(r -> new LoopbackLlmServer.Status(500, null, null));
    }

    @AfterAll
    static void stop() {
        server.close();
        failing.close();
    }

    @Override
    protected Judge judge() {
        return LoopbackJudges.judge(LoopbackJudges.config(server, "openai")).build();
    }

    @Override
    protected List<JudgeResult> unscoredExamples(Judge healthy) {
        LlmJudge broken = LoopbackJudges.judge(LoopbackJudges.config(failing, "openai")).build();
        return contractConversations().stream().limit(2).map(broken::judge).toList();
    }
}
