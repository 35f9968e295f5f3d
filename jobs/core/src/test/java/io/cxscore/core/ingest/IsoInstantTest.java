package io.cxscore.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {
    @Test
    void should_parse_as_instant_parse_does_for_random_instants_at_every_fraction_length() {
        // given
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(-62_135_596_800L, 253_402_300_799L), r.nextInt(1_000_000_000));
            String text = t.toString(); // 0, 3, 6 or 9 fraction digits
            int cut = r.nextInt(10); // and every other length, by cutting the fraction short
            int dot = text.indexOf('.');
            String shorter = dot < 0 ? text : text.substring(0, Math.min(text.length() - 1, dot + 1 + cut)).replaceAll("\\.$", "") + "Z";
            for (String s : List.of(text, shorter)) {
                // then
                assertThat(IsoInstant.parse(s)).as(s).isEqualTo(Instant.parse(s));
            }
        }
    }

    @Test
    void should_leave_every_other_form_and_every_error_to_instant_parse() {
        // given: forms the fast path does not take, which Instant.parse accepts
        for (String s : List.of("2026-10-01t09:00:00z", "2026-10-01T09:00:00+02:00", "2016-12-31T23:59:60Z", "+12026-10-01T09:00:00Z",
                "2026-10-01T24:00:00Z", "2026-10-01T09:00:00.Z")) {
            assertThat(IsoInstant.fast(s)).as(s).isNull();
            assertThat(IsoInstant.parse(s)).as(s).isEqualTo(Instant.parse(s));
        }
        // and text Instant.parse rejects: the same exception
        for (String s : List.of("2026-04-31T09:00:00Z", "2026-13-01T09:00:00Z", "2026-10-01T09:00:00.1234567890Z", "2026-10-01 09:00:00Z", "2026-1O-01T09:00:00Z", "yesterday")) {
            assertThat(IsoInstant.fast(s)).as(s).isNull();
            assertThatThrownBy(() -> IsoInstant.parse(s)).as(s).isInstanceOf(DateTimeParseException.class);
        }
    }
}
