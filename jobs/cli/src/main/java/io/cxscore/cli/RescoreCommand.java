package io.cxscore.cli;

import static org.apache.spark.sql.functions.col;

import io.cxscore.batch.BatchScoringJob;
import io.cxscore.batch.SparkSessions;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Role;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.score.JudgeResult;
import io.cxscore.llm.JudgementCache;
import io.cxscore.llm.LlmJudge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.CRC32;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = {"Re-score conversations already in the warehouse with the LLM judge, beside their offline scores.",
            "The offline judge has scored everything; --llm-for chooses what the LLM re-scores. LLM rows carry judge=llm;",
            "the marts prefer a scored LLM row. Low-confidence and unscored LLM results go to the review_queue table."})
final class RescoreCommand implements Callable<Integer> {
    @Option(names = "--warehouse", defaultValue = "out/warehouse", description = "Parquet warehouse root (default: ${DEFAULT-VALUE}).")
    String warehouse;

    @Option(names = "--llm-for", defaultValue = "uncertain", paramLabel = "all|uncertain|sample:N%",
            description = "all; uncertain (offline CX confidence below the config's low_confidence, or not scored offline); "
                    + "sample:N%% (deterministic by conversation id). Default: ${DEFAULT-VALUE}.")
    String llmFor;

    @Mixin
    LlmOptions llm;

    @Mixin
    RubricOption rubric;

    /** Which conversations the LLM re-scores. */
    record Tier(String kind, double percent) {
        static Tier parse(String s) {
            if (s.equals("all") || s.equals("uncertain")) return new Tier(s, 100);
            if (s.startsWith("sample:") && s.endsWith("%")) {
                try {
                    double p = Double.parseDouble(s.substring(7, s.length() - 1));
                    if (p > 0 && p <= 100) return new Tier("sample", p);
                } catch (NumberFormatException ignored) {
                    // reported below
                }
            }
            throw new UserFacingException("--llm-for: '" + s + "' is not all, uncertain or sample:N% with 0 < N <= 100");
        }

        /** Sampling by CRC32 of the id: the same id is always in or out, whatever else is in the run. */
        boolean takes(String conversationId, Double offlineConfidence, boolean offlineScored, double lowConfidence) {
            return switch (kind) {
                case "all" -> true;
                case "uncertain" -> !offlineScored || offlineConfidence == null || offlineConfidence < lowConfidence;
                default -> {
                    CRC32 crc = new CRC32();
                    crc.update(conversationId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    yield crc.getValue() % 10_000 < Math.round(percent * 100);
                }
            };
        }
    }

    @Override
    public Integer call() throws Exception {
        Tier tier = Tier.parse(llmFor);
        var config = llm.config();
        Path root = Path.of(warehouse);
        if (!Files.isDirectory(root.resolve("conversations"))) {
            throw new UserFacingException(warehouse + " has no conversations table; run `cx batch` (or `cx demo`) first");
        }
        RubricBundle bundle = rubric.bundle();
        SparkSession spark = SparkSessions.create("cx-rescore");
        try (JudgementCache cache = JudgementCache.open(root.resolve("_llm_cache/answers.jsonl"))) {
            LlmJudge judge = llm.judge(bundle, llm.prompt(rubric), cache);
            var offline = spark.read().parquet(root.resolve("scores").toString())
                    .where(col("judge").equalTo("offline").and(col("rubric_version").equalTo(judge.provenance().rubricVersion())))
                    .select("conversation_id", "status", "cx_score", "cx_confidence").collectAsList();
            Map<String, Row> offlineById = new HashMap<>();
            for (Row r : offline) offlineById.put(r.getString(0), r);
            List<Conversation> chosen = new ArrayList<>();
            long total = 0;
            for (var it = spark.read().parquet(root.resolve("conversations").toString()).toLocalIterator(); it.hasNext(); ) {
                Row row = it.next();
                total++;
                String id = row.getAs("conversation_id");
                Row o = offlineById.get(id);
                boolean scored = o != null && "scored".equals(o.getString(1));
                Double conf = o == null || o.isNullAt(3) ? null : o.getDouble(3);
                if (tier.takes(id, conf, scored, config.lowConfidence())) chosen.add(conversation(row));
            }
            System.err.printf(Locale.ROOT, "[rescore] %d of %d conversation(s) chosen by --llm-for %s; judge %s (param hash %s)%n",
                    chosen.size(), total, llmFor, judge.provenance().model(), judge.provenance().paramHash());
            List<JudgeResult> results = judge.judgeAll(chosen);
            List<Row> review = new ArrayList<>();
            Instant now = Instant.now();
            Map<String, Long> statuses = new LinkedHashMap<>();
            for (int i = 0; i < results.size(); i++) {
                JudgeResult r = results.get(i);
                statuses.merge(r.status(), 1L, Long::sum);
                boolean low = r.isScored() && r.cx().confidence() < config.lowConfidence();
                if (low || !r.isScored() && !JudgeResult.SKIPPED.equals(r.status())) {
                    Row o = offlineById.get(r.conversationId());
                    review.add(RowFactory.create(r.conversationId(), r.provenance().rubricId(), r.provenance().rubricVersion(),
                            r.provenance().judge(), r.provenance().model(), r.status(),
                            low ? String.format(Locale.ROOT, "CX confidence %.2f below %.2f", r.cx().confidence(), config.lowConfidence()) : r.statusReason(),
                            r.isScored() ? r.cx().score() : null, r.isScored() ? r.cx().confidence() : null,
                            o == null || o.isNullAt(2) ? null : o.getInt(2), now, chosen.get(i).day()));
                }
            }
            int partitions = results.isEmpty() ? 0 : new BatchScoringJob(spark, bundle, warehouse, System.err).publishScores(chosen, results, review);
            String runId = Instant.now().toString().replace(":", "");
            judge.ledger().write(root.resolve("_llm_ledger/" + runId + ".json"), runId);
            System.out.println(judge.ledger().summary());
            System.out.printf(Locale.ROOT, "statuses %s; %d to review; published %d partition(s); ledger %s%n", statuses,
                    review.size(), partitions, root.resolve("_llm_ledger/" + runId + ".json"));
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** Spark hands timestamps back as Instant or as java.sql.Timestamp, depending on spark.sql.datetime.java8API.enabled. */
    private static Instant instant(Object v) {
        if (v == null) return null;
        return v instanceof Timestamp t ? t.toInstant() : (Instant) v;
    }

    /** A conversation as the warehouse keeps it: messages and attributes (transfer and action events are counts only). */
    static Conversation conversation(Row row) {
        List<Message> messages = new ArrayList<>();
        List<Row> ms = row.getList(row.fieldIndex("messages"));
        for (Row m : ms) {
            Role role = Role.fromWire(m.getAs("role"));
            Boolean pub = m.getAs("is_public");
            messages.add(new Message(m.<Integer>getAs("idx"), role == null ? Role.SYSTEM : role, m.getAs("author"), m.getAs("text"),
                    instant(m.getAs("at")), pub == null || pub));
        }

        scala.collection.Map<String, String> meta = row.getAs("metadata");
        Map<String, String> metadata = meta == null ? Map.of() : scala.jdk.javaapi.CollectionConverters.asJava(meta);
        return new Conversation(row.getAs("conversation_id"), row.getAs("source"), row.getAs("channel"), row.getAs("brand"),
                row.getAs("team"), row.getAs("queue"), row.getAs("cohort"), instant(row.getAs("opened_at")),
                instant(row.getAs("closed_at")), messages, null, null, row.getAs("csat"), metadata, null);
    }
}
