package io.cxscore.core.eval;

import io.cxscore.core.score.Provenance;
import java.util.Locale;
import java.util.Map;

/** Agreement figures for one evaluated file: printed for people, written as JSON for machines. */
public record EvalReport(Provenance judge, int dialogues, int notScored, Map<String, Section> sections) {

    /** @param items what the metrics were computed over (turns or dialogues) */
    public record Section(String title, int items, Map<String, Bootstrap.Interval> metrics) {}

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "judge %s / %s, rubric %s v%s (params %s); %d dialogues, %d not scored%n",
                judge.judge(), judge.model(), judge.rubricId(), judge.rubricVersion(), judge.paramHash(), dialogues, notScored));
        if (sections.isEmpty()) b.append("no human labels found in this file: nothing to compare with\n");
        sections.forEach((key, s) -> {
            b.append(String.format(Locale.ROOT, "%n%s  [n=%d]%n", s.title(), s.items()));
            s.metrics().forEach((name, i) -> b.append(String.format(Locale.ROOT, "  %-26s %7.3f   95%% CI [%s, %s]%n",
                    name, i.value(), fmt(i.low()), fmt(i.high()))));
        });
        return b.toString();
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%.3f", d);
    }
}
