package io.cxscore.core.score;

import io.cxscore.core.model.Conversation;

/** Scores a conversation on the rubric. Implementations are thread-safe and hold no per-call state. */
public interface Judge {
    JudgeResult judge(Conversation conversation);

    Provenance provenance();
}
