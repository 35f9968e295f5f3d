package io.cxscore.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxscore.core.judge.OfflineJudge;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.stream.tools.LocalKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job against a real Kafka KRaft broker in a child JVM: message events in, Parquet and gap updates
 * out, and a cancel and restore from the retained checkpoint in the middle of the stream.
 */
class KafkaStreamJobTest {
    // the demo's customers wait hours for replies and some conversations are closed days after the last
    // message: a week of inactivity, so that here only the close event closes (each conversation once)
    private static final SessionSettings SESSIONS =
            new SessionSettings(Duration.ofDays(7), Duration.ofMinutes(10), Duration.ofDays(10), Duration.ofSeconds(1));
    private static LocalKafkaBroker broker;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startBroker(@TempDir Path dir) throws Exception {
        broker = LocalKafkaBroker.start(Path.of(System.getProperty("cx.kafka.broker.lib", "../kafka-broker/target/broker-lib")), dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) broker.close();
    }

    /**
     * For the restart test: the job must not flush open conversations while the test pauses between the
     * halves, so the watermark moves only with the data, and sentinel events close the tail.
     */
    private static final SessionSettings NO_QUIET_FLUSH =
            new SessionSettings(Duration.ofDays(7), Duration.ofMinutes(10), Duration.ofDays(10), Duration.ofHours(1));

    private ScoreConversationsStreamJob job(String topic, String gapTopic, Path warehouse, String transactionalPrefix) {
        return job(topic, gapTopic, warehouse, transactionalPrefix, SESSIONS);
    }

    private ScoreConversationsStreamJob job(String topic, String gapTopic, Path warehouse, String transactionalPrefix, SessionSettings sessions) {
        String w = warehouse.toUri().toString();
        return new ScoreConversationsStreamJob(
                new ScoreConversationsStreamJob.Inputs(KafkaIo.source(broker.bootstrapServers(), topic, "test-" + topic), null, null),
                new ScoreConversationsStreamJob.Outputs(
                        WarehouseParquetSink.forTable(w, ConversationRow.PARQUET),
                        WarehouseParquetSink.forTable(w, ScoreRow.PARQUET),
                        WarehouseParquetSink.forTable(w, QuarantineRow.PARQUET),
                        KafkaIo.gapUpdates(broker.bootstrapServers(), gapTopic, transactionalPrefix), null),
                sessions, Duration.ofHours(1), RubricBundle.defaults());
    }

    /**
     * The events of these conversations interleaved in event-time order, as a help desk would send them,
     * with each conversation's first two events swapped: out of order, within the watermark's bound.
     */
    private static List<MessageEvent> liveEvents(List<Conversation> conversations) {
        List<MessageEvent> all = new ArrayList<>();
        for (Conversation c : conversations) {
            List<MessageEvent> events = new ArrayList<>(ConversationEvents.of(c));
            if (events.size() > 2) {
                MessageEvent first = events.get(0);
                events.set(0, events.get(1));
                events.set(1, first);
            }
            all.addAll(events);
        }
        List<MessageEvent> byTime = new ArrayList<>(all);
        byTime.sort(Comparator.comparingLong(e -> e.at));
        // keep each conversation's swapped pair: re-insert events in per-conversation order at the times slots
        Map<String, List<MessageEvent>> perConversation = all.stream().collect(Collectors.groupingBy(e -> e.conversationId,
                java.util.LinkedHashMap::new, Collectors.toList()));
        Map<String, Integer> next = new java.util.HashMap<>();
        List<MessageEvent> out = new ArrayList<>(all.size());
        for (MessageEvent slot : byTime) {
            int i = next.merge(slot.conversationId, 1, Integer::sum) - 1;
            out.add(perConversation.get(slot.conversationId).get(i));
        }
        return out;
    }

    private static Map<String, Object> expectedScore(Conversation original, OfflineJudge judge) {
        Conversation assembled = ConversationAssembly.assemble(original.id(), ConversationEvents.of(original), "ignored");
        return StreamTestSupport.expectedScoreColumns(assembled, judge.judge(assembled));
    }

