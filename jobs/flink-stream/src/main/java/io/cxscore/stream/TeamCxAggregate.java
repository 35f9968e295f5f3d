package io.cxscore.stream;

import io.cxscore.core.aggregate.CxAccumulator;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Flink's face of the core's {@link CxAccumulator}: the same zero/add/merge/result that batch can wrap. */
public class TeamCxAggregate implements AggregateFunction<TeamObservation, CxAccumulator, CxAccumulator> {
    @Override
    public CxAccumulator createAccumulator() {
        return CxAccumulator.zero();
    }

    @Override
    public CxAccumulator add(TeamObservation value, CxAccumulator acc) {
        return acc.add(value.observation());
    }

    @Override
    public CxAccumulator getResult(CxAccumulator acc) {
        return acc;
    }

    @Override
    public CxAccumulator merge(CxAccumulator a, CxAccumulator b) {
        return a.merge(b);
    }

    /** Names the team and the window of each result. */
    public static class Labelled extends ProcessWindowFunction<CxAccumulator, TeamCxWindow, String, TimeWindow> {
        @Override
        public void process(String team, Context ctx, Iterable<CxAccumulator> results, Collector<TeamCxWindow> out) {
            for (CxAccumulator acc : results) out.collect(TeamCxWindow.of(team, ctx.window().getStart(), ctx.window().getEnd(), acc));
        }
    }
}
