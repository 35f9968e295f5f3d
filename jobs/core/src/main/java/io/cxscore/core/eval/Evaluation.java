package io.cxscore.core.eval;

import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.HumanLabels;
import io.cxscore.core.model.Role;
import io.cxscore.core.rubric.Rubric;
import io.cxscore.core.score.Judge;
import io.cxscore.core.score.JudgeResult;
import io.cxscore.core.score.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleToIntFunction;

/**
 * Scores labelled conversations with a judge and measures agreement with the humans, per label kind
 * the conversations carry: USS turn and dialogue satisfaction, STC-3 A/S/E, TWCS frustration and
 * its shift, and customer CSAT where a survey was answered. Every figure comes with a 95% bootstrap
 * interval over dialogues.
 */
public final class Evaluation {
    private final Judge judge;
    private final Rubric rubric;
    private final DoubleToIntFunction ussTurnClass;

    private final List<List<int[]>> ussTurns = new ArrayList<>();
    private final List<List<int[]>> ussDialogues = new ArrayList<>();
    private final List<List<double[]>> stc3 = new ArrayList<>();
    private final List<List<int[]>> stc3Resolution = new ArrayList<>();
    private final List<List<double[]>> twcsTurns = new ArrayList<>();
    private final List<List<int[]>> twcsShift = new ArrayList<>();
    private final List<List<int[]>> csat = new ArrayList<>();
    private int dialogues;
    private int failed;

    /**
     * @param ussTurnClass maps the judge's per-turn customer sentiment (-1..1) onto USS's 1..5 scale
     */
    public Evaluation(Judge judge, Rubric rubric, DoubleToIntFunction ussTurnClass) {
        this.judge = judge;
        this.rubric = rubric;
        this.ussTurnClass = ussTurnClass;
    }

    public void add(Conversation c) {
        dialogues++;
        JudgeResult r = judge.judge(c);
        if (!r.isScored()) {
            failed++;
            return;
        }
        HumanLabels l = c.labels();
        double[] turnSentiment = r.sentiment().turnSentiment();
        List<int[]> uss = new ArrayList<>();
        List<double[]> twcs = new ArrayList<>();
        for (var e : l.turns().entrySet()) {
            int idx = e.getKey();
            if (idx >= turnSentiment.length || c.messages().get(idx).role() != Role.CUSTOMER) continue;
            double s = turnSentiment[idx];
            List<Integer> sat = e.getValue().get("satisfaction");
            if (sat != null && !sat.isEmpty()) uss.add(new int[] {Agreement.majorityTiesLow(sat), ussTurnClass.applyAsInt(s)});
            List<Integer> fr = e.getValue().get("frustration");
            if (fr != null && !fr.isEmpty()) twcs.add(new double[] {-Agreement.mean(fr) / 4.0, s});
        }
        if (!uss.isEmpty()) ussTurns.add(uss);
        if (!twcs.isEmpty()) twcsTurns.add(twcs);
        List<Integer> overall = l.dialogue().get("satisfaction");
        if (overall != null && !overall.isEmpty()) {
            ussDialogues.add(List.of(new int[] {Agreement.majorityTiesLow(overall), r.cx().score()}));
        }
        if (l.dialogue().containsKey("A") && l.dialogue().containsKey("S") && l.dialogue().containsKey("E")) {
            double a = Agreement.mean(l.dialogue().get("A"));
            stc3.add(List.of(new double[] {a, r.resolution().value(), Agreement.mean(l.dialogue().get("S")), r.cx().raw(),
                Agreement.mean(l.dialogue().get("E")), -r.effort().value()}));
            stc3Resolution.add(List.of(new int[] {resolutionClass(rubric.resolutionLabel(a)), resolutionClass(r.resolution().label())}));
        }
        Integer firstRated = null, lastRated = null;
        for (int idx : l.turns().keySet()) {
            if (l.turns().get(idx).containsKey("frustration")) {
                if (firstRated == null || idx < firstRated) firstRated = idx;
                if (lastRated == null || idx > lastRated) lastRated = idx;
            }
        }
        if (firstRated != null && !firstRated.equals(lastRated)) {
            double delta = (Agreement.mean(l.turns().get(firstRated).get("frustration"))
                    - Agreement.mean(l.turns().get(lastRated).get("frustration"))) / 4.0;
            twcsShift.add(List.of(new int[] {rubric.shiftLevel(delta), r.sentiment().shift()}));
        }
        if (c.csat() != null) csat.add(List.of(new int[] {c.csat(), r.cx().score()}));
    }

