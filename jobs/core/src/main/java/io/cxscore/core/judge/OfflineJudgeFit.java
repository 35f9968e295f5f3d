package io.cxscore.core.judge;

import io.cxscore.core.eval.Agreement;
import io.cxscore.core.eval.HoldoutSplit;
import io.cxscore.core.ingest.ConversationReaders;
import io.cxscore.core.ingest.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Role;
import io.cxscore.core.rubric.Rubric;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.score.JudgeResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits the offline judge on human labels, train split only (test-split dialogues are dropped here
 * whatever the caller passes in):
 * <ul>
 *   <li>turn sentiment on TWCS frustration votes (-mean/4) and USS turn satisfaction votes ((mean-3)/2),
 *       each dataset carrying equal total weight;
 *   <li>USS cut-points on that sentiment, chosen for the best unweighted average recall;
 *   <li>sentiment-shift calibration on TWCS first-to-last customer-turn changes;
 *   <li>resolution on STC-3 accomplishment (mean A) and effort on STC-3 effectiveness (3 - mean E);
 *   <li>the CX formula weights the rubric should publish: least squares of STC-3 satisfaction (mean S + 3)
 *       on the fitted judge's own driver values.
 * </ul>
 */
public final class OfflineJudgeFit {
    public static final String MODEL = "offline-ridge-v1";
    static final double[] LAMBDAS = {0.1, 1, 10, 100};

    private final RubricBundle bundle;
    private final SupportCues cues;
    private final Map<String, Object> report = new LinkedHashMap<>();

    public OfflineJudgeFit(RubricBundle bundle) {
        this.bundle = bundle;
        this.cues = SupportCues.parse(bundle.cuesYaml(), RubricBundle.CUES);
    }

    /** What was fitted, on how much data, with which penalties: goes into params.json as "fit". */
    public Map<String, Object> report() {
        return report;
    }

    /** The command line that reproduces the committed parameters; recorded in params.json. */
    public static final String COMMAND = "cx fit --datasets ../shared/datasets --rubric rubrics/cx/v1 --out rubrics/cx/v1/offline/params.json";

    /** Reads TWCS, USS (SGD, ReDial, CCPE) and STC-3 English train from a datasets folder and fits. */
    public OfflineJudgeParams fit(Path datasets) throws IOException {
        List<Conversation> twcs = readAll(datasets.resolve("twcs-frustration/dprocessed.txt"), "twcs");
        List<Conversation> uss = new ArrayList<>();
        for (String f : List.of("SGD.txt", "ReDial.txt", "CCPE.txt")) uss.addAll(readAll(datasets.resolve("uss").resolve(f), "uss"));
        List<Conversation> stc3 = readAll(datasets.resolve("stc3-dialogue-quality/train_data_en.json.gz"), "stc3");
        return fit(twcs, uss, stc3, COMMAND);
    }

