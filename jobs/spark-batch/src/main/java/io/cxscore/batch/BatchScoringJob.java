package io.cxscore.batch;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc_nulls_last;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;

import io.cxscore.core.gaps.GapsBundle;
import io.cxscore.core.rubric.RubricBundle;
import io.cxscore.core.rubric.Rubric;
import io.cxscore.core.judge.OfflineJudge;
import io.cxscore.core.score.Provenance;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.score.JudgeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Readers → offline judge → Parquet tables {@code conversations}, {@code scores}, {@code gap_instances},
 * {@code quarantine} and {@code runs}, partitioned by day. Re-running the same input replaces rows by key (no
 * duplicates), and partitions are published with {@link PartitionSwap} (never half-visible).
 */
public final class BatchScoringJob {
    static final List<String> CONVERSATION_KEY = List.of("conversation_id");
    // judge is part of the key: an LLM re-score sits beside the offline score, it does not replace it
    static final List<String> SCORE_KEY = List.of("conversation_id", "rubric_id", "rubric_version", "judge");
    static final List<String> REVIEW_KEY = List.of("conversation_id", "rubric_id", "rubric_version", "judge");
    static final List<String> QUARANTINE_KEY = List.of("source", "position");
    static final List<String> RUN_KEY = List.of("run_id");
    static final List<String> GAP_KEY = List.of("conversation_id", "taxonomy_version", "category", "subcategory", "found_by");

    private final SparkSession spark;
    private final RubricBundle bundle;
    private final GapsBundle gapsBundle;
    private final String warehouse;
    private final PrintStream progress;

    /**
     * @param warehouse root of the Parquet tables: a local path or any Hadoop file-system URI
     * @param progress where step-by-step progress goes (the CLI passes stderr)
     */
    public BatchScoringJob(SparkSession spark, RubricBundle bundle, String warehouse, PrintStream progress) {
        this(spark, bundle, GapsBundle.defaults(), warehouse, progress);
    }

    /** @param gapsBundle the gap taxonomy, classifier and owners the judge classifies failures with */
    public BatchScoringJob(SparkSession spark, RubricBundle bundle, GapsBundle gapsBundle, String warehouse, PrintStream progress) {
        this.spark = spark;
        this.bundle = bundle;
        this.gapsBundle = gapsBundle;
        this.warehouse = warehouse;
        this.progress = progress;
    }

