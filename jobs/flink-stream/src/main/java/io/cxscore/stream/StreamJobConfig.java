package io.cxscore.stream;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything {@code cx stream} can be told, parsed from {@code --name value} arguments. Durations are
 * ISO-8601 ({@code PT30M}) or a number with a unit ({@code 30m}, {@code 2s}, {@code 500ms}, {@code 2d}).
 */
public record StreamJobConfig(String brokers, String messageTopic, String conversationTopic, String gapTopic, String teamCxTopic,
                              Path watchFolder, Duration watchInterval, Path warehouse, Path checkpoints,
                              Duration checkpointInterval, SessionSettings sessions, Duration teamWindow, int parallelism,
                              String groupId, String transactionalIdPrefix, String restoreFrom, Path rubric, String stateBackend) {

    public static final String USAGE = """
            Usage: cx stream [options]    (or: java -jar cx-flink-stream-<version>-job.jar [options])
              --brokers HOST:PORT          Kafka bootstrap servers (needed by any topic option)
              --message-topic NAME         message events to sessionize (JSON, see jobs/flink-stream/README.md)
              --conversation-topic NAME    whole conversations, one cx-jsonl record per Kafka record
              --watch DIR                  folder to watch for cx-jsonl files (move files in whole)
              --watch-interval DUR         how often the folder is listed (default 2s)
              --warehouse DIR              Parquet warehouse root (default out/warehouse)
              --gap-topic NAME             gap updates out, keyed by owner (default cx.gap-updates; "" to disable)
              --team-cx-topic NAME         per-team CX windows out (default cx.team-cx; "" to disable)
              --checkpoints DIR            checkpoint folder (default out/checkpoints)
              --checkpoint-interval DUR    how often output is committed (default 1s)
              --restore-from PATH          a checkpoint (chk-N folder) or savepoint to resume from
              --inactivity-timeout DUR     close a conversation this long after its last event (default 30m)
              --out-of-orderness DUR       how late an event may be and still be on time (default 5s)
              --reopen-retention DUR       how long a closed conversation can re-open (default 2d)
              --quiet-after DUR            silence after which event time follows the wall clock (default 2s)
              --team-window DUR            per-team CX window (default 1h)
              --parallelism N              (default 1)
              --group-id NAME              Kafka consumer group (default cx-stream)
              --transactional-id-prefix S  Kafka transactional id prefix (default cx-stream)
              --rubric DIR                 rubric folder (default: the bundled rubrics/cx/v1)
              --state-backend NAME         rocksdb (default: keyed state on local disk, incremental checkpoints)
                                           or hashmap (state on the JVM heap, every checkpoint copies all of it)
            """;

    public static StreamJobConfig parse(String... args) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String k = args[i];
            if (!k.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + k + "'");
            if (i + 1 >= args.length) throw new IllegalArgumentException(k + " needs a value");
            a.put(k.substring(2), args[++i]);
        }
        SessionSettings d = SessionSettings.defaults();
        StreamJobConfig c = new StreamJobConfig(a.remove("brokers"), a.remove("message-topic"), a.remove("conversation-topic"),
                a.getOrDefault("gap-topic", "cx.gap-updates"), a.getOrDefault("team-cx-topic", "cx.team-cx"),
                path(a.remove("watch")), duration(a.remove("watch-interval"), Duration.ofSeconds(2)),
                Path.of(a.getOrDefault("warehouse", "out/warehouse")), Path.of(a.getOrDefault("checkpoints", "out/checkpoints")),
                duration(a.remove("checkpoint-interval"), Duration.ofSeconds(1)),
                new SessionSettings(duration(a.remove("inactivity-timeout"), d.inactivityTimeout()),
                        duration(a.remove("out-of-orderness"), d.outOfOrderness()),
                        duration(a.remove("reopen-retention"), d.reopenRetention()),
                        duration(a.remove("quiet-after"), d.quietAfter())),
                duration(a.remove("team-window"), Duration.ofHours(1)), Integer.parseInt(a.getOrDefault("parallelism", "1")),
                a.getOrDefault("group-id", "cx-stream"), a.getOrDefault("transactional-id-prefix", "cx-stream"),
                a.remove("restore-from"), path(a.remove("rubric")), a.getOrDefault("state-backend", "rocksdb"));
        for (String known : new String[] {"gap-topic", "team-cx-topic", "warehouse", "checkpoints", "parallelism", "group-id", "transactional-id-prefix", "state-backend"}) {
            a.remove(known);
        }
        if (!a.isEmpty()) throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", a.keySet()));
        boolean anyTopic = c.messageTopic != null || c.conversationTopic != null;
        if (!anyTopic && c.watchFolder == null) {
            throw new IllegalArgumentException("no input: give --message-topic, --conversation-topic or --watch");
        }
        if (!c.stateBackend.equals("rocksdb") && !c.stateBackend.equals("hashmap")) {
            throw new IllegalArgumentException("--state-backend must be rocksdb or hashmap, was '" + c.stateBackend + "'");
        }
        if (anyTopic && c.brokers == null) throw new IllegalArgumentException("--brokers is needed to read a topic");
        return c;
    }

    public boolean publishesGaps() {
        return brokers != null && gapTopic != null && !gapTopic.isBlank();
    }

    public boolean publishesTeamCx() {
        return brokers != null && teamCxTopic != null && !teamCxTopic.isBlank();
    }

    private static Path path(String s) {
        return s == null ? null : Path.of(s);
    }

    /** A duration option's value, or {@code dflt} when it is absent. */
    public static Duration duration(String s, Duration dflt) {
        if (s == null) return dflt;
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("p")) return Duration.parse(s.trim().toUpperCase(java.util.Locale.ROOT));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(t);
        if (!m.matches()) throw new IllegalArgumentException("not a duration: '" + s + "' (e.g. 30m, 2s, 500ms, PT30M)");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