    /** Every record of a labelled file; an unreadable one is an error, since a fit must not silently lose labels. */
    static List<Conversation> readAll(Path file, String format) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("dataset file " + file + " does not exist");
        List<Conversation> out = new ArrayList<>();
        try (var records = ConversationReaders.forFormat(format).open(file)) {
            while (records.hasNext()) {
                ReadResult r = records.next();
                if (r instanceof ReadResult.Read read) out.add(read.conversation());
                else throw new IllegalArgumentException("unreadable record in " + file + ": " + ((ReadResult.Rejected) r).quarantine().describe());
            }
        }
        return out;
    }

    public OfflineJudgeParams fit(List<Conversation> twcs, List<Conversation> uss, List<Conversation> stc3, String command) {
        twcs = train(twcs);
        uss = train(uss);
        stc3 = train(stc3);
        report.put("command", command);
        report.put("split", "train only: dialogues whose CRC32(split key) mod 5 != 0");
        report.put("train_dialogues", ordered("twcs", twcs.size(), "uss", uss.size(), "stc3_en", stc3.size()));

        LinearModel turn = fitTurnSentiment(twcs, uss);
        double[] cut = fitUssCutpoints(turn, uss);
        Calibration shift = fitShift(turn, twcs);

        List<double[]> resX = new ArrayList<>(), effX = new ArrayList<>();
        double[] a = new double[stc3.size()], e = new double[stc3.size()];
        for (int i = 0; i < stc3.size(); i++) {
            Conversation c = stc3.get(i);
            ConversationSignals s = new ConversationSignals(c, cues);
            double[] sentiments = sentiments(turn, s);
            resX.add(FeatureVectors.resolution(s, sentiments));
            effX.add(FeatureVectors.effort(s, sentiments));
            a[i] = Agreement.mean(c.labels().dialogue().get("A"));
            e[i] = 3 - Agreement.mean(c.labels().dialogue().get("E"));
        }
        double[] ones = filled(stc3.size(), 1);
        LinearModel resolution = fitWithCv("resolution", FeatureVectors.RESOLUTION, resX, a, ones);
        LinearModel effort = fitWithCv("effort", FeatureVectors.EFFORT, effX, e, ones);
        Calibration resCal = calibrate(resolution, resX, a);
        Calibration effCal = calibrate(effort, effX, e);

        fitCxWeights(stc3, uss);
        return new OfflineJudgeParams(MODEL, turn, shift, resolution, resCal, effort, effCal, cut, report);
    }

    private static List<Conversation> train(List<Conversation> in) {
        return in.stream().filter(c -> !HoldoutSplit.isTest(c)).toList();
    }

    private LinearModel fitTurnSentiment(List<Conversation> twcs, List<Conversation> uss) {
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>(), ws = new ArrayList<>();
        int twcsTurns = collectTurns(twcs, "frustration", v -> -v / 4.0, xs, ys);
        int ussTurns = collectTurns(uss, "satisfaction", v -> (v - 3) / 2.0, xs, ys);
        // equal total weight per dataset: USS has thirty times the turns but mostly neutral ones
        for (int i = 0; i < twcsTurns; i++) ws.add(1.0 / twcsTurns);
        for (int i = 0; i < ussTurns; i++) ws.add(1.0 / ussTurns);
        report.put("turn_sentiment_turns", ordered("twcs", twcsTurns, "uss", ussTurns));
        return fitWithCv("turn_sentiment", FeatureVectors.TURN, xs, unbox(ys), unbox(ws));
    }

    private int collectTurns(List<Conversation> convs, String label, java.util.function.DoubleUnaryOperator target,
                             List<double[]> xs, List<Double> ys) {
        int n = 0;
        for (Conversation c : convs) {
            ConversationSignals s = new ConversationSignals(c, cues);
            for (var e : c.labels().turns().entrySet()) {
                List<Integer> votes = e.getValue().get(label);
                if (votes == null || votes.isEmpty() || e.getKey() >= s.messages.size()) continue;
                MessageSignals m = s.messages.get(e.getKey());
                if (m.role != Role.CUSTOMER) continue;
                xs.add(FeatureVectors.turn(m));
                ys.add(target.applyAsDouble(Agreement.mean(votes)));
                n++;
            }
        }
        return n;
    }

    /** Cut-points for USS 1..5 that maximise UAR on train turns (coordinate ascent over prediction quantiles). */
    private double[] fitUssCutpoints(LinearModel turn, List<Conversation> uss) {
        List<Double> preds = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Conversation c : uss) {
            ConversationSignals s = new ConversationSignals(c, cues);
            for (var e : c.labels().turns().entrySet()) {
                List<Integer> votes = e.getValue().get("satisfaction");
                if (votes == null || votes.isEmpty() || e.getKey() >= s.messages.size()) continue;
                preds.add(clamp(turn.predict(FeatureVectors.turn(s.messages.get(e.getKey())))));
                labels.add(Agreement.majorityTiesLow(votes));
            }
        }
        double[] p = unbox(preds);
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        double[] grid = new double[201];
        for (int i = 0; i <= 200; i++) grid[i] = sorted[(int) ((sorted.length - 1) * (i / 200.0))];
        // start from the human class proportions, then improve one cut-point at a time
        double[] cut = new double[4];
        int[] counts = new int[6];
        for (int v : y) counts[v]++;
        int acc = 0;
        for (int k = 1; k <= 4; k++) {
            acc += counts[k];
            cut[k - 1] = sorted[Math.min(sorted.length - 1, (int) ((long) acc * (sorted.length - 1) / y.length))];
        }
        double best = uarFor(p, y, cut);
        for (int pass = 0; pass < 4; pass++) {
            for (int k = 0; k < 4; k++) {
                for (double g : grid) {
                    double[] trial = cut.clone();
                    trial[k] = g;
                    if (!increasing(trial)) continue;
                    double u = uarFor(p, y, trial);
                    if (u > best + 1e-12) {
                        best = u;
                        cut = trial;
                    }
                }
            }
        }
        report.put("uss_train_turn_uar", round(best));
        return cut;
    }

    static int ussClass(double sentiment, double[] cut) {
        int k = 1;
        for (double c : cut) if (sentiment > c) k++;
        return k;
    }

    private static double uarFor(double[] p, int[] y, double[] cut) {
        int[] j = new int[p.length];
        for (int i = 0; i < p.length; i++) j[i] = ussClass(p[i], cut);
        return Agreement.uar(y, j, 1, 5);
    }

    private static boolean increasing(double[] c) {
        for (int i = 1; i < c.length; i++) if (c[i] < c[i - 1]) return false;
        return true;
    }

    private Calibration fitShift(LinearModel turn, List<Conversation> twcs) {
        List<Double> pred = new ArrayList<>(), human = new ArrayList<>();
        for (Conversation c : twcs) {
            ConversationSignals s = new ConversationSignals(c, cues);
            if (s.customerTurns.size() < 2) continue;
            MessageSignals first = s.customerTurns.get(0), last = s.lastCustomer();
            Double hf = frustration(c, first.index), hl = frustration(c, last.index);
            if (hf == null || hl == null) continue;
            pred.add(clamp(turn.predict(FeatureVectors.turn(last))) - clamp(turn.predict(FeatureVectors.turn(first))));
            human.add(-hl / 4.0 + hf / 4.0);
        }
        report.put("shift_train_dialogues", pred.size());
        return calibrate(unbox(pred), unbox(human));
    }

    private static Double frustration(Conversation c, int index) {
        var t = c.labels().turns().get(index);
        List<Integer> v = t == null ? null : t.get("frustration");
        return v == null || v.isEmpty() ? null : Agreement.mean(v);
    }

    private double[] sentiments(LinearModel turn, ConversationSignals s) {
        double[] out = new double[s.customerTurns.size()];
        for (int i = 0; i < out.length; i++) out[i] = clamp(turn.predict(FeatureVectors.turn(s.customerTurns.get(i))));
        return out;
    }

    /** Picks the ridge penalty by 5-fold cross-validation on the train rows, then refits on all of them. */
    private LinearModel fitWithCv(String name, List<String> features, List<double[]> xs, double[] y, double[] w) {
        int n = xs.size();
        int[] fold = new int[n];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < n; i++) fold[i] = rnd.nextInt(5);
        double bestLambda = LAMBDAS[0], bestErr = Double.MAX_VALUE;
        for (double lambda : LAMBDAS) {
            double err = 0, wsum = 0;
            for (int f = 0; f < 5; f++) {
                List<double[]> tx = new ArrayList<>();
                List<Double> ty = new ArrayList<>(), tw = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (fold[i] == f) continue;
                    tx.add(xs.get(i));
                    ty.add(y[i]);
                    tw.add(w[i]);
                }
                LinearModel m = RidgeRegression.fit(features, tx, unbox(ty), unbox(tw), lambda);
                for (int i = 0; i < n; i++) {
                    if (fold[i] != f) continue;
                    double d = y[i] - m.predict(xs.get(i));
                    err += w[i] * d * d;
                    wsum += w[i];
                }
            }
            err /= wsum;
            if (err < bestErr) {
                bestErr = err;
                bestLambda = lambda;
            }
        }
        LinearModel m = RidgeRegression.fit(features, xs, y, w, bestLambda);
        double[] pred = new double[n];
        for (int i = 0; i < n; i++) pred[i] = m.predict(xs.get(i));
        report.put(name, ordered("rows", n, "lambda", bestLambda, "cv_rmse", round(Math.sqrt(bestErr)),
                "train_spearman", round(Agreement.spearman(pred, y))));
        return m;
    }

    private static Calibration calibrate(LinearModel m, List<double[]> xs, double[] human) {
        double[] pred = new double[xs.size()];
        for (int i = 0; i < pred.length; i++) pred[i] = m.predict(xs.get(i));
        return calibrate(pred, human);
    }

    static Calibration calibrate(double[] pred, double[] human) {
        double pm = mean(pred), hm = mean(human), ps = sd(pred, pm), hs = sd(human, hm);
        Calibration partial = new Calibration(pm, ps, hm, hs, 1);
        double ss = 0;
        for (int i = 0; i < pred.length; i++) {
            double d = human[i] - partial.apply(pred[i]);
            ss += d * d;
        }
        return new Calibration(pm, ps, hm, hs, Math.sqrt(ss / pred.length));
    }

    /**
     * The weights the rubric's CX formula should publish, from human labels only (so judge noise does
     * not shrink them): STC-3 satisfaction (mean S + 3) on human accomplishment (mean A / 2) and
     * effectiveness (mean E / 2, which is the effort driver's value), and USS dialogue satisfaction on
     * the human first-to-last turn satisfaction change (the sentiment-shift driver's value).
     */
    private void fitCxWeights(List<Conversation> stc3, List<Conversation> uss) {
        List<double[]> xs = new ArrayList<>();
        double[] y = new double[stc3.size()];
        for (int i = 0; i < stc3.size(); i++) {
            var d = stc3.get(i).labels().dialogue();
            xs.add(new double[] {Agreement.mean(d.get("A")) / 2, Agreement.mean(d.get("E")) / 2});
            y[i] = Agreement.mean(d.get("S")) + 3;
        }
        LinearModel stc = RidgeRegression.fit(List.of("resolution", "effort"), xs, y, filled(y.length, 1), 1e-6);
        List<double[]> sx = new ArrayList<>();
        List<Double> sy = new ArrayList<>();
        for (Conversation c : uss) {
            List<Integer> overall = c.labels().dialogue().get("satisfaction");
            var turns = c.labels().turns();
            if (overall == null || turns.size() < 2) continue;
            int first = turns.keySet().stream().mapToInt(Integer::intValue).min().orElseThrow();
            int last = turns.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
            List<Integer> f = turns.get(first).get("satisfaction"), l = turns.get(last).get("satisfaction");
            if (f == null || l == null) continue;
            double delta = (Agreement.mean(l) - Agreement.mean(f)) / 2.0; // sentiment scale -1..1, delta -2..2
            sx.add(new double[] {delta / 2});
            sy.add(Agreement.mean(overall));
        }
        LinearModel ussFit = RidgeRegression.fit(List.of("sentiment_shift"), sx, unbox(sy), filled(sy.size(), 1), 1e-6);
        Map<String, Object> cx = new LinkedHashMap<>();
        cx.put("intercept", round(stc.bias()));
        cx.put("resolution", round(stc.weights()[0]));
        cx.put("sentiment_shift", round(ussFit.weights()[0]));
        cx.put("effort", round(stc.weights()[1]));
        cx.put("rows", ordered("stc3_en", y.length, "uss", sy.size()));
        cx.put("note", "least squares on human labels only: STC-3 mean S+3 on mean A/2 and mean E/2; USS OVERALL on first-to-last"
                + " turn satisfaction change; the rubric's cx_score publishes these, rounded");
        report.put("cx_formula_fit", cx);
    }

    /** Insertion-ordered, so params.json comes out byte-identical from identical data. */
    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static double clamp(double v) {
        return OfflineJudge.clamp(v, -1, 1);
    }

    private static double[] unbox(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    private static double sd(double[] v, double m) {
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return Math.sqrt(s / v.length);
    }

    static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
    }
}
