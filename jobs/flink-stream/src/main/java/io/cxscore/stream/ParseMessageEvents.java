package io.cxscore.stream;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Raw records of the message-events topic to {@link MessageEvent}s; unreadable ones to quarantine with the reason. */
public class ParseMessageEvents extends ProcessFunction<RawEvent, MessageEvent> {
    public static final OutputTag<QuarantineRow> QUARANTINE = new OutputTag<>("event-quarantine") {};
    private transient Counter read;
    private transient Counter quarantined;

    @Override
    public void open(OpenContext ctx) {
        read = getRuntimeContext().getMetricGroup().counter("messageEventsRead");
        quarantined = getRuntimeContext().getMetricGroup().counter("messageEventsQuarantined");
    }

    @Override
    public void processElement(RawEvent raw, Context ctx, Collector<MessageEvent> out) {
        read.inc();
        MessageEvents.Parsed parsed = MessageEvents.parse(raw);
        if (parsed instanceof MessageEvents.Parsed.Event e) {
            out.collect(e.event());
        } else {
            quarantined.inc();
            ctx.output(QUARANTINE, QuarantineRow.of(((MessageEvents.Parsed.Rejected) parsed).quarantine(), System.currentTimeMillis()));
        }
    }
}
