package io.cxscore.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients against the test's real broker. */
final class KafkaTestSupport {
    private KafkaTestSupport() {}

    static void createTopics(String brokers, int partitions, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            List<NewTopic> t = new ArrayList<>();
            for (String name : topics) t.add(new NewTopic(name, partitions, (short) 1));
            admin.createTopics(t).all().get();
        }
    }

    static KafkaProducer<String, String> producer(String brokers) {
        Properties p = new Properties();
        p.put("bootstrap.servers", brokers);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("linger.ms", "5");
        p.put("acks", "all");
        return new KafkaProducer<>(p);
    }

    static void send(KafkaProducer<String, String> producer, String topic, List<MessageEvent> events) {
        for (MessageEvent e : events) producer.send(new ProducerRecord<>(topic, e.conversationId, MessageEvents.write(e)));
        producer.flush();
    }

    /** Everything committed to the topic so far (read_committed: aborted transactions are invisible). */
    static List<ConsumerRecord<String, String>> readCommitted(String brokers, String topic, Duration quiet) {
        Properties p = new Properties();
        p.put("bootstrap.servers", brokers);
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of(topic));
            long lastRecord = System.nanoTime();
            while (System.nanoTime() - lastRecord < quiet.toNanos()) {
                var records = c.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) lastRecord = System.nanoTime();
                records.forEach(out::add);
            }
        }
        return out;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
