package io.cxscore.stream;

import io.cxscore.core.rubric.RubricBundle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Scores every support conversation as it closes, with the batch job's judge and warehouse layout.
 *
 * <pre>
 * message events ─ parse ─ watermarks ─ keyBy(id) ─ sessionize ─┐
 * conversations topic ─┐                                         ├─ score ─┬─ scores, conversations (Parquet)
 * dropped files ───────┴─ parse ─ watermarks ─ keyBy(id) ─ versions ┘       ├─ gap updates (Kafka)
 *                                                                           └─ keyBy(team) ─ window ─ CX (Kafka)
 * every unreadable record, too-late event and judge failure ─ quarantine (Parquet)
 * </pre>
 *
 * <p>The job receives its sources and sinks (tests pass bounded sources and collecting sinks; {@link
 * StreamJobMain} passes Kafka, the watched folder and the warehouse). Any input may be absent.
 */
public final class ScoreConversationsStreamJob {
    /** The inputs; null means "not used". */
    public record Inputs(Source<RawEvent, ?, ?> messageEvents, Source<RawEvent, ?, ?> conversationEvents,
                         Source<RawEvent, ?, ?> exportFiles) {}

    /** The outputs; gap updates and team CX may be null (not published). */
    public record Outputs(Sink<ConversationRow> conversations, Sink<ScoreRow> scores, Sink<QuarantineRow> quarantine,
                          Sink<GapUpdate> gapUpdates, Sink<TeamCxWindow> teamCx) {}

    private final Inputs inputs;
    private final Outputs outputs;
    private final SessionSettings sessions;
    private final Duration teamWindow;
    private final RubricBundle bundle;

    public ScoreConversationsStreamJob(Inputs inputs, Outputs outputs, SessionSettings sessions, Duration teamWindow, RubricBundle bundle) {
        if (inputs.messageEvents() == null && inputs.conversationEvents() == null && inputs.exportFiles() == null) {
            throw new IllegalArgumentException("no input: give message events, conversation events or a watched folder");
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.sessions = sessions;
        this.teamWindow = teamWindow;
        this.bundle = bundle;
    }

    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.execute("cx stream: score conversations as they close");
    }

    /** Starts the job and returns at once, for callers that cancel it (tests, benchmark). */
    public JobClient executeAsync(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.executeAsync("cx stream: score conversations as they close");
    }

    public void build(StreamExecutionEnvironment env) {
        // Functions here never keep or mutate their inputs, so chained operators may pass objects without copies
        env.getConfig().enableObjectReuse();
        List<DataStream<ClosedConversation>> closed = new ArrayList<>();
        List<DataStream<QuarantineRow>> quarantine = new ArrayList<>();

        if (inputs.messageEvents() != null) {
            // event time is assigned at the source, per partition, before parsing: see QuietStreamWatermarks
            SingleOutputStreamOperator<MessageEvent> events = env
                    .fromSource(inputs.messageEvents(), QuietStreamWatermarks.<RawEvent>strategy(this.sessions.outOfOrderness(),
                            this.sessions.quietAfter(), QuietStreamWatermarks.Mode.FOLLOW_WALL_CLOCK, (raw, ts) -> MessageEvents.eventTime(raw)),
                            "message events").uid("message-events-source")
                    .process(new ParseMessageEvents()).uid("parse-message-events").name("parse message events");
            quarantine.add(events.getSideOutput(ParseMessageEvents.QUARANTINE));
            SingleOutputStreamOperator<ClosedConversation> sessions = events
                    .keyBy(e -> e.conversationId)
                    .process(new SessionizeConversations(this.sessions, "cx-stream")).uid("sessionize").name("sessionize conversations");
            quarantine.add(sessions.getSideOutput(SessionizeConversations.QUARANTINE));
            closed.add(sessions);
        }

        List<DataStream<RawEvent>> wholeInputs = new ArrayList<>();
        if (inputs.conversationEvents() != null) {
            wholeInputs.add(env.fromSource(inputs.conversationEvents(), WatermarkStrategy.noWatermarks(), "conversation events")
                    .uid("conversation-events-source"));
        }
        if (inputs.exportFiles() != null) {
            wholeInputs.add(env.fromSource(inputs.exportFiles(), WatermarkStrategy.noWatermarks(), "export files").uid("export-files-source"));
        }
        if (!wholeInputs.isEmpty()) {
            DataStream<RawEvent> raw = wholeInputs.get(0);
            for (int i = 1; i < wholeInputs.size(); i++) raw = raw.union(wholeInputs.get(i));
            SingleOutputStreamOperator<ClosedConversation> parsed = raw.process(new WholeConversations())
                    .uid("parse-whole-conversations").name("parse whole conversations");
            quarantine.add(parsed.getSideOutput(WholeConversations.QUARANTINE));
            SingleOutputStreamOperator<ClosedConversation> versioned = parsed
                    .assignTimestampsAndWatermarks(QuietStreamWatermarks.<ClosedConversation>strategy(this.sessions.outOfOrderness(),
                            this.sessions.quietAfter(), QuietStreamWatermarks.Mode.IDLE, (c, ts) -> c.closedAt))
                    .uid("whole-conversation-watermarks")
                    .keyBy(c -> c.conversationId)
                    .process(new ConversationVersions(this.sessions.reopenRetention())).uid("versions").name("number versions");
            quarantine.add(versioned.getSideOutput(ConversationVersions.QUARANTINE));
            closed.add(versioned);
        }

        DataStream<ClosedConversation> all = closed.get(0);
        for (int i = 1; i < closed.size(); i++) all = all.union(closed.get(i));
        SingleOutputStreamOperator<ScoreRow> scores = all.process(new ScoreConversations(bundle)).uid("score").name("score");
        quarantine.add(scores.getSideOutput(ScoreConversations.QUARANTINE));

        scores.sinkTo(outputs.scores()).uid("scores-sink").name("scores");
        scores.getSideOutput(ScoreConversations.CONVERSATIONS).sinkTo(outputs.conversations()).uid("conversations-sink").name("conversations");
        if (outputs.gapUpdates() != null) {
            scores.getSideOutput(ScoreConversations.GAP_UPDATES).sinkTo(outputs.gapUpdates()).uid("gap-updates-sink").name("gap updates");
        }
        if (outputs.teamCx() != null) {
            scores.getSideOutput(ScoreConversations.TEAM_OBSERVATIONS)
                    .keyBy(o -> o.team)
                    .window(TumblingEventTimeWindows.of(teamWindow))
                    // files and re-opened conversations arrive out of time order: a late one updates its window
                    // again (the newer result per team and window wins); later than the retention it only counts
                    // in the warehouse, which stays the authority
                    .allowedLateness(this.sessions.reopenRetention())
                    .aggregate(new TeamCxAggregate(), new TeamCxAggregate.Labelled()).uid("team-cx").name("team CX")
                    .sinkTo(outputs.teamCx()).uid("team-cx-sink").name("team CX sink");
        }
        DataStream<QuarantineRow> quarantined = quarantine.get(0);
        for (int i = 1; i < quarantine.size(); i++) quarantined = quarantined.union(quarantine.get(i));
        quarantined.sinkTo(outputs.quarantine()).uid("quarantine-sink").name("quarantine");
    }
}
