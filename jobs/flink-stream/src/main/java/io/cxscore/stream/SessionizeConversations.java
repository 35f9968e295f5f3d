package io.cxscore.stream;

import io.cxscore.core.ingest.CxJsonl;
import io.cxscore.core.ingest.QuarantineRecord;
import io.cxscore.core.model.Conversation;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns message events, keyed by conversation id, into closed conversations, in event time.
 *
 * <p>A conversation closes at its close event's time, or {@code inactivityTimeout} after its last
 * event. It is emitted when the watermark passes that time, so events that arrive out of order
 * within the watermark's bound are in place. Version k of a conversation holds every event at or
 * before its close time. Anything that arrives after a version was emitted re-opens it: a late event
 * (before the close) re-emits the same close with the event added at once; a new message after the
 * close starts the next close. Each emission is a new version that supersedes the previous one.
 *
 * <p>State is kept until {@code reopenRetention} after the last event, then dropped with every
 * timer. An event older than {@code watermark - reopenRetention} goes to quarantine: its
 * conversation may already have been dropped, and re-opening it would score a fragment. Known weakness:
 * a conversation id re-used after its retention starts again at version 1.
 */
public class SessionizeConversations extends KeyedProcessFunction<String, MessageEvent, ClosedConversation> {
    public static final OutputTag<QuarantineRow> QUARANTINE = new OutputTag<>("session-quarantine") {};

    private final SessionSettings settings;
    private final String defaultSource;

    private transient ListState<MessageEvent> events;
    /** last version emitted; null before the first */
    private transient ValueState<Integer> version;
    /** how many events (at or before {@link #emittedCutoff}) the last version held */
    private transient ValueState<Integer> includedCount;
    private transient ValueState<Long> emittedCutoff;
    private transient ValueState<Long> lastEventAt;
    /** every timer registered, so retiring the conversation deletes them all */
    private transient MapState<Long, Boolean> timers;
    private transient Counter emitted;
    private transient Counter quarantined;

    public SessionizeConversations(SessionSettings settings, String defaultSource) {
        this.settings = settings;
        this.defaultSource = defaultSource;
    }

    @Override
    public void open(OpenContext ctx) {
        events = getRuntimeContext().getListState(new ListStateDescriptor<>("events", MessageEvent.class));
        version = getRuntimeContext().getState(new ValueStateDescriptor<>("version", Types.INT));
        includedCount = getRuntimeContext().getState(new ValueStateDescriptor<>("included-count", Types.INT));
        emittedCutoff = getRuntimeContext().getState(new ValueStateDescriptor<>("emitted-cutoff", Types.LONG));
        lastEventAt = getRuntimeContext().getState(new ValueStateDescriptor<>("last-event-at", Types.LONG));
        timers = getRuntimeContext().getMapState(new MapStateDescriptor<>("timers", Types.LONG, Types.BOOLEAN));
        emitted = getRuntimeContext().getMetricGroup().counter("conversationVersionsClosed");
        quarantined = getRuntimeContext().getMetricGroup().counter("eventsQuarantinedAsTooLate");
    }

    @Override
    public void processElement(MessageEvent e, Context ctx, Collector<ClosedConversation> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        long retention = settings.reopenRetention().toMillis();
        if (watermark != Long.MIN_VALUE && e.at < watermark - retention) {
            quarantined.inc();
            ctx.output(QUARANTINE, QuarantineRow.of(new QuarantineRecord(e.origin, e.position, e.conversationId, "at",
                    "too late: " + java.time.Instant.ofEpochMilli(e.at) + " is more than " + settings.reopenRetention()
                            + " behind the stream, its conversation may no longer be kept", ""), System.currentTimeMillis()));
            return;
        }
        events.add(e);
        Long last = lastEventAt.value();
        if (last == null || e.at > last) lastEventAt.update(e.at);
        Long cutoff = emittedCutoff.value();
        if (e.isClose()) {
            schedule(ctx, e.at);
        } else if (cutoff != null && e.at <= cutoff) {
            // late for a version already out: re-emit that close with this event in it, at the next watermark
            schedule(ctx, cutoff);
        } else {
            // an earlier inactivity timer may still fire: onTimer checks it is still a valid close
            schedule(ctx, Math.max(e.at, last == null ? e.at : last) + settings.inactivityTimeout().toMillis());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClosedConversation> out) throws Exception {
        timers.remove(timestamp);
        List<MessageEvent> upToCutoff = new ArrayList<>();
        int all = 0;
        boolean closeAtTimestamp = false;
        long lastBefore = Long.MIN_VALUE;
        for (MessageEvent e : events.get()) {
            all++;
            if (e.at <= timestamp) {
                upToCutoff.add(e);
                lastBefore = Math.max(lastBefore, e.at);
                closeAtTimestamp |= e.isClose() && e.at == timestamp;
            }
        }
        Long cutoff = emittedCutoff.value();
        Integer included = includedCount.value();
        boolean inactive = lastBefore != Long.MIN_VALUE && lastBefore + settings.inactivityTimeout().toMillis() <= timestamp;
        boolean validClose = closeAtTimestamp || inactive || (cutoff != null && cutoff == timestamp);
        if (validClose && upToCutoff.size() > (included == null ? 0 : included)) {
            emit(ctx, upToCutoff, timestamp, out);
            if (lastEventAt.value() != null) schedule(ctx, lastEventAt.value() + settings.reopenRetention().toMillis());
        }
        Long last = lastEventAt.value();
        Integer nowIncluded = includedCount.value();
        if (last != null && timestamp >= last + settings.reopenRetention().toMillis() && nowIncluded != null && nowIncluded == all) {
            retire(ctx);
        }
    }

    private void emit(OnTimerContext ctx, List<MessageEvent> upToCutoff, long cutoff, Collector<ClosedConversation> out) throws Exception {
        String id = ctx.getCurrentKey();
        int next = version.value() == null ? 1 : version.value() + 1;
        version.update(next);
        includedCount.update(upToCutoff.size());
        emittedCutoff.update(cutoff);
        MessageEvent first = upToCutoff.stream().min(ConversationAssembly.EVENT_ORDER).orElseThrow();
        Conversation c = ConversationAssembly.assemble(id, upToCutoff, defaultSource);
        if (c == null) {
            ctx.output(QUARANTINE, QuarantineRow.of(new QuarantineRecord(first.origin, first.position, id, "messages",
                    "the conversation closed with no message events (version " + next + ")", ""), System.currentTimeMillis()));
            return;
        }
        emitted.inc();
        out.collect(new ClosedConversation(id, CxJsonl.write(c), next, c.closedAt().toEpochMilli(), first.origin, first.position));
    }

    private void schedule(Context ctx, long timestamp) throws Exception {
        if (!timers.contains(timestamp)) {
            timers.put(timestamp, true);
            ctx.timerService().registerEventTimeTimer(timestamp);
        }
    }

    private void retire(OnTimerContext ctx) throws Exception {
        for (Long t : timers.keys()) ctx.timerService().deleteEventTimeTimer(t);
        timers.clear();
        events.clear();
        version.clear();
        includedCount.clear();
        emittedCutoff.clear();
        lastEventAt.clear();
    }
}
