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
 * {@code quietAfter} of wall-clock time, the watermark moves to the newest event time seen and then
 * advances with the wall clock ({@link Mode#FOLLOW_WALL_CLOCK}: right for live message events, whose event time is about
 * now), or the input declares itself idle ({@link Mode#IDLE}: right for whole conversations and
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
    private long quietSince = -1;
    private long watermarkAtQuiet;

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
        quietSince = -1;
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
        if (maxTimestamp == Long.MIN_VALUE) return;
        if (quietSince < 0) {
            // nothing has arrived for a while, so nothing is in flight: the out-of-orderness allowance is spent
            quietSince = now;
            watermarkAtQuiet = maxTimestamp;
        }
        output.emitWatermark(new Watermark(watermarkAtQuiet + (now - quietSince)));
    }
}
