package io.cxscore.core.judge;

import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.score.Judge;
import io.cxscore.core.testing.JudgeContract;

class OfflineJudgeContractTest extends JudgeContract {
    private static final OfflineJudge JUDGE = OfflineJudge.from(RubricBundle.defaults());

    @Override
    protected Judge judge() {
        return JUDGE;
    }
}
