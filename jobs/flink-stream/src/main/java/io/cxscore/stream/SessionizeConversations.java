package io.cxscore.stream;

import io.cxscore.core.ingest.CxJsonl;
import io.cxscore.core.ingest.QuarantineRecord;
import io.cxscore.core.model.Conversation;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
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
    /** everything else about the conversation in one value: one state read per event (state lives in RocksDB) */
    private transient ValueState<Session> session;
    private transient Counter emitted;
    private transient Counter quarantined;

    /** What is known of a conversation besides its events. A POJO so that Flink serializes it without Kryo. */
    public static class Session {
        /** last version emitted; 0 before the first */
        public int version;
        /** how many events (at or before {@link #emittedCutoff}) the last version held */
        public int includedCount;
        /** how many events are kept */
        public int eventCount;
        /** the close time of the last version; Long.MIN_VALUE before the first */
        public long emittedCutoff = Long.MIN_VALUE;
        public long lastEventAt = Long.MIN_VALUE;
        /** the one pending inactivity timer; Long.MIN_VALUE when none is */
        public long inactivityTimer = Long.MIN_VALUE;

        public Session() {}
    }

    public SessionizeConversations(SessionSettings settings, String defaultSource) {
        this.settings = settings;
        this.defaultSource = defaultSource;
    }

    @Override
    public void open(OpenContext ctx) {
        events = getRuntimeContext().getListState(new ListStateDescriptor<>("events", MessageEvent.class));
        session = getRuntimeContext().getState(new ValueStateDescriptor<>("session", Session.class));
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
        Session s = session.value();
        if (s == null) s = new Session();
        long last = s.lastEventAt;
        s.lastEventAt = Math.max(last, e.at);
        s.eventCount++;
        // Flink keeps one timer per key and time, so scheduling a time twice is harmless
        if (e.isClose()) {
            ctx.timerService().registerEventTimeTimer(e.at);
        } else if (s.version > 0 && e.at <= s.emittedCutoff) {
            // late for a version already out: re-emit that close with this event in it, at the next watermark
            ctx.timerService().registerEventTimeTimer(s.emittedCutoff);
        } else if (s.inactivityTimer == Long.MIN_VALUE) {
            // One inactivity timer per conversation, not one per event: with timers in RocksDB each is a write, a read
            // and a delete. A pending one is never later than this event's deadline (the last event time only grows);
            // when it fires, onTimer closes if the conversation is inactive, else moves it to the next possible close.
            s.inactivityTimer = Math.max(e.at, last) + settings.inactivityTimeout().toMillis();
            ctx.timerService().registerEventTimeTimer(s.inactivityTimer);
        }
        session.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClosedConversation> out) throws Exception {
        Session s = session.value();
        if (s == null) return; // retired: nothing is left to close
        long timeout = settings.inactivityTimeout().toMillis();
        long retireAt = s.lastEventAt + settings.reopenRetention().toMillis();
        boolean changed = false;
        if (timestamp == s.inactivityTimer) {
            s.inactivityTimer = Long.MIN_VALUE;
            changed = true;
        }
        // the events are read only when some are in no version yet: only then can this timer close a new one
        if (s.version == 0 || s.includedCount < s.eventCount) {
            List<MessageEvent> upToCutoff = new ArrayList<>();
            boolean closeAtTimestamp = false;
            long lastBefore = Long.MIN_VALUE;
            List<Long> times = new ArrayList<>();
            for (MessageEvent e : events.get()) {
                times.add(e.at);
                if (e.at <= timestamp) {
                    upToCutoff.add(e);
                    lastBefore = Math.max(lastBefore, e.at);
                    closeAtTimestamp |= e.isClose() && e.at == timestamp;
                }
            }
            boolean inactive = lastBefore != Long.MIN_VALUE && lastBefore + timeout <= timestamp;
            boolean validClose = closeAtTimestamp || inactive || (s.version > 0 && s.emittedCutoff == timestamp);
            if (validClose && upToCutoff.size() > s.includedCount) {
                emit(ctx, s, upToCutoff, timestamp, out);
                changed = true;
                ctx.timerService().registerEventTimeTimer(retireAt);
            }
            if (s.inactivityTimer == Long.MIN_VALUE && s.includedCount < s.eventCount) {
                // events wait for a later version: the inactivity timer moves to their first possible close
                s.inactivityTimer = nextInactiveClose(times, timestamp, timeout);
                ctx.timerService().registerEventTimeTimer(s.inactivityTimer);
                changed = true;
            }
        }
        if (changed) session.update(s);
        // Every timer of a conversation is at or before its last event plus the retention, so when that one
        // fires none is left to delete; the state goes once every event is in an emitted version
        if (timestamp >= retireAt && s.version > 0 && s.includedCount == s.eventCount) {
            events.clear();
            session.clear();
        }
    }

    /**
     * The earliest time after {@code after} when the conversation is inactive: an event time plus the timeout with no
     * event between. The last event's deadline always qualifies, so there is one.
     */
    static long nextInactiveClose(List<Long> eventTimes, long after, long timeout) {
        List<Long> sorted = new ArrayList<>(eventTimes);
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            long deadline = sorted.get(i) + timeout;
            boolean quietUntilDeadline = i == sorted.size() - 1 || sorted.get(i + 1) > deadline;
            if (deadline > after && quietUntilDeadline) return deadline;
        }
        throw new IllegalStateException("no event after " + after + " to close on");
    }

    private void emit(OnTimerContext ctx, Session s, List<MessageEvent> upToCutoff, long cutoff, Collector<ClosedConversation> out) {
        String id = ctx.getCurrentKey();
        int next = s.version + 1;
        s.version = next;
        s.includedCount = upToCutoff.size();
        s.emittedCutoff = cutoff;
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
}