    private static List<Map<String, Object>> awaitRows(Path table, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Map<String, Object>> rows = ParquetTables.rows(table);
        while (rows.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(250);
            rows = ParquetTables.rows(table);
        }
        return rows;
    }

    @Test
    void should_score_each_conversation_once_and_quarantine_bad_events_when_message_events_arrive_on_kafka() throws Exception {
        // given
        String topic = "events-a", gapTopic = "gaps-a";
        KafkaTestSupport.createTopics(broker.bootstrapServers(), 1, topic, gapTopic);
        List<Conversation> conversations = StreamTestSupport.demoConversations(1, 20);
        Path warehouse = tmp.resolve("warehouse");
        JobClient client = job(topic, gapTopic, warehouse, "tx-a").executeAsync(StreamTestSupport.environment(Duration.ofMillis(500), 1, null, null));
        try (KafkaProducer<String, String> producer = KafkaTestSupport.producer(broker.bootstrapServers())) {
            // when
            KafkaTestSupport.send(producer, topic, liveEvents(conversations));
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "bad", "{\"type\":\"message\",\"conversation_id\":\"c-x\"}"));
            producer.flush();

            // then
            List<Map<String, Object>> scores = awaitRows(warehouse.resolve("scores"), conversations.size(), Duration.ofSeconds(60));
            List<Map<String, Object>> quarantine = awaitRows(warehouse.resolve("quarantine"), 1, Duration.ofSeconds(10));
            OfflineJudge judge = OfflineJudge.from(RubricBundle.defaults());
            List<Map<String, Object>> expected = conversations.stream().map(c -> expectedScore(c, judge)).toList();
            assertThat(scores).map(r -> StreamTestSupport.pick(r, expected.get(0).keySet())).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(quarantine).singleElement().satisfies(q -> {
                assertThat(q.get("record_id")).isEqualTo("c-x");
                assertThat(q.get("field")).isEqualTo("at");
                assertThat((String) q.get("position")).startsWith("partition 0 offset ");
            });
            List<ConsumerRecord<String, String>> gapUpdates = KafkaTestSupport.readCommitted(broker.bootstrapServers(), gapTopic, Duration.ofSeconds(2));
            assertThat(gapUpdates).map(r -> conversationIdOf(r.value()) + "/" + r.key())
                    .containsExactlyInAnyOrderElementsOf(StreamTestSupport.expectedGapUpdates(conversations, judge));
        } finally {
            client.cancel().get();
        }
    }

    @Test
    void should_lose_no_conversation_and_score_none_twice_when_the_job_is_cancelled_and_restored_from_its_checkpoint() throws Exception {
        // given: the first half of the events, and a job that has committed at least one checkpoint with output
        String topic = "events-b", gapTopic = "gaps-b";
        KafkaTestSupport.createTopics(broker.bootstrapServers(), 2, topic, gapTopic);
        List<Conversation> conversations = StreamTestSupport.demoConversations(2, 20);
        List<MessageEvent> events = liveEvents(conversations);
        Path warehouse = tmp.resolve("warehouse");
        Path checkpoints = tmp.resolve("checkpoints");
        try (KafkaProducer<String, String> producer = KafkaTestSupport.producer(broker.bootstrapServers())) {
            KafkaTestSupport.send(producer, topic, events.subList(0, events.size() / 2));
            JobClient first = job(topic, gapTopic, warehouse, "tx-b", NO_QUIET_FLUSH)
                    .executeAsync(StreamTestSupport.environment(Duration.ofMillis(300), 2, checkpoints, null));
            awaitRows(warehouse.resolve("scores"), 1, Duration.ofSeconds(60));
            Thread.sleep(700); // let another checkpoint or two complete after the first committed rows

            // when: the job is killed mid-stream and restarted from its latest retained checkpoint
            first.cancel().get();
            String latest = latestCheckpoint(checkpoints);
            KafkaTestSupport.send(producer, topic, events.subList(events.size() / 2, events.size()));
            // one close a day after everything, on each partition, moves every partition's watermark past the last close
            long afterAll = events.stream().mapToLong(e -> e.at).max().orElseThrow() + Duration.ofDays(1).toMillis();
            for (int partition = 0; partition < 2; partition++) {
                MessageEvent sentinel = SessionEventsFixture.close("sentinel-" + partition, 0);
                sentinel.at = afterAll;
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, partition, sentinel.conversationId,
                        MessageEvents.write(sentinel)));
            }
            producer.flush();
            JobClient second = job(topic, gapTopic, warehouse, "tx-b", NO_QUIET_FLUSH)
                    .executeAsync(StreamTestSupport.environment(Duration.ofMillis(300), 2, checkpoints, latest));
            try {
                // then: no conversation lost, and no conversation version scored twice. A message that
                // reaches a conversation after its close re-opens it as a new version, by design (the marts keep
                // the newest); what a restart must never do is commit the same version twice or lose one.
                List<Map<String, Object>> scores = awaitRows(warehouse.resolve("scores"), conversations.size(), Duration.ofSeconds(60));
                Thread.sleep(1500); // a duplicate, if any, would be committed by the next checkpoints
                scores = ParquetTables.rows(warehouse.resolve("scores"));
                Map<Object, Long> perVersion = scores.stream().collect(Collectors.groupingBy(
                        r -> r.get("conversation_id") + "#" + r.get("conversation_version"), Collectors.counting()));
                assertThat(scores.stream().map(r -> r.get("conversation_id")).distinct().toList())
                        .as("scored; quarantined: %s", ParquetTables.rows(warehouse.resolve("quarantine")))
                        .containsExactlyInAnyOrderElementsOf(conversations.stream().map(Conversation::id).toList());
                assertThat(perVersion.values()).containsOnly(1L);
                // the newest version of each conversation holds all of its messages
                Map<Object, Integer> newest = new java.util.HashMap<>();
                Map<Object, Object> newestCount = new java.util.HashMap<>();
                for (Map<String, Object> r : ParquetTables.rows(warehouse.resolve("conversations"))) {
                    int v = ((Number) r.get("conversation_version")).intValue();
                    if (v > newest.getOrDefault(r.get("conversation_id"), 0)) {
                        newest.put(r.get("conversation_id"), v);
                        newestCount.put(r.get("conversation_id"), ((Number) r.get("message_count")).intValue());
                    }
                }
                for (Conversation c : conversations) assertThat(newestCount.get(c.id())).as(c.id()).isEqualTo(c.messages().size());
                List<ConsumerRecord<String, String>> gapUpdates = KafkaTestSupport.readCommitted(broker.bootstrapServers(), gapTopic, Duration.ofSeconds(2));
                // nothing was unreadable or too late (the sentinels themselves are still open: nothing passed them)
                assertThat(ParquetTables.rows(warehouse.resolve("quarantine"))).isEmpty();
                // one committed gap update per conversation version and owner
                Map<String, Long> updates = gapUpdates.stream().collect(Collectors.groupingBy(
                        r -> versionOf(r.value()) + "/" + r.key(), Collectors.counting()));
                assertThat(gapUpdates.stream().map(r -> conversationIdOf(r.value())).distinct().toList())
                        .containsExactlyInAnyOrderElementsOf(conversations.stream().map(Conversation::id).toList());
                assertThat(updates.values()).containsOnly(1L);
            } finally {
                second.cancel().get();
            }
        }
    }

    private static String versionOf(String gapUpdateJson) {
        try {
            var n = MessageEvents.JSON.readTree(gapUpdateJson);
            return n.get("conversation_id").asText() + "#" + n.get("conversation_version").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String conversationIdOf(String gapUpdateJson) {
        try {
            return MessageEvents.JSON.readTree(gapUpdateJson).get("conversation_id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest complete checkpoint (its {@code _metadata} written) under the checkpoint folder. */
    static String latestCheckpoint(Path checkpoints) throws IOException {
        try (Stream<Path> s = Files.walk(checkpoints, 2)) {
            return s.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString().substring(4))))
                    .map(p -> p.toUri().toString())
                    .orElseThrow(() -> new AssertionError("no complete checkpoint under " + checkpoints));
        }
    }
}
