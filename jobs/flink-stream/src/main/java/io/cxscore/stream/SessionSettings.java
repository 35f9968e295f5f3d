package io.cxscore.stream;

import java.io.Serializable;
import java.time.Duration;

/**
 * How message events become conversations.
 *
 * @param inactivityTimeout a conversation with no close event closes this long (event time) after its last event
 * @param outOfOrderness how far behind the newest event an event may arrive and still count as on time
 * @param reopenRetention how long (event time) a closed conversation is kept so that a late or new message re-opens
 *     and re-scores it with its whole history; after that its state is dropped, and an event older than
 *     {@code watermark - reopenRetention} is quarantined as too late
 * @param quietAfter when the input has been silent this long (wall clock), event time is advanced with the wall
 *     clock, so the last conversations before a lull still close
 */
public record SessionSettings(Duration inactivityTimeout, Duration outOfOrderness, Duration reopenRetention,
                              Duration quietAfter) implements Serializable {
    public SessionSettings {
        if (inactivityTimeout.isNegative() || inactivityTimeout.isZero()) throw new IllegalArgumentException("inactivity timeout must be positive");
        if (outOfOrderness.isNegative()) throw new IllegalArgumentException("out-of-orderness must not be negative");
        if (reopenRetention.compareTo(inactivityTimeout) <= 0) {
            throw new IllegalArgumentException("re-open retention (" + reopenRetention + ") must be longer than the inactivity timeout ("
                    + inactivityTimeout + "): a conversation must be closed before it is forgotten");
        }
    }

    public static SessionSettings defaults() {
        return new SessionSettings(Duration.ofMinutes(30), Duration.ofSeconds(5), Duration.ofDays(2), Duration.ofSeconds(2));
    }
}
