package io.cxscore.stream;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded out-of-orderness watermarks that do not stall when the input goes quiet.
 *
 * <p>With plain bounded-out-of-orderness watermarks, the last conversations before a lull never
 * close: nothing pushes event time past their close. Here, once no event has arrived for
 * {@code quietAfter} of wall-clock time, the watermark moves to the wall clock less the allowance
 * ({@link Mode#FOLLOW_WALL_CLOCK}: right for live message events, whose event time is about now; a replay of old
 * events that pauses therefore closes everything open, and what it sends after the pause is late), or the input declares itself idle ({@link Mode#IDLE}: right for whole conversations and
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
                .<T>forGenerator(ctx -> new QuietStreamWatermarks<>(outOfOrderness, quietAfter, mode))
                .withTimestampAssigner(timestamps);
    }

    public QuietStreamWatermarks(Duration outOfOrderness, Duration quietAfter, Mode mode) {
        this(outOfOrderness, quietAfter, mode, System::currentTimeMillis);
    }

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
        if (mode == Mode.IDLE) {
            output.markIdle();
            return;
        }
        // Nothing has arrived for a while, so nothing is in flight: event time is at least "now" less the
        // allowance. Jumping only to this input's own newest event would not do: the sessionizer sees the
        // minimum over all inputs, and a quiet partition whose newest event is hours old would hold back
        // every conversation for hours of wall-clock time.
        output.emitWatermark(new Watermark(Math.max(maxTimestamp, now - outOfOrderness - 1)));
    }
}
