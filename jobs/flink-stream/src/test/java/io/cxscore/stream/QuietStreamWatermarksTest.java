package io.cxscore.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class QuietStreamWatermarksTest {
    private final AtomicLong wallClock = new AtomicLong(1_000_000);
    private final List<Long> emitted = new ArrayList<>();
    private boolean idle;
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark w) {
            emitted.add(w.getTimestamp());
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    };

    private QuietStreamWatermarks<String> generator(QuietStreamWatermarks.Mode mode) {
        return new QuietStreamWatermarks<>(Duration.ofSeconds(5), Duration.ofSeconds(2), mode, wallClock::get);
    }

    @Test
    void should_trail_the_newest_event_by_the_allowance_when_events_flow() {
        // given
        QuietStreamWatermarks<String> g = generator(QuietStreamWatermarks.Mode.FOLLOW_WALL_CLOCK);

        // when: an out-of-order pair
        g.onEvent("a", 50_000, output);
        g.onEvent("b", 40_000, output);
        wallClock.addAndGet(500);
        g.onPeriodicEmit(output);

        // then
        assertThat(emitted).containsExactly(50_000L - 5_000 - 1);
    }

    @Test
    void should_advance_from_the_newest_event_at_the_wall_clocks_pace_when_the_input_is_quiet() {
        // given
        QuietStreamWatermarks<String> g = generator(QuietStreamWatermarks.Mode.FOLLOW_WALL_CLOCK);
        g.onEvent("a", 50_000, output);

        // when: 3 s and then 10 s of silence (quiet after 2 s)
        wallClock.addAndGet(3_000);
        g.onPeriodicEmit(output);
        wallClock.addAndGet(7_000);
        g.onPeriodicEmit(output);

        // then: 1 s and 8 s past the newest event, not "now" (a backlog waiting behind back-pressure stays on time)
        assertThat(emitted).containsExactly(51_000L, 58_000L);
    }

    @Test
    void should_declare_the_input_idle_when_quiet_in_idle_mode() {
        // given
        QuietStreamWatermarks<String> g = generator(QuietStreamWatermarks.Mode.IDLE);
        g.onEvent("a", 50_000, output);

        // when
        wallClock.addAndGet(3_000);
        g.onPeriodicEmit(output);

        // then
        assertThat(idle).isTrue();
        assertThat(emitted).isEmpty();
    }

    @Test
    void should_declare_a_partition_that_never_carried_an_event_idle_so_it_holds_no_other_back() {
        // given
        QuietStreamWatermarks<String> g = generator(QuietStreamWatermarks.Mode.FOLLOW_WALL_CLOCK);

        // when
        wallClock.addAndGet(3_000);
        g.onPeriodicEmit(output);

        // then
        assertThat(idle).isTrue();
        assertThat(emitted).isEmpty();
    }

    @Test
    void should_not_move_event_time_for_an_unreadable_record() {
        // given: an event, then a record without event time (the source's assigner gives Long.MIN_VALUE)
        QuietStreamWatermarks<String> g = generator(QuietStreamWatermarks.Mode.FOLLOW_WALL_CLOCK);
        g.onEvent("a", 50_000, output);
        g.onEvent("bad", Long.MIN_VALUE, output);

        // when
        wallClock.addAndGet(500);
        g.onPeriodicEmit(output);

        // then
        assertThat(emitted).containsExactly(50_000L - 5_000 - 1);
    }

    @Test
    void should_read_the_event_time_of_a_raw_event_and_none_from_a_bad_one() {
        assertThat(MessageEvents.eventTime(raw("{\"type\":\"message\",\"meta\":{\"at\":\"x\"},\"at\":\"2026-10-01T09:00:00Z\"}")))
                .isEqualTo(java.time.Instant.parse("2026-10-01T09:00:00Z").toEpochMilli());
        assertThat(MessageEvents.eventTime(raw("{\"type\":\"message\",\"at\":\"yesterday\"}"))).isEqualTo(Long.MIN_VALUE);
        assertThat(MessageEvents.eventTime(raw("{\"at\":12}"))).isEqualTo(Long.MIN_VALUE);
        assertThat(MessageEvents.eventTime(raw("not json"))).isEqualTo(Long.MIN_VALUE);
        assertThat(MessageEvents.eventTime(raw(null))).isEqualTo(Long.MIN_VALUE);
    }

    private static RawEvent raw(String payload) {
        return new RawEvent("cx.message-events", "partition 0 offset 1", 1, 0, payload);
    }
}
