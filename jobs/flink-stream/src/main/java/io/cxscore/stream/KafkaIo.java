package io.cxscore.stream;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The job's Kafka sources and exactly-once sinks. */
public final class KafkaIo {
    private KafkaIo() {}

    /**
     * Reads a topic from the earliest offset on a fresh start and from the checkpoint on a restore.
     * read_committed: records of aborted transactions upstream are never scored.
     */
    public static KafkaSource<RawEvent> source(String brokers, String topic, String groupId) {
        return KafkaSource.<RawEvent>builder()
                .setBootstrapServers(brokers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new RawEventDeserializer())
                .setProperty("isolation.level", "read_committed")
                .build();
    }

    /** Gap updates keyed by owner, committed with each checkpoint (consumers read with read_committed). */
    public static KafkaSink<GapUpdate> gapUpdates(String brokers, String topic, String transactionalIdPrefix) {
        return KafkaSink.<GapUpdate>builder()
                .setBootstrapServers(brokers)
                .setKafkaProducerConfig(producerConfig())
                .setRecordSerializer(KafkaRecordSerializationSchema.<GapUpdate>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(new GapUpdateKey())
                        .setValueSerializationSchema(new GapUpdateValue())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix + "-gaps")
                .build();
    }

    /** Per-team CX windows keyed by team, committed with each checkpoint. */
    public static KafkaSink<TeamCxWindow> teamCx(String brokers, String topic, String transactionalIdPrefix) {
        return KafkaSink.<TeamCxWindow>builder()
                .setBootstrapServers(brokers)
                .setKafkaProducerConfig(producerConfig())
                .setRecordSerializer(KafkaRecordSerializationSchema.<TeamCxWindow>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(new TeamCxKey())
                        .setValueSerializationSchema(new TeamCxValue())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix + "-team-cx")
                .build();
    }

    private static Properties producerConfig() {
        Properties p = new Properties();
        // must exceed the longest checkpoint plus a restart, and stay under the broker's 15-minute maximum
        p.setProperty("transaction.timeout.ms", "600000");
        p.setProperty("linger.ms", "5");
        return p;
    }

    // Named classes, not lambdas: Flink cannot infer a lambda's SerializationSchema type
    static final class GapUpdateKey implements SerializationSchema<GapUpdate> {
        @Override
        public byte[] serialize(GapUpdate u) {
            return u.owner.getBytes(StandardCharsets.UTF_8);
        }
    }

    static final class GapUpdateValue implements SerializationSchema<GapUpdate> {
        @Override
        public byte[] serialize(GapUpdate u) {
            return u.toJson().getBytes(StandardCharsets.UTF_8);
        }
    }

    static final class TeamCxKey implements SerializationSchema<TeamCxWindow> {
        @Override
        public byte[] serialize(TeamCxWindow w) {
            return w.team.getBytes(StandardCharsets.UTF_8);
        }
    }

    static final class TeamCxValue implements SerializationSchema<TeamCxWindow> {
        @Override
        public byte[] serialize(TeamCxWindow w) {
            return w.toJson().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Keeps where each record came from, so a bad one's quarantine row names its partition and offset. */
    static final class RawEventDeserializer implements KafkaRecordDeserializationSchema<RawEvent> {
        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> r, Collector<RawEvent> out) {
            String value = r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
            out.collect(new RawEvent(r.topic(), "partition " + r.partition() + " offset " + r.offset(), r.offset(), r.timestamp(), value));
        }

        @Override
        public TypeInformation<RawEvent> getProducedType() {
            return TypeInformation.of(RawEvent.class);
        }
    }
}