    /** Escalated counts as partly resolved when compared with STC-3, which has no escalation label. */
    private static int resolutionClass(Resolution r) {
        return switch (r) {
            case RESOLVED -> 2;
            case PARTLY_RESOLVED, ESCALATED -> 1;
            case UNRESOLVED -> 0;
        };
    }

    /** Sections that have data, each a name → metric → interval map, in a stable order. */
    public EvalReport report() {
        Map<String, EvalReport.Section> sections = new LinkedHashMap<>();
        if (!ussTurns.isEmpty()) sections.put("uss_turn_satisfaction", classSection("USS per-turn satisfaction (1..5)", ussTurns));
        if (!ussDialogues.isEmpty()) sections.put("uss_dialogue_satisfaction", classSection("USS dialogue satisfaction (OVERALL) vs CX score", ussDialogues));
        if (!stc3.isEmpty()) {
            Map<String, Bootstrap.Interval> m = new LinkedHashMap<>();
            m.put("spearman_A_vs_resolution", Bootstrap.interval(stc3, items -> rho(items, 0, 1)));
            m.put("spearman_S_vs_cx", Bootstrap.interval(stc3, items -> rho(items, 2, 3)));
            m.put("spearman_E_vs_low_effort", Bootstrap.interval(stc3, items -> rho(items, 4, 5)));
            m.put("kappa_resolution_3class", Bootstrap.interval(stc3Resolution,
                    items -> Agreement.cohenKappa(col(items, 0), col(items, 1), 0, 2)));
            sections.put("stc3_quality", new EvalReport.Section("STC-3 accomplishment, satisfaction, effectiveness (mean of 19 votes)", count(stc3), m));
        }
        if (!twcsTurns.isEmpty()) {
            Map<String, Bootstrap.Interval> m = new LinkedHashMap<>();
            m.put("spearman_turn_sentiment", Bootstrap.interval(twcsTurns, items -> rho(items, 0, 1)));
            sections.put("twcs_turn_frustration", new EvalReport.Section("TWCS customer-turn frustration vs sentiment", count(twcsTurns), m));
        }
        if (!twcsShift.isEmpty()) {
            Map<String, Bootstrap.Interval> m = new LinkedHashMap<>();
            m.put("quadratic_kappa", Bootstrap.interval(twcsShift, items -> Agreement.quadraticKappa(col(items, 0), col(items, 1), -2, 2)));
            m.put("spearman", Bootstrap.interval(twcsShift, items -> Agreement.spearman(dcol(items, 0), dcol(items, 1))));
            sections.put("twcs_sentiment_shift", new EvalReport.Section("TWCS first-to-last frustration change vs sentiment shift (-2..2)", count(twcsShift), m));
        }
        if (!csat.isEmpty()) sections.put("csat", classSection("Customer CSAT (1..5) vs CX score", csat));
        return new EvalReport(judge.provenance(), dialogues, failed, sections);
    }

    private static EvalReport.Section classSection(String title, List<List<int[]>> data) {
        Map<String, Bootstrap.Interval> m = new LinkedHashMap<>();
        m.put("uar", Bootstrap.interval(data, items -> Agreement.uar(col(items, 0), col(items, 1), 1, 5)));
        m.put("cohen_kappa", Bootstrap.interval(data, items -> Agreement.cohenKappa(col(items, 0), col(items, 1), 1, 5)));
        m.put("spearman", Bootstrap.interval(data, items -> Agreement.spearman(dcol(items, 0), dcol(items, 1))));
        m.put("dissatisfied_f1", Bootstrap.interval(data, items -> Agreement.f1AtMost(col(items, 0), col(items, 1), 2)));
        return new EvalReport.Section(title, count(data), m);
    }

    private static <T> int count(List<List<T>> clusters) {
        int n = 0;
        for (List<T> c : clusters) n += c.size();
        return n;
    }

    private static double rho(List<double[]> items, int a, int b) {
        double[] x = new double[items.size()], y = new double[items.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = items.get(i)[a];
            y[i] = items.get(i)[b];
        }
        return Agreement.spearman(x, y);
    }

    private static int[] col(List<int[]> items, int k) {
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) out[i] = items.get(i)[k];
        return out;
    }

    private static double[] dcol(List<int[]> items, int k) {
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) out[i] = items.get(i)[k];
        return out;
    }
}
