package io.cxscore.stream;

import io.cxscore.core.aggregate.CxObservation;
import io.cxscore.core.ingest.CxJsonl;
import io.cxscore.core.ingest.QuarantineRecord;
import io.cxscore.core.gaps.GapClassifier;
import io.cxscore.core.gaps.GapOwners;
import io.cxscore.core.gaps.GapsBundle;
import io.cxscore.core.judge.OfflineJudge;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.score.Judge;
import io.cxscore.core.score.JudgeResult;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Scores each closed conversation with the same judge as batch ({@link OfflineJudge} over the rubric
 * bundle) and fans the result out: the score row (main output), the conversation row, gap updates and
 * the per-team observation (side outputs). A conversation the judge throws on is quarantined with
 * {@code field = judge}, as batch does.
 */
public class ScoreConversations extends ProcessFunction<ClosedConversation, ScoreRow> {
    public static final OutputTag<ConversationRow> CONVERSATIONS = new OutputTag<>("conversations") {};
    public static final OutputTag<GapUpdate> GAP_UPDATES = new OutputTag<>("gap-updates") {};
    public static final OutputTag<TeamObservation> TEAM_OBSERVATIONS = new OutputTag<>("team-observations") {};
    public static final OutputTag<QuarantineRow> QUARANTINE = new OutputTag<>("judge-quarantine") {};

    private final RubricBundle bundle;
    private transient Judge judge;
    private transient GapClassifier classifier;
    private transient GapOwners owners;
    private transient Counter scored;
    private transient Counter notScored;

    public ScoreConversations(RubricBundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public void open(OpenContext ctx) {
        OfflineJudge offline = OfflineJudge.from(bundle);
        judge = offline;
        classifier = offline.gapClassifier();
        owners = GapsBundle.defaults().owners();
        scored = getRuntimeContext().getMetricGroup().counter("conversationsScored");
        notScored = getRuntimeContext().getMetricGroup().counter("conversationsNotScored");
    }

    @Override
    public void processElement(ClosedConversation closed, Context ctx, Collector<ScoreRow> out) throws Exception {
        Conversation c = CxJsonl.parse(MessageEvents.JSON.readTree(closed.conversationJson), CxJsonl.FORMAT);
        JudgeResult r;
        try {
            r = judge.judge(c);
        } catch (RuntimeException e) {
            ctx.output(QUARANTINE, QuarantineRow.of(new QuarantineRecord(closed.origin, closed.position, c.id(), "judge",
                    "the judge could not score it: " + e, ""), System.currentTimeMillis()));
            return;
        }
        (r.isScored() ? scored : notScored).inc();
        out.collect(ScoreRow.of(c, r, closed.version));
        ctx.output(CONVERSATIONS, ConversationRow.of(c, closed.version, closed.conversationJson));
        for (GapUpdate u : GapUpdate.of(c, r, closed.version, classifier, owners)) ctx.output(GAP_UPDATES, u);
        ctx.output(TEAM_OBSERVATIONS, TeamObservation.of(c.team(), CxObservation.of(r)));
    }
}
