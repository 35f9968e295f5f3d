package io.cxscore.core.llm;

import io.cxscore.core.gaps.GapFinding;
import io.cxscore.core.judge.OfflineJudge;
import io.cxscore.core.redact.RedactedConversation;
import io.cxscore.core.rubric.Rubric;
import io.cxscore.core.score.CxScore;
import io.cxscore.core.score.Effort;
import io.cxscore.core.score.EffortSignals;
import io.cxscore.core.score.JudgeResult;
import io.cxscore.core.score.Provenance;
import io.cxscore.core.score.Resolution;
import io.cxscore.core.score.ResolutionScore;
import io.cxscore.core.score.SentimentShift;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An LLM judge's answer that passed {@link JudgeAnswerParser}: every value in range, every turn real. */
public record JudgeAnswer(Resolution resolution, double resolutionValue, double resolutionConfidence,
                          List<Integer> resolutionEvidence, double sentimentStart, double sentimentEnd, int shift,
                          double sentimentConfidence, List<Integer> sentimentEvidence, int effort,
                          double effortConfidence, List<Integer> effortEvidence, List<Gap> gaps, String rationale) {

    public record Gap(String category, String subcategory, double confidence, List<Integer> evidence, String aiFault) {}

    /**
     * The scored result: drivers as answered, the CX score from the rubric's formula (never from the model), and
     * the rationale with redacted values restored, because it is shown to people here, not sent anywhere.
     *
     * @param original the conversation as read (before redaction)
     * @param signals the countable hoops, measured on the transcript, stored beside the judged effort
     */
    public JudgeResult toResult(Conversation original, RedactedConversation redacted, Provenance provenance,
                                Rubric rubric, EffortSignals signals) {
        ResolutionScore r = new ResolutionScore(resolution, resolutionValue, resolutionConfidence, resolutionEvidence);
        double[] perTurn = new double[original.messages().size()];
        Arrays.fill(perTurn, Double.NaN);
        int first = -1;
        int last = -1;
        for (var m : original.messages()) {
            if (m.role() == Role.CUSTOMER && m.isPublic()) {
                if (first < 0) first = m.index();
                last = m.index();
            }
        }
        if (first >= 0) perTurn[first] = sentimentStart;
        if (last >= 0) perTurn[last] = sentimentEnd;
        SentimentShift s = new SentimentShift(sentimentStart, sentimentEnd, shift, sentimentConfidence, sentimentEvidence, perTurn);
        Effort e = new Effort(effort, effort, effortConfidence, signals, effortEvidence);
        CxScore cx = rubric.cx().score(r, s, e);
        String why = redacted.restore(rationale).trim();
        String explanation = OfflineJudge.explain(r, s, e, cx) + (why.isEmpty() ? "" : " Judge: " + why);
        List<GapFinding> findings = new ArrayList<>();
        for (Gap g : gaps) {
            findings.add(new GapFinding(g.category(), g.subcategory(), g.confidence(), g.evidence(), g.aiFault(),
                    provenance.judge(), null, why.isEmpty() ? null : why));
        }
        return new JudgeResult(original.id(), provenance, JudgeResult.SCORED, null, r, s, e, cx, explanation, findings);
    }
}
