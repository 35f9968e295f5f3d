package io.cxscore.core.judge;

import io.cxscore.core.gaps.GapClassifier;
import io.cxscore.core.gaps.GapsBundle;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Role;
import io.cxscore.core.rubric.Rubric;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.score.CxScore;
import io.cxscore.core.score.Effort;
import io.cxscore.core.score.EffortSignals;
import io.cxscore.core.score.Judge;
import io.cxscore.core.score.JudgeResult;
import io.cxscore.core.score.Provenance;
import io.cxscore.core.score.Resolution;
import io.cxscore.core.score.ResolutionScore;
import io.cxscore.core.score.SentimentShift;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The default judge: no network, no model download. Reads lexical and structural signals from the
 * transcript, and turns them into rubric scores with linear models fitted on human labels
 * ({@code cx fit}). It never reads conversation metadata: labels and demo hints live there.
 */
public final class OfflineJudge implements Judge {
    public static final String NAME = "offline";

    private final Rubric rubric;
    private final SupportCues cues;
    private final OfflineJudgeParams params;
    private final Provenance provenance;
    /** Null only for the fit's own evaluation, which scores and never classifies gaps. */
    private final GapClassifier gaps;

    private OfflineJudge(Rubric rubric, SupportCues cues, OfflineJudgeParams params, Provenance provenance, GapClassifier gaps) {
        this.rubric = rubric;
        this.cues = cues;
        this.params = params;
        this.provenance = provenance;
        this.gaps = gaps;
    }

    /** The judge with the bundled gap taxonomy and classifier ({@code rubrics/gaps/v1}). */
    public static OfflineJudge from(RubricBundle bundle) {
        return from(bundle, GapsBundle.defaults());
    }

    /**
     * The judge that also classifies failure gaps with the given gap files. The provenance's param hash
     * stays the CX rubric's: gap findings carry the gap classifier's own hash ({@link GapClassifier#paramHash()}).
     */
    public static OfflineJudge from(RubricBundle bundle, GapsBundle gapsBundle) {
        Rubric rubric = bundle.rubric();
        SupportCues cues = SupportCues.parse(bundle.cuesYaml(), bundle.origin() + "/" + RubricBundle.CUES);
        OfflineJudgeParams params = OfflineJudgeParams.parse(bundle.paramsJson(), bundle.origin() + "/" + RubricBundle.PARAMS);
        return new OfflineJudge(rubric, cues, params,
                new Provenance(NAME, params.model(), rubric.id(), rubric.version(), bundle.paramHash()), GapClassifier.from(gapsBundle));
    }

    /** A judge with the given (freshly fitted) parameters, for the fit's own evaluation. */
    static OfflineJudge withParams(RubricBundle bundle, OfflineJudgeParams params) {
        Rubric rubric = bundle.rubric();
        return new OfflineJudge(rubric, SupportCues.parse(bundle.cuesYaml(), RubricBundle.CUES), params,
                new Provenance(NAME, params.model(), rubric.id(), rubric.version(), "unsaved"), null);
    }

