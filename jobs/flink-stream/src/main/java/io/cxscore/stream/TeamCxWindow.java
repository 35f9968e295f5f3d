package io.cxscore.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxscore.core.aggregate.CxAccumulator;
import java.time.Instant;

/** A team's running CX figures over one event-time window, from {@link CxAccumulator}. */
public class TeamCxWindow {
    public String team;
    public long windowStart;
    public long windowEnd;
    public long judged;
    public long scored;
    public double meanCxScore;
    public double resolvedRate;
    public double escalatedRate;
    public double meanEffort;

    public TeamCxWindow() {}

    public static TeamCxWindow of(String team, long start, long end, CxAccumulator acc) {
        CxAccumulator.CxSummary s = acc.result();
        TeamCxWindow w = new TeamCxWindow();
        w.team = team;
        w.windowStart = start;
        w.windowEnd = end;
        w.judged = s.judged();
        w.scored = s.scored();
        w.meanCxScore = s.meanCxScore();
        w.resolvedRate = s.resolvedRate();
        w.escalatedRate = s.escalatedRate();
        w.meanEffort = s.meanEffort();
        return w;
    }

    public String toJson() {
        ObjectNode n = MessageEvents.JSON.createObjectNode();
        n.put("team", team);
        n.put("window_start", Instant.ofEpochMilli(windowStart).toString());
        n.put("window_end", Instant.ofEpochMilli(windowEnd).toString());
        n.put("judged", judged);
        n.put("scored", scored);
        // NaN is not JSON: a window with nothing scored has null means
        putFinite(n, "mean_cx_score", meanCxScore);
        putFinite(n, "resolved_rate", resolvedRate);
        putFinite(n, "escalated_rate", escalatedRate);
        putFinite(n, "mean_effort", meanEffort);
        return n.toString();
    }

    private static void putFinite(ObjectNode n, String f, double v) {
        if (Double.isFinite(v)) n.put(f, v); else n.putNull(f);
    }

    @Override
    public String toString() {
        return toJson();
    }
}
