package io.cxscore.stream.tools;

import io.cxscore.core.demo.DemoGenerator;
import io.cxscore.core.model.Conversation;
import io.cxscore.stream.ConversationEvents;
import io.cxscore.stream.MessageEvent;
import io.cxscore.stream.MessageEvents;
import io.cxscore.stream.StreamJobConfig;
import io.cxscore.stream.StreamJobMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A benchmark command, not a test: replays demo conversations as live message events through a real
 * Kafka broker into the stream job (in this JVM), kills the job halfway and restores it from its
 * latest checkpoint, then prints the sustained rate, the latency from each conversation's closing
 * event to its committed gap update and to its committed scores row, and the duplicates and losses.
 *
 * <p>Replay: each conversation's events are sent one after another with their event time set to the
 * send time (so the watermark tracks the wall clock as in production; the demo's own minutes-long
 * waits would otherwise make a 100k replay take weeks). The close event is the last one sent.
 *
 * <pre>
 * java -cp jobs/flink-stream/target/cx-flink-stream-0.1.0-SNAPSHOT-job.jar io.cxscore.stream.tools.StreamBenchmark \
 *   --conversations 100000 --rate 2000 --broker-lib jobs/kafka-broker/target/broker-lib
 * </pre>
 *
 * <p>{@code --latencies FILE} also writes each conversation's closing time and latencies as CSV.
 */
public final class StreamBenchmark {
    private StreamBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        int total = Integer.parseInt(a.getOrDefault("conversations", "100000"));
        int rate = Integer.parseInt(a.getOrDefault("rate", "2000"));
        int warmUp = Math.max(1, Integer.parseInt(a.getOrDefault("warm-up", "20000")));
        double goalSeconds = Double.parseDouble(a.getOrDefault("goal-p95", "2"));
        int parallelism = Integer.parseInt(a.getOrDefault("parallelism", "2"));
        Duration checkpointInterval = StreamJobConfig.duration(a.get("checkpoint-interval"), Duration.ofMillis(500));
        Path brokerLib = Path.of(a.getOrDefault("broker-lib", "jobs/kafka-broker/target/broker-lib"));
        Path work = Path.of(a.getOrDefault("work", "out/stream-benchmark-" + System.currentTimeMillis()));
        double killAt = Double.parseDouble(a.getOrDefault("kill-at", "0.5"));
        // the sessionizer keeps every event of a conversation until the re-open retention has passed: at
        // 2,000 conversations/s the production default (2 days) would hold hundreds of millions of events
        String inactivity = a.getOrDefault("inactivity-timeout", "30s");
        String retention = a.getOrDefault("reopen-retention", "60s");