    /** The gap classifier whose findings fill {@link JudgeResult#gaps()}; null for a fit's evaluation judge. */
    public GapClassifier gapClassifier() {
        return gaps;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    public OfflineJudgeParams params() {
        return params;
    }

    public Rubric rubric() {
        return rubric;
    }

    /** The fitted USS cut-points: per-turn customer sentiment onto USS's 1..5 satisfaction scale. */
    public int ussTurnClass(double sentiment) {
        return OfflineJudgeFit.ussClass(sentiment, params.ussCutpoints());
    }

    @Override
    public JudgeResult judge(Conversation c) {
        ConversationSignals s = new ConversationSignals(c, cues);
        SentimentShift sentiment = sentiment(s);
        double[] customerSentiment = customerSentiments(s, sentiment.turnSentiment());
        ResolutionScore resolution = resolution(s, customerSentiment);
        Effort effort = effort(s, customerSentiment);
        CxScore cx = rubric.cx().score(resolution, sentiment, effort);
        return new JudgeResult(c.id(), provenance, JudgeResult.SCORED, null, resolution, sentiment, effort, cx,
                explain(resolution, sentiment, effort, cx), gaps == null ? List.of() : gaps.classify(c));
    }

    /** The countable hoops in a conversation (turns, repeats, transfers, bot loops, waits), as this judge counts them. */
    public EffortSignals effortSignals(Conversation c) {
        return new ConversationSignals(c, cues).effortSignals();
    }

    /** Per-turn customer sentiment from the fitted turn model, clamped to the rubric's -1..1. */
    double turnSentiment(MessageSignals m) {
        return clamp(params.turnSentiment().predict(FeatureVectors.turn(m)), -1, 1);
    }

    private SentimentShift sentiment(ConversationSignals s) {
        double[] perTurn = new double[s.messages.size()];
        Arrays.fill(perTurn, Double.NaN);
        for (MessageSignals m : s.customerTurns) perTurn[m.index] = turnSentiment(m);
        if (s.customerTurns.isEmpty()) return new SentimentShift(0, 0, 0, 0.2, List.of(), perTurn);
        MessageSignals first = s.customerTurns.get(0);
        MessageSignals last = s.lastCustomer();
        double start = perTurn[first.index];
        double end = perTurn[last.index];
        if (first == last) {
            // one customer turn: nothing to compare, so "unchanged", and say we are unsure
            return new SentimentShift(start, end, 0, 0.3, List.of(first.index), perTurn);
        }
        double delta = params.shift().apply(end - start);
        int level = rubric.shiftLevel(delta);
        double margin = nearestBoundary(Math.abs(delta), rubric.shiftSlight(), rubric.shiftStrong());
        return new SentimentShift(start, end, level, params.shift().sameSideProbability(margin),
                List.of(first.index, last.index), perTurn);
    }

    private static double[] customerSentiments(ConversationSignals s, double[] perTurn) {
        double[] out = new double[s.customerTurns.size()];
        for (int i = 0; i < out.length; i++) out[i] = perTurn[s.customerTurns.get(i).index];
        return out;
    }

    private ResolutionScore resolution(ConversationSignals s, double[] customerSentiment) {
        double raw = params.resolution().predict(FeatureVectors.resolution(s, customerSentiment));
        double value = clamp(params.resolutionCalibration().apply(raw), -2, 2);
        Resolution label = rubric.resolutionLabel(value);
        double margin = Math.min(Math.abs(value - rubric.resolvedAtLeast()), Math.abs(value - rubric.unresolvedBelow()));
        double confidence = params.resolutionCalibration().sameSideProbability(margin);
        TreeSet<Integer> evidence = new TreeSet<>();
        int escalationTurn = escalationTurn(s);
        if (escalationTurn >= 0) {
            label = Resolution.ESCALATED;
            evidence.add(escalationTurn);
        }
        MessageSignals lastCustomer = s.lastCustomer();
        if (lastCustomer != null) evidence.add(lastCustomer.index);
        MessageSignals bestAgent = null;
        for (MessageSignals a : s.agentTurns) {
            int strength = label == Resolution.RESOLVED ? a.agentSolution : a.agentInability + a.agentApology;
            if (strength > 0 && (bestAgent == null || strength >= score(bestAgent, label))) bestAgent = a;
        }
        if (bestAgent != null) evidence.add(bestAgent.index);
        if (label != Resolution.RESOLVED) for (int t : s.failedActionTurns) if (t >= 0) evidence.add(t);
        return new ResolutionScore(label, value, confidence, new ArrayList<>(evidence));
    }

    private static int score(MessageSignals a, Resolution label) {
        return label == Resolution.RESOLVED ? a.agentSolution : a.agentInability + a.agentApology;
    }

    /**
     * The turn that hands the customer on at the end: the agents' last word is an escalation ("our
     * billing specialists will contact you"), or a transfer follows it. A handoff that the next agent
     * then works, or after which the customer confirms a fix, is not one.
     */
    private static int escalationTurn(ConversationSignals s) {
        if (s.agentTurns.isEmpty()) return -1;
        MessageSignals lastAgent = s.agentTurns.get(s.agentTurns.size() - 1);
        for (MessageSignals c : s.customerTurns) if (c.index > lastAgent.index && c.confirmation > 0) return -1;
        if (lastAgent.escalation > 0) return lastAgent.index;
        for (int t : s.transferTurns) if (t >= lastAgent.index) return Math.min(t + 1, s.messages.size() - 1);
        return -1;
    }

    private Effort effort(ConversationSignals s, double[] customerSentiment) {
        double text = params.effortCalibration().apply(params.effort().predict(FeatureVectors.effort(s, customerSentiment)));
        EffortSignals signals = s.effortSignals();
        Rubric.Hoops h = rubric.hoops();
        double hoops = Math.min(h.maxHoopPoints(), signals.transfers() * h.perTransfer() + signals.botLoops() * h.perBotLoop()
                + s.failedActionTurns.size() * h.perFailedAction() + signals.maxWaitSeconds() / 3600.0 / h.waitHoursPerPoint());
        double value = clamp(text + hoops, 1, 5);
        int score = (int) Math.floor(value + 0.5);
        double margin = Math.abs(value - (Math.floor(value) + 0.5));
        double confidence = params.effortCalibration().sameSideProbability(margin);
        TreeSet<Integer> evidence = new TreeSet<>();
        evidence.addAll(s.repeatTurns);
        evidence.addAll(s.rephraseTurns);
        evidence.addAll(s.botLoopTurns);
        for (int t : s.transferTurns) if (t >= 0) evidence.add(t);
        if (s.longestWaitTurn >= 0 && signals.maxWaitSeconds() >= 3600) evidence.add(s.longestWaitTurn);
        return new Effort(score, value, confidence, signals, new ArrayList<>(evidence));
    }

    /** The score in words, for any judge: which drivers moved it, and the hoops behind the effort. */
    public static String explain(ResolutionScore r, SentimentShift s, Effort e, CxScore cx) {
        StringBuilder b = new StringBuilder();
        b.append("CX ").append(cx.score()).append("/5: ").append(r.label().wireName().replace('_', ' '));
        b.append(String.format(Locale.ROOT, " (%+.2f)", cx.contributions().get("resolution")));
        b.append("; customer ended ").append(s.shift() > 0 ? "happier" : s.shift() < 0 ? "unhappier" : "as they started");
        b.append(String.format(Locale.ROOT, " (shift %+d, %+.2f)", s.shift(), cx.contributions().get("sentiment_shift")));
        b.append("; effort ").append(e.score()).append("/5");
        EffortSignals sig = e.signals();
        List<String> hoops = new ArrayList<>();
        if (sig.repeats() > 0) hoops.add(sig.repeats() + " repeat" + (sig.repeats() > 1 ? "s" : ""));
        if (sig.rephrasings() > 0) hoops.add(sig.rephrasings() + " rephrasing" + (sig.rephrasings() > 1 ? "s" : ""));
        if (sig.transfers() > 0) hoops.add(sig.transfers() + " transfer" + (sig.transfers() > 1 ? "s" : ""));
        if (sig.botLoops() > 0) hoops.add(sig.botLoops() + " bot loop" + (sig.botLoops() > 1 ? "s" : ""));
        if (sig.maxWaitSeconds() >= 3600) hoops.add(String.format(Locale.ROOT, "waited %.1f h", sig.maxWaitSeconds() / 3600.0));
        if (!hoops.isEmpty()) b.append(" (").append(String.join(", ", hoops)).append(')');
        b.append(String.format(Locale.ROOT, " (%+.2f).", cx.contributions().get("effort")));
        return b.toString();
    }

    private static double nearestBoundary(double a, double slight, double strong) {
        return Math.min(Math.abs(a - slight), Math.abs(a - strong));
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