    public RunSummary run(List<InputFile> inputs) {
        long t0 = System.currentTimeMillis();
        Instant started = Instant.now();
        LocalDate runDay = LocalDate.ofInstant(started, ZoneOffset.UTC);
        String runId = started.toString().replace(":", "").replace(".", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        Rubric rubric = bundle.rubric(); // fail on a bad rubric before any work
        Provenance provenance = OfflineJudge.from(bundle, gapsBundle).provenance();
        gapsBundle.owners(); // and on a bad owners map
        try {
            Path root = new Path(URI.create(warehouseUri()));
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            PartitionSwap swap = new PartitionSwap(fs, root);
            int recovered = swap.recover();
            if (recovered > 0) say("finished %d interrupted commit(s) from an earlier run", recovered);

            say("reading and scoring %d file(s) with %s judge %s (rubric %s v%s, params %s)", inputs.size(),
                    provenance.judge(), provenance.model(), rubric.id(), rubric.version(), provenance.paramHash());
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<RubricBundle> b = jsc.broadcast(bundle);
            Broadcast<GapsBundle> g = jsc.broadcast(gapsBundle);
            JavaRDD<Row> rows = jsc.parallelize(inputs, Math.max(1, inputs.size())).flatMap(new ReadAndScore(b, g, runDay));
            Dataset<Row> parsed = spark.createDataFrame(rows, WarehouseSchema.PARSED).persist(StorageLevel.MEMORY_AND_DISK());

            Dataset<Row> convRows = parsed.where(col("conversation").isNotNull());
            Dataset<Row> kept = convRows;
            Dataset<Row> duplicates = parsed.where(lit(false)).select("quarantine");
            // ids only: the common case (no duplicates) must not shuffle whole conversations
            if (!convRows.groupBy(col("conversation.conversation_id")).count().where(col("count").gt(1)).isEmpty()) {
                // a conversation id seen twice in one run: keep the version closed last, quarantine the others
                Dataset<Row> ranked = convRows.withColumn("rank", row_number().over(
                        Window.partitionBy(col("conversation.conversation_id")).orderBy(desc_nulls_last("conversation.closed_at"),
                                col("conversation.content_hash").desc(), col("origin.source").desc(), col("origin.position").desc())));
                kept = ranked.where(col("rank").equalTo(1)).drop("rank");
                duplicates = ranked.where(col("rank").gt(1)).select(struct(col("origin.source").as("source"),
                        col("origin.position").as("position"), col("conversation.conversation_id").as("record_id"),
                        lit("id").as("field"), lit("duplicate conversation id in this run; the version closed last was kept").as("reason"),
                        lit("").as("excerpt"), lit(java.sql.Date.valueOf(runDay)).as("day")).as("quarantine"));
            }
            Dataset<Row> conversations = kept.select("conversation.*");
            Dataset<Row> scores = kept.select("score.*");
            Dataset<Row> gaps = kept.select(explode(col("gaps")).as("gap")).select("gap.*");
            Dataset<Row> quarantine = parsed.where(col("quarantine").isNotNull()).select("quarantine")
                    .unionByName(duplicates).select("quarantine.*");

            long read = parsed.count();
            long scored = scores.where(col("status").equalTo("scored")).count();
            long keptCount = conversations.count();
            long quarantined = quarantine.count();
            RunSummary draft = new RunSummary(runId, inputs.size(), read, scored, keptCount - scored, quarantined, 0, 0);
            if (!draft.reconciles()) {
                throw new IllegalStateException("counts do not reconcile, nothing published: " + draft.reconciliation());
            }
            say("%s", draft.reconciliation());

            Path stage = swap.staging(runId);
            stageUpsert(WarehouseSchema.CONVERSATIONS, WarehouseSchema.CONVERSATION, conversations, CONVERSATION_KEY, stage);
            stageUpsert(WarehouseSchema.SCORES, WarehouseSchema.SCORE, scores, SCORE_KEY, stage);
            stageGaps(gaps, conversations.select(col("conversation_id"), col("day")), stage);
            stageQuarantine(quarantine, stage);
            Row run = RowFactory.create(runId, started, Instant.now(), describe(inputs), read, scored, quarantined,
                    provenance.judge(), provenance.model(), provenance.rubricVersion(), provenance.paramHash(), runDay);
            stageUpsert(WarehouseSchema.RUNS, WarehouseSchema.RUN, spark.createDataFrame(List.of(run), WarehouseSchema.RUN),
                    RUN_KEY, stage);
            int partitions = swap.commit(runId, List.of(WarehouseSchema.CONVERSATIONS, WarehouseSchema.SCORES,
                    WarehouseSchema.GAP_INSTANCES, WarehouseSchema.QUARANTINE, WarehouseSchema.RUNS));
            parsed.unpersist();
            RunSummary done = new RunSummary(runId, inputs.size(), read, scored, keptCount - scored, quarantined, partitions,
                    System.currentTimeMillis() - t0);
            say("published %d partition(s) to %s in %.1f s", partitions, warehouse, done.millis() / 1000.0);
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Upserts score rows made outside a batch run (an LLM re-score) by the scores key, and the review queue by the
     * same key, and publishes their day partitions with the same atomic swap as a batch run.
     *
     * @param review rows of {@link WarehouseSchema#REVIEW_ROW}; may be empty
     * @return partitions published
     */
    public int publishScores(List<Conversation> conversations, List<JudgeResult> results, List<Row> review) {
        String runId = Instant.now().toString().replace(":", "").replace(".", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Path root = new Path(URI.create(warehouseUri()));
            PartitionSwap swap = new PartitionSwap(root.getFileSystem(spark.sparkContext().hadoopConfiguration()), root);
            swap.recover();
            List<Row> rows = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) rows.add(ParsedRows.score(conversations.get(i), results.get(i)));
            Path stage = swap.staging(runId);
            stageUpsert(WarehouseSchema.SCORES, WarehouseSchema.SCORE, spark.createDataFrame(rows, WarehouseSchema.SCORE), SCORE_KEY, stage);
            List<String> tables = new ArrayList<>(List.of(WarehouseSchema.SCORES));
            if (!review.isEmpty()) {
                stageUpsert(WarehouseSchema.REVIEW_QUEUE, WarehouseSchema.REVIEW_ROW,
                        spark.createDataFrame(review, WarehouseSchema.REVIEW_ROW), REVIEW_KEY, stage);
                tables.add(WarehouseSchema.REVIEW_QUEUE);
            }
            return swap.commit(runId, tables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String warehouseUri() {
        return warehouse.contains("://") ? warehouse : java.nio.file.Path.of(warehouse).toAbsolutePath().toUri().toString();
    }

    private Path tablePath(String table) {
        return new Path(URI.create(warehouseUri() + (warehouseUri().endsWith("/") ? "" : "/") + table));
    }

    /**
     * Writes, for each day the new rows touch, the day's existing rows whose key is not in the new
     * rows plus the new rows: a re-run replaces, never duplicates.
     */
    private void stageUpsert(String table, StructType schema, Dataset<Row> fresh, List<String> key, Path stage) throws IOException {
        List<Object> days = fresh.select("day").distinct().collectAsList().stream().map(r -> r.get(0)).toList();
        if (days.isEmpty()) return;
        Dataset<Row> merged = fresh;
        Dataset<Row> existing = existing(table, schema);
        if (existing != null) {
            Dataset<Row> sameDays = existing.where(col("day").isin(days.toArray()));
            merged = sameDays.join(fresh.select(keyColumns(key)), key.stream().collect(scalaSeq()), "left_anti").unionByName(fresh);
        }
        say("writing %s (%d day partition(s))", table, days.size());
        write(merged, key, new Path(stage, table));
    }

    /**
     * Gap instances of the run's conversations replace all earlier ones of those conversations (for this
     * taxonomy version), not only those with the same key: a finding that a re-score no longer makes must
     * disappear. A day whose conversations now have no findings at all still gets an (empty) partition, so
     * the swap replaces the old one.
     */
    private void stageGaps(Dataset<Row> fresh, Dataset<Row> runConversations, Path stage) throws IOException {
        List<Object> days = runConversations.select("day").distinct().collectAsList().stream().map(r -> r.get(0)).toList();
        if (days.isEmpty()) return;
        String taxonomyVersion = gapsBundle.taxonomy().version();
        Dataset<Row> merged = fresh;
        Dataset<Row> existing = existing(WarehouseSchema.GAP_INSTANCES, WarehouseSchema.GAP_INSTANCE);
        if (existing != null) {
            Dataset<Row> sameDays = existing.where(col("day").isin(days.toArray()));
            Dataset<Row> replaced = sameDays.where(col("taxonomy_version").equalTo(taxonomyVersion))
                    .join(runConversations.select("conversation_id"), List.of("conversation_id").stream().collect(scalaSeq()), "left_anti");
            merged = sameDays.where(col("taxonomy_version").notEqual(taxonomyVersion)).unionByName(replaced).unionByName(fresh);
        }
        say("writing %s (%d day partition(s))", WarehouseSchema.GAP_INSTANCES, days.size());
        Path target = new Path(stage, WarehouseSchema.GAP_INSTANCES);
        write(merged, GAP_KEY, target);
        FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        for (Object day : days) {
            Path partition = new Path(target, "day=" + day);
            if (!fs.exists(partition)) fs.mkdirs(partition);
        }
    }

    /** Quarantine rows keep the day they were first quarantined, so a re-run adds nothing. */
    private void stageQuarantine(Dataset<Row> fresh, Path stage) throws IOException {
        Dataset<Row> existing = existing(WarehouseSchema.QUARANTINE, WarehouseSchema.QUARANTINE_ROW);
        Dataset<Row> added = existing == null ? fresh
                : fresh.join(existing.select(keyColumns(QUARANTINE_KEY)), QUARANTINE_KEY.stream().collect(scalaSeq()), "left_anti");
        if (added.isEmpty()) return;
        List<Object> days = added.select("day").distinct().collectAsList().stream().map(r -> r.get(0)).toList();
        Dataset<Row> merged = existing == null ? added : existing.where(col("day").isin(days.toArray())).unionByName(added);
        say("writing %s (%d day partition(s))", WarehouseSchema.QUARANTINE, days.size());
        write(merged, QUARANTINE_KEY, new Path(stage, WarehouseSchema.QUARANTINE));
    }

    private Dataset<Row> existing(String table, StructType schema) throws IOException {
        Path p = tablePath(table);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(p) || fs.listStatus(p, s -> s.getName().startsWith("day=")).length == 0) return null;
        // read lazily: staging is written in full before any folder of the table is swapped
        return spark.read().schema(schema).parquet(p.toString());
    }

    private static void write(Dataset<Row> rows, List<String> key, Path target) {
        rows.repartition(col("day")).sortWithinPartitions(keyColumns(key))
                .write().mode(SaveMode.Overwrite).partitionBy("day").parquet(target.toString());
    }

    private static Column[] keyColumns(List<String> key) {
        return key.stream().map(k -> col(k)).toArray(Column[]::new);
    }

    private static java.util.stream.Collector<String, ?, scala.collection.immutable.Seq<String>> scalaSeq() {
        return java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                l -> scala.jdk.javaapi.CollectionConverters.asScala(l).toList());
    }

    private static String describe(List<InputFile> inputs) {
        List<String> names = new ArrayList<>();
        for (InputFile f : inputs) names.add(f.format() + ":" + f.path());
        String all = String.join(",", names);
        return all.length() <= 4000 ? all : all.substring(0, 4000) + "… (" + inputs.size() + " files)";
    }

    private void say(String fmt, Object... args) {
        progress.println("[batch] " + String.format(Locale.ROOT, fmt, args));
    }
}
