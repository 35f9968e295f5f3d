package io.cxscore.stream;

import io.cxscore.core.aggregate.CxObservation;

/** A judged conversation version as the per-team aggregate sees it. */
public class TeamObservation {
    public String team;
    public boolean scored;
    public int cxScore;
    public long cxRawMicros;
    public String resolution;
    public int effort;
    public int sentimentShift;

    public TeamObservation() {}

    public static TeamObservation of(String team, CxObservation o) {
        TeamObservation t = new TeamObservation();
        t.team = team == null ? "(none)" : team;
        t.scored = o.scored();
        t.cxScore = o.cxScore();
        t.cxRawMicros = o.cxRawMicros();
        t.resolution = o.resolution();
        t.effort = o.effort();
        t.sentimentShift = o.sentimentShift();
        return t;
    }

    public CxObservation observation() {
        return new CxObservation(scored, cxScore, cxRawMicros, resolution, effort, sentimentShift);
    }
}
