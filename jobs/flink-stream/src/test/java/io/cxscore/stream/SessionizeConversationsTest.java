package io.cxscore.stream;

import static io.cxscore.stream.SessionEventsFixture.SETTINGS;
import static io.cxscore.stream.SessionEventsFixture.agent;
import static io.cxscore.stream.SessionEventsFixture.at;
import static io.cxscore.stream.SessionEventsFixture.close;
import static io.cxscore.stream.SessionEventsFixture.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.ingest.CxJsonl;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionizeConversationsTest {
    private KeyedOneInputStreamOperatorTestHarness<String, MessageEvent, ClosedConversation> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SessionizeConversations(SETTINGS, "cx-stream")), e -> e.conversationId, Types.STRING);
        harness.open();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    private void send(MessageEvent e) throws Exception {
        harness.processElement(new StreamRecord<>(e, e.at));
    }

    private List<ClosedConversation> emitted() {
        return harness.extractOutputValues();
    }

    private static Conversation parse(ClosedConversation c) throws Exception {
        return CxJsonl.parse(MessageEvents.JSON.readTree(c.conversationJson), "test");
    }

    @Test
    void should_emit_messages_in_event_time_order_when_they_arrive_out_of_order_before_the_close() throws Exception {
        // given: the agent's reply and the close arrive before the customer's first message
        send(agent("c-1", 2, "Refunded the duplicate charge."));
        send(close("c-1", 5));
        send(customer("c-1", 0, "I was charged twice."));
        assertThat(emitted()).isEmpty();

        // when
        harness.processWatermark(at(5));

        // then
        assertThat(emitted()).hasSize(1);
        ClosedConversation closed = emitted().get(0);
        Conversation c = parse(closed);
        assertThat(closed.version).isEqualTo(1);
        assertThat(c.messages()).extracting(Message::text).containsExactly("I was charged twice.", "Refunded the duplicate charge.");
        assertThat(c.openedAt().toEpochMilli()).isEqualTo(at(0));
        assertThat(c.closedAt().toEpochMilli()).isEqualTo(at(5));
        assertThat(c.team()).isEqualTo("billing");
    }

    @Test
    void should_close_the_conversation_when_it_is_inactive_for_the_timeout() throws Exception {
        // given
        send(customer("c-2", 0, "Where is my parcel?"));
        send(agent("c-2", 10, "It ships today."));

        // when: 30 minutes after the first message is not 30 minutes of inactivity
        harness.processWatermark(at(30));
        List<ClosedConversation> early = List.copyOf(emitted());
        harness.processWatermark(at(40));

        // then
        assertThat(early).isEmpty();
        assertThat(emitted()).hasSize(1);
        assertThat(parse(emitted().get(0)).messages()).hasSize(2);
        assertThat(emitted().get(0).closedAt).isEqualTo(at(10));
    }

    @Test
    void should_close_at_each_pause_longer_than_the_timeout_with_one_inactivity_timer_at_a_time() throws Exception {
        // given: messages at 0, 10 and 50 minutes (timeout 30), all arriving before the watermark moves
        send(customer("c-7", 0, "Is my order coming?"));
        send(agent("c-7", 10, "Yes, tomorrow."));
        send(customer("c-7", 50, "It did not come."));
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        // when
        harness.processWatermark(at(100));

        // then: the 40-minute pause after minute 10 closes version 1; version 2 closes 30 minutes after minute 50
        assertThat(emitted()).extracting(c -> c.version).containsExactly(1, 2);
        assertThat(emitted()).extracting(c -> c.closedAt).containsExactly(at(10), at(50));
        assertThat(parse(emitted().get(0)).messages()).hasSize(2);
        assertThat(parse(emitted().get(1)).messages()).hasSize(3);
    }

    @Test
    void should_find_the_first_pause_longer_than_the_timeout_after_a_time() {
        // deadlines 30, 40 (no event until 50), 80; 30 is not after 30
        assertThat(SessionizeConversations.nextInactiveClose(List.of(50L, 0L, 10L), 30, 30)).isEqualTo(40);
        assertThat(SessionizeConversations.nextInactiveClose(List.of(50L, 0L, 10L), 40, 30)).isEqualTo(80);
        // a message within the timeout of the one before removes that one's deadline
        assertThat(SessionizeConversations.nextInactiveClose(List.of(0L, 20L), 0, 30)).isEqualTo(50);
    }

    @Test
    void should_emit_a_new_version_with_the_late_message_when_it_arrives_after_the_close() throws Exception {
        // given: a conversation closed and emitted
        send(customer("c-3", 0, "My card was declined."));
        send(close("c-3", 5));
        harness.processWatermark(at(6));
        assertThat(emitted()).hasSize(1);

        // when: a message written before the close arrives after it was emitted
        send(agent("c-3", 3, "Your bank blocked it; try again now."));
        harness.processWatermark(at(7));

        // then: version 2 holds it, in place, with the same close time
        assertThat(emitted()).hasSize(2);
        ClosedConversation v2 = emitted().get(1);
        assertThat(v2.version).isEqualTo(2);
        assertThat(v2.closedAt).isEqualTo(at(5));
        assertThat(parse(v2).messages()).extracting(Message::text)
                .containsExactly("My card was declined.", "Your bank blocked it; try again now.");
    }

    @Test
    void should_rescore_a_reopened_conversation_when_a_message_follows_its_close() throws Exception {
        // given
        send(customer("c-4", 0, "Reset my password please."));
        send(close("c-4", 2));
        harness.processWatermark(at(3));

        // when: the customer writes again, and the conversation closes again
        send(customer("c-4", 20, "It still does not work."));
        send(close("c-4", 25));
        harness.processWatermark(at(26));

        // then
        assertThat(emitted()).extracting(c -> c.version).containsExactly(1, 2);
        assertThat(parse(emitted().get(1)).messages()).hasSize(2);
        assertThat(emitted().get(1).closedAt).isEqualTo(at(25));
    }

    @Test
    void should_drop_all_state_and_timers_when_the_retention_after_the_last_event_has_passed() throws Exception {
        // given
        send(customer("c-5", 0, "Hello?"));
        send(customer("c-5", 1, "Anyone there?"));
        send(close("c-5", 2));
        harness.processWatermark(at(3));
        assertThat(harness.numKeyedStateEntries()).isPositive();

        // when: two hours (the retention) after the last event
        harness.processWatermark(at(2 + 120));

        // then
        assertThat(emitted()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void should_quarantine_an_event_when_it_is_older_than_the_retention_behind_the_watermark() throws Exception {
        // given
        harness.processWatermark(at(300));

        // when
        send(customer("c-6", 0, "Hi, about my order from this morning."));

        // then
        assertThat(emitted()).isEmpty();
        assertThat(harness.getSideOutput(SessionizeConversations.QUARANTINE)).singleElement()
                .satisfies(r -> {
                    assertThat(r.getValue().recordId).isEqualTo("c-6");
                    assertThat(r.getValue().field).isEqualTo("at");
                    assertThat(r.getValue().reason).startsWith("too late");
                });
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void should_quarantine_a_conversation_when_it_closes_without_any_message() throws Exception {
        // given
        send(close("c-7", 4));

        // when
        harness.processWatermark(at(5));

        // then
        assertThat(emitted()).isEmpty();
        assertThat(harness.getSideOutput(SessionizeConversations.QUARANTINE)).singleElement()
                .satisfies(r -> assertThat(r.getValue().field).isEqualTo("messages"));
    }
}