        System.out.printf(Locale.ROOT, "[bench] %,d conversations (after %,d warm-up ones) at %,d/s target, parallelism %d, checkpoint every %s, kill at %.0f%%,"
                + " inactivity timeout %s, re-open retention %s%n", total, warmUp, rate, parallelism, checkpointInterval, killAt * 100, inactivity, retention);
        boolean failed;
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(brokerLib, work.resolve("kafka"))) {
            String brokers = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
                admin.createTopics(List.of(new NewTopic("cx.message-events", parallelism, (short) 1),
                        new NewTopic("cx.gap-updates", 1, (short) 1))).all().get();
            }
            Path warehouse = work.resolve("warehouse");
            Path checkpoints = work.resolve("checkpoints");
            String[] jobArgs = {"--brokers", brokers, "--message-topic", "cx.message-events", "--gap-topic", "cx.gap-updates",
                    "--team-cx-topic", "", "--warehouse", warehouse.toString(), "--checkpoints", checkpoints.toString(),
                    "--checkpoint-interval", checkpointInterval.toMillis() + "ms", "--parallelism", String.valueOf(parallelism),
                    "--out-of-orderness", "200ms", "--inactivity-timeout", inactivity, "--reopen-retention", retention,
                    "--quiet-after", "1s", "--group-id", "bench"};

            Map<String, Long> closedAt = new ConcurrentHashMap<>(total * 2);
            Map<String, Long> gapSeenAt = new ConcurrentHashMap<>(total * 2);
            AtomicLong gapDuplicates = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            Thread gapReader = new Thread(() -> readGaps(brokers, closedAt, gapSeenAt, gapDuplicates, stop), "gap-reader");
            gapReader.start();
            Map<String, Long> rowSeenAt = new ConcurrentHashMap<>(total * 2);
            Thread rowWatcher = new Thread(() -> watchScores(warehouse.resolve("scores"), rowSeenAt, stop), "scores-watcher");
            rowWatcher.start();

            // Everything the replay sends is made before the clock starts: the help desk producing these events is
            // not part of the job, and making them here would take CPU from the job under test. Only the event time
            // (the send time) is filled in while sending.
            List<String> ids = new ArrayList<>(total);
            List<String[]> framed = new ArrayList<>(total);
            DemoGenerator demo = DemoGenerator.builder().seed(2026).startDate(LocalDate.of(2026, 1, 1))
                    .days(Math.max(1, (total + 2_499) / 2_500)).conversationsPerDay(2_500).malformedRate(0).build();
            for (LocalDate day = demo.startDate(); ids.size() < total; day = day.plusDays(1)) {
                for (Conversation c : demo.conversations(day)) {
                    if (ids.size() >= total) break;
                    String id = "b" + ids.size() + "-" + c.id();
                    ids.add(id);
                    framed.add(framedEvents(id, ConversationEvents.of(c)));
                }
            }
            Properties pp = new Properties();
            pp.put("bootstrap.servers", brokers);
            pp.put("key.serializer", StringSerializer.class.getName());
            pp.put("value.serializer", StringSerializer.class.getName());
            pp.put("linger.ms", "5");
            // acks=all keeps the idempotent producer on: a retried batch cannot overtake a later one, so each
            // conversation's close stays after its messages, as a help desk's producer should keep them
            pp.put("acks", "all");
            JobClient job;
            long killedAt = 0, restartedAt = 0, jitAtKill = 0;
            var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            var classes = java.lang.management.ManagementFactory.getClassLoadingMXBean();
            int sent = 0;
            long t0;
            long jitMillis0;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp)) {
                // the clock starts once the job answers: its start-up is not a conversation's latency
                long startup = System.currentTimeMillis();
                job = start(jobArgs, null);
                // warm-up: the JIT compiles Flink's, Kafka's, Parquet's and our paths in the first tens of seconds, and
                // that compilation competes with the job for the 2 cores; "sustained" is measured after it
                List<Conversation> warmUpSource = demo.conversations(demo.startDate());
                long warmUpStart = System.currentTimeMillis();
                String lastWarmUp = null;
                for (int i = 0; i < warmUp; i++) {
                    long due = warmUpStart + (long) (i * 1000.0 / rate);
                    long wait = due - System.currentTimeMillis();
                    if (wait > 0) Thread.sleep(wait);
                    lastWarmUp = "warm-up-" + i + "-" + UUID.randomUUID();
                    sendConversation(producer, lastWarmUp, framedEvents(lastWarmUp, ConversationEvents.of(warmUpSource.get(i % warmUpSource.size()))),
                            System.currentTimeMillis());
                }
                long warmUpDeadline = System.currentTimeMillis() + 300_000;
                while (lastWarmUp != null && !gapSeenAt.containsKey(lastWarmUp) && System.currentTimeMillis() < warmUpDeadline) Thread.sleep(50);
                if (lastWarmUp != null && !gapSeenAt.containsKey(lastWarmUp)) throw new IllegalStateException("the job did not finish the warm-up within 300 s");
                Thread.sleep(2_000);
                System.out.printf(Locale.ROOT, "[bench] job started and scored %,d warm-up conversations in %.1f s%n", warmUp, (System.currentTimeMillis() - startup) / 1000.0);
                t0 = System.currentTimeMillis();
                long senderCpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                jitMillis0 = jit.getTotalCompilationTime();
                long killAfter = Math.round(total * killAt);
                while (sent < total) {
                    // pace: conversation n closes at t0 + n/rate
                    long due = t0 + (long) (sent * 1000.0 / rate);
                    long wait = due - System.currentTimeMillis();
                    if (wait > 0) Thread.sleep(wait);
                    long now = System.currentTimeMillis();
                    sendConversation(producer, ids.get(sent), framed.get(sent), now);
                    closedAt.put(ids.get(sent), now);
                    framed.set(sent, null);
                    sent++;
                    if (sent == killAfter && killedAt == 0) {
                        // kill mid-stream (the producer keeps going while the job is down) and restore from the checkpoint
                        Thread.sleep(checkpointInterval.toMillis() * 3);
                        killedAt = System.currentTimeMillis();
                        jitAtKill = jit.getTotalCompilationTime();
                        long classes0 = classes.getTotalLoadedClassCount();
                        job.cancel().get();
                        String latest = latestCheckpoint(checkpoints);
                        job = start(jobArgs, latest);
                        restartedAt = System.currentTimeMillis();
                        // a restore here starts a new local cluster in this JVM, which loads some two thousand classes again; loaded
                        // classes can invalidate compiled code that assumed fewer implementations, so the JIT works again after it
                        System.out.printf(Locale.ROOT, "[bench] killed after %,d conversations, restored from %s in %.1f s (%,d classes loaded)%n",
                                sent, latest, (restartedAt - killedAt) / 1000.0, classes.getTotalLoadedClassCount() - classes0);
                    }
                }
                producer.flush();
                System.out.printf(Locale.ROOT, "[bench] the replay's sending thread used %.0f%% of a core while sending%n",
                        (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - senderCpu0) / 1e4
                                / Math.max(1, System.currentTimeMillis() - t0));
            }
            long sendDone = System.currentTimeMillis();
            System.out.printf(Locale.ROOT, "[bench] sent %,d conversations in %.1f s (%.0f/s)%n", sent, (sendDone - t0) / 1000.0,
                    sent * 1000.0 / (sendDone - t0));
            long deadline = System.currentTimeMillis() + 180_000;
            while ((measured(gapSeenAt) < sent || measured(rowSeenAt) < sent) && System.currentTimeMillis() < deadline) Thread.sleep(500);
            Thread.sleep(3_000); // late duplicates, if any, would be committed by the next checkpoints
            stop.set(true);
            gapReader.join();
            rowWatcher.join();
            job.cancel().get();

            gapSeenAt.keySet().removeIf(id -> id.startsWith("warm-up-"));
            rowSeenAt.keySet().removeIf(id -> id.startsWith("warm-up-"));
            long end = System.currentTimeMillis();
            if (killedAt == 0) { // no kill (--kill-at above 1): all of it counts as before the kill
                killedAt = end;
                jitAtKill = jit.getTotalCompilationTime();
            }
            System.out.printf(Locale.ROOT, "[bench] JIT compiler threads worked %.1f s of the measured phase's %.1f s (this JVM): %.1f s of %.1f s before the"
                            + " kill, %.1f s of %.1f s from the kill on%n",
                    (jit.getTotalCompilationTime() - jitMillis0) / 1000.0, (end - t0) / 1000.0,
                    (jitAtKill - jitMillis0) / 1000.0, (killedAt - t0) / 1000.0, (jit.getTotalCompilationTime() - jitAtKill) / 1000.0,
                    (end - killedAt) / 1000.0);
            long lastGap = gapSeenAt.values().stream().mapToLong(Long::longValue).max().orElse(t0);
            System.out.printf(Locale.ROOT, "[bench] sustained: %,d conversations scored and published in %.1f s = %.0f conversations/s%n",
                    gapSeenAt.size(), (lastGap - t0) / 1000.0, gapSeenAt.size() * 1000.0 / (lastGap - t0));
            if (a.containsKey("latencies")) writeLatencies(Path.of(a.get("latencies")), t0, closedAt, gapSeenAt, rowSeenAt);
            long steadyFrom = t0 + 5_000, steadyTo = killedAt - 1_000;
            long completed = gapSeenAt.values().stream().filter(v -> v >= steadyFrom && v < steadyTo).count();
            if (steadyTo > steadyFrom) {
                System.out.printf(Locale.ROOT, "[bench] steady throughput before the kill: %,d gap updates published from 5 s after the start to 1 s"
                        + " before the kill (%.1f s) = %.0f conversations/s%n", completed, (steadyTo - steadyFrom) / 1000.0,
                        completed * 1000.0 / (steadyTo - steadyFrom));
            }
            report("gap update (committed, read_committed consumer)", closedAt, gapSeenAt, killedAt, restartedAt);
            if (restartedAt > 0) recovery(closedAt, gapSeenAt, restartedAt, goalSeconds);
            report("scores row (committed Parquet file visible)", closedAt, rowSeenAt, killedAt, restartedAt);
            long rowDuplicates = countScoreRows(warehouse.resolve("scores")) - rowSeenAt.size();
            long gapLost = closedAt.keySet().stream().filter(k -> !gapSeenAt.containsKey(k)).count();
            long rowLost = closedAt.keySet().stream().filter(k -> !rowSeenAt.containsKey(k)).count();
            System.out.printf(Locale.ROOT, "[bench] after the kill and restore: gap updates %,d duplicates, %,d lost; scores rows %,d duplicates, %,d lost%n",
                    gapDuplicates.get(), gapLost, rowDuplicates, rowLost);
            failed = gapDuplicates.get() != 0 || gapLost != 0 || rowDuplicates != 0 || rowLost != 0;
        }
        if (failed) System.exit(1);
    }

    /** One line per conversation, for plotting latency against time: seconds since the clock started, then milliseconds. */
    private static void writeLatencies(Path file, long t0, Map<String, Long> closedAt, Map<String, Long> gapSeenAt, Map<String, Long> rowSeenAt)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of("closed_s,gap_update_ms,scores_row_ms"));
        closedAt.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            Long gap = gapSeenAt.get(e.getKey()), row = rowSeenAt.get(e.getKey());
            lines.add(String.format(Locale.ROOT, "%.3f,%s,%s", (e.getValue() - t0) / 1000.0, gap == null ? "" : gap - e.getValue(),
                    row == null ? "" : row - e.getValue()));
        });
        Files.write(file, lines);
    }

    /**
     * How long after the restore until the latency is back under the goal: conversations are grouped by the second
     * they closed in, and recovery ends at the first second after which every group's p95 gap-update latency stays
     * at or under the goal.
     */
    private static void recovery(Map<String, Long> closedAt, Map<String, Long> seenAt, long restartedAt, double goalSeconds) {
        java.util.TreeMap<Long, List<Long>> bySecond = new java.util.TreeMap<>();
        for (Map.Entry<String, Long> e : seenAt.entrySet()) {
            Long closed = closedAt.get(e.getKey());
            if (closed != null && closed >= restartedAt) bySecond.computeIfAbsent((closed - restartedAt) / 1000, k -> new ArrayList<>()).add(e.getValue() - closed);
        }
        long recoveredAt = -1;
        for (Map.Entry<Long, List<Long>> e : bySecond.descendingMap().entrySet()) {
            if (percentile(e.getValue(), 95) > goalSeconds * 1000) break;
            recoveredAt = e.getKey();
        }
        if (recoveredAt < 0) {
            System.out.printf(Locale.ROOT, "[bench] recovery: gap-update p95 was not back under %.2f s by the end of the run%n", goalSeconds);
        } else {
            System.out.printf(Locale.ROOT, "[bench] recovery: gap-update p95 back under %.2f s for conversations closed from %d s after the restore on%n",
                    goalSeconds, recoveredAt);
        }
    }

    private static long measured(Map<String, Long> seen) {
        return seen.keySet().stream().filter(id -> !id.startsWith("warm-up-")).count();
    }

    private static final String EPOCH_AT = "\"at\":\"" + java.time.Instant.EPOCH + "\"";

    /** Each event's JSON split around its event time, which is only known when it is sent. */
    private static String[] framedEvents(String id, List<MessageEvent> events) {
        String[] out = new String[events.size() * 2];
        for (int i = 0; i < events.size(); i++) {
            MessageEvent e = events.get(i);
            e.conversationId = id;
            e.at = 0;
            String json = MessageEvents.write(e);
            int at = json.indexOf(EPOCH_AT);
            out[2 * i] = json.substring(0, at) + "\"at\":\"";
            out[2 * i + 1] = "\"" + json.substring(at + EPOCH_AT.length());
        }
        return out;
    }

    private static void sendConversation(KafkaProducer<String, String> producer, String id, String[] framed, long at) {
        String time = java.time.Instant.ofEpochMilli(at).toString();
        for (int i = 0; i < framed.length; i += 2) {
            producer.send(new ProducerRecord<>("cx.message-events", id, framed[i] + time + framed[i + 1]));
        }
    }

    private static JobClient start(String[] args, String restoreFrom) throws Exception {
        String[] withRestore = args;
        if (restoreFrom != null) {
            withRestore = Arrays.copyOf(args, args.length + 2);
            withRestore[args.length] = "--restore-from";
            withRestore[args.length + 1] = restoreFrom;
        }
        StreamJobConfig config = StreamJobConfig.parse(withRestore);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(StreamJobMain.flinkConfiguration(config));
        return StreamJobMain.job(config).executeAsync(env);
    }

    private static void readGaps(String brokers, Map<String, Long> closedAt, Map<String, Long> seen, AtomicLong duplicates, AtomicBoolean stop) {
        Properties p = new Properties();
        p.put("bootstrap.servers", brokers);
        p.put("group.id", "bench-reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("isolation.level", "read_committed");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        java.util.Set<String> updates = new java.util.HashSet<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            c.subscribe(List.of("cx.gap-updates"));
            while (!stop.get()) {
                var records = c.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis();
                for (var r : records) {
                    // one update per owner per conversation version is expected; the same one twice is a duplicate
                    String id = field(r.value(), "conversation_id");
                    if (!updates.add(field(r.value(), "owner") + "|" + id + "|" + field(r.value(), "conversation_version"))) {
                        duplicates.incrementAndGet();
                    }
                    seen.putIfAbsent(id, now);
                }
            }
        }
    }

    /** A top-level string or number field of a gap update; GapUpdate.toJson writes these before the findings, so a full parse is not needed. */
    private static String field(String json, String name) {
        String key = "\"" + name + "\":";
        int i = json.indexOf(key) + key.length();
        if (json.charAt(i) == '"') return json.substring(i + 1, json.indexOf('"', i + 1));
        int end = i;
        while (end < json.length() && Character.isDigit(json.charAt(end))) end++;
        return json.substring(i, end);
    }

    /** Notes when each conversation's committed scores row first becomes visible (a file appears under day=*). */
    private static void watchScores(Path scores, Map<String, Long> seen, AtomicBoolean stop) {
        java.util.Set<Path> done = new java.util.HashSet<>();
        while (!stop.get()) {
            try {
                if (Files.isDirectory(scores)) {
                    List<Path> files;
                    try (Stream<Path> s = Files.walk(scores, 2)) {
                        files = s.filter(f -> f.getFileName().toString().endsWith(".parquet") && !f.getFileName().toString().startsWith(".")).toList();
                    } catch (java.io.UncheckedIOException inProgressFileRenamed) {
                        continue; // a file was committed while the folder was listed: list again
                    }
                    long now = System.currentTimeMillis();
                    for (Path f : files) {
                        if (done.contains(f)) continue;
                        try {
                            for (String id : ScoresFileIds.read(f)) seen.putIfAbsent(id, now);
                            done.add(f);
                        } catch (IOException | RuntimeException notReadableYet) {
                            // listed while its folder was being published: read it on the next round
                        }
                    }
                }
                Thread.sleep(200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static long countScoreRows(Path scores) throws Exception {
        long n = 0;
        try (Stream<Path> s = Files.walk(scores, 2)) {
            for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".parquet") && !f.getFileName().toString().startsWith(".")).toList()) {
                n += ScoresFileIds.read(f).stream().filter(id -> !id.startsWith("warm-up-")).count();
            }
        }
        return n;
    }

    private static void report(String what, Map<String, Long> closedAt, Map<String, Long> seenAt, long killedAt, long restartedAt) {
        List<Long> all = new ArrayList<>();
        List<Long> steady = new ArrayList<>();
        List<Long> beforeKill = new ArrayList<>();
        List<Long> afterRestore = new ArrayList<>();
        for (Map.Entry<String, Long> e : seenAt.entrySet()) {
            Long closed = closedAt.get(e.getKey());
            if (closed == null) continue;
            long latency = e.getValue() - closed;
            all.add(latency);
            // steady state: not closed while the job was down or catching up in the 10 s after its restore
            if (closed < killedAt - 1_000) beforeKill.add(latency);
            else if (closed > restartedAt + 10_000) afterRestore.add(latency);
        }
        steady.addAll(beforeKill);
        steady.addAll(afterRestore);
        System.out.printf(Locale.ROOT, "[bench] closing event -> %s: p50 %s, p95 %s, max %s (steady state); whole run incl. the restart: p50 %s, p95 %s%n",
                what, pct(steady, 50), pct(steady, 95), pct(steady, 100), pct(all, 50), pct(all, 95));
        System.out.printf(Locale.ROOT, "[bench]   of which closed before the kill (%,d): p50 %s, p95 %s; from 10 s after the restore (%,d): p50 %s, p95 %s%n",
                beforeKill.size(), pct(beforeKill, 50), pct(beforeKill, 95), afterRestore.size(), pct(afterRestore, 50), pct(afterRestore, 95));
    }

    private static String pct(List<Long> values, int p) {
        return values.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.2f s", percentile(values, p) / 1000.0);
    }

    /** The nearest-rank percentile of non-empty values. */
    private static long percentile(List<Long> values, int p) {
        List<Long> v = new ArrayList<>(values);
        v.sort(Comparator.naturalOrder());
        int i = Math.min(v.size() - 1, (int) Math.ceil(p / 100.0 * v.size()) - 1);
        return v.get(Math.max(0, i));
    }

    static String latestCheckpoint(Path checkpoints) throws Exception {
        try (Stream<Path> s = Files.walk(checkpoints, 2)) {
            return s.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingInt((Path p) -> Integer.parseInt(p.getFileName().toString().substring(4))))
                    .map(p -> p.toUri().toString()).orElseThrow(() -> new IllegalStateException("no complete checkpoint yet"));
        }
    }
}
