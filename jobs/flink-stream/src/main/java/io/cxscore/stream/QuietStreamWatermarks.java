package io.cxscore.stream;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness watermarks that do not stall when the input goes quiet.
 *
 * <p>"Quiet" is measured on the source's input-activity clock, which stands still while the source is
 * back-pressured: a backlog waiting in Kafka behind a slow operator is not silence, and advancing the
 * watermark over it would close its conversations before their last events are read. Given to
 * {@code fromSource}, one generator runs per Kafka partition, so each partition's event time counts.
 * A partition that has never carried an event declares itself idle instead of holding every other back.
 *
 * <p>With plain bounded-out-of-orderness watermarks, the last conversations before a lull never
 * close: nothing pushes event time past their close. Here, once no event has arrived for
 * {@code quietAfter} of wall-clock time, the watermark advances from the newest event time seen at
 * the wall clock's pace ({@link Mode#FOLLOW_WALL_CLOCK}: right for live message events, whose event
 * time is about now), or the input declares itself idle ({@link Mode#IDLE}: right for whole conversations and
 * files, whose event times may be months old and must not hold back the other inputs).
 */
public class QuietStreamWatermarks<T> implements WatermarkGenerator<T> {
    public enum Mode { FOLLOW_WALL_CLOCK, IDLE }

    private final long outOfOrderness;
    private final long quietAfter;
    private final Mode mode;
    private final java.util.function.LongSupplier clock;

    private long maxTimestamp = Long.MIN_VALUE;
    private long lastEventWallClock;

    /** The strategy for a stream; a static factory so the lambda captures only serializable values. */
    public static <T> org.apache.flink.api.common.eventtime.WatermarkStrategy<T> strategy(
            Duration outOfOrderness, Duration quietAfter, Mode mode,
            org.apache.flink.api.common.eventtime.SerializableTimestampAssigner<T> timestamps) {
        return org.apache.flink.api.common.eventtime.WatermarkStrategy
                .<T>forGenerator(ctx -> new QuietStreamWatermarks<>(outOfOrderness, quietAfter, mode,
                        ctx.getInputActivityClock()::relativeTimeMillis))
                .withTimestampAssigner(timestamps);
    }

    /** @param clock milliseconds of input activity (wall-clock time less the time the input was held back) */
    QuietStreamWatermarks(Duration outOfOrderness, Duration quietAfter, Mode mode, java.util.function.LongSupplier clock) {
        this.outOfOrderness = outOfOrderness.toMillis();
        this.quietAfter = quietAfter.toMillis();
        this.mode = mode;
        this.clock = clock;
        this.lastEventWallClock = clock.getAsLong();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        lastEventWallClock = clock.getAsLong();
        // an unreadable record has no event time (Long.MIN_VALUE): it shows activity but moves nothing
        if (eventTimestamp > maxTimestamp) maxTimestamp = eventTimestamp;
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.getAsLong();
        long regular = maxTimestamp == Long.MIN_VALUE ? Long.MIN_VALUE : maxTimestamp - outOfOrderness - 1;
        if (now - lastEventWallClock < quietAfter) {
            output.emitWatermark(new Watermark(regular));
            return;
        }
        if (mode == Mode.IDLE || maxTimestamp == Long.MIN_VALUE) {
            output.markIdle();
            return;
        }
        // Advance from the newest event seen, at the wall clock's pace, never straight to "now": silence can
        // also mean back-pressure (the events wait in Kafka), and jumping to now would make that whole backlog
        // late. With live traffic the newest event is about now anyway.
        output.emitWatermark(new Watermark(maxTimestamp + (now - lastEventWallClock - quietAfter)));
    }
}
