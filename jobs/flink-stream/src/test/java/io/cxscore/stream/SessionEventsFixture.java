package io.cxscore.stream;

import java.time.Duration;
import java.time.Instant;

/** Named, deterministic events for sessionizer tests. */
final class SessionEventsFixture {
    static final Instant NINE = Instant.parse("2026-10-01T09:00:00Z");
    static final SessionSettings SETTINGS =
            new SessionSettings(Duration.ofMinutes(30), Duration.ofSeconds(5), Duration.ofHours(2), Duration.ofSeconds(2));
    private static long sequence;

    private SessionEventsFixture() {}

    static long at(int minutesAfterNine) {
        return NINE.plus(Duration.ofMinutes(minutesAfterNine)).toEpochMilli();
    }

    static MessageEvent message(String id, int minute, String role, String text) {
        MessageEvent e = event(id, MessageEvent.MESSAGE, minute);
        e.role = role;
        e.text = text;
        return e;
    }

    static MessageEvent customer(String id, int minute, String text) {
        return message(id, minute, "customer", text);
    }

    static MessageEvent agent(String id, int minute, String text) {
        return message(id, minute, "human_agent", text);
    }

    static MessageEvent close(String id, int minute) {
        return event(id, MessageEvent.CLOSE, minute);
    }

    static MessageEvent event(String id, String type, int minute) {
        MessageEvent e = new MessageEvent();
        e.type = type;
        e.conversationId = id;
        e.at = at(minute);
        e.sequence = ++sequence;
        e.origin = "cx.message-events";
        e.position = "partition 0 offset " + e.sequence;
        e.team = "billing";
        return e;
    }
}
