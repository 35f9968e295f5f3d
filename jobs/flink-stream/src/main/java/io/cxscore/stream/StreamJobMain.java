package io.cxscore.stream;

import io.cxscore.core.rubric.RubricBundle;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** {@code cx stream}: wires Kafka, the watched folder and the warehouse into {@link ScoreConversationsStreamJob}. */
public final class StreamJobMain {
    private StreamJobMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(StreamJobConfig.USAGE);
            return;
        }
        StreamJobConfig config;
        try {
            config = StreamJobConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("cx stream: " + e.getMessage() + "\n\n" + StreamJobConfig.USAGE);
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(config));
        job(config).execute(env);
    }

    /** Checkpointing (which commits every output), kept on cancel so a restart can resume from it. */
    public static Configuration flinkConfiguration(StreamJobConfig config) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpointInterval());
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpoints().toAbsolutePath().toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                org.apache.flink.configuration.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 3);
        // The sessionizer keeps every event of a conversation until its re-open retention (days in production)
        // has passed. On the heap, each checkpoint would copy all of it; RocksDB keeps it on local disk and a
        // checkpoint uploads only the files written since the last one.
        conf.set(org.apache.flink.configuration.StateBackendOptions.STATE_BACKEND, config.stateBackend());
        if (config.stateBackend().equals("rocksdb")) {
            conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
            // event lists are short-lived and read back within minutes: compressing them in every compaction
            // cost more CPU than the disk it saves
            conf.setString("state.backend.rocksdb.compression.per.level", "NO_COMPRESSION");
            // checkpoints every few hundred milliseconds make many small level-0 files: see ShortLivedStateOptions
            conf.set(org.apache.flink.state.rocksdb.RocksDBOptions.OPTIONS_FACTORY, ShortLivedStateOptions.class.getName());
            conf.set(org.apache.flink.state.rocksdb.RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
        }
        conf.set(org.apache.flink.configuration.CoreOptions.DEFAULT_PARALLELISM, config.parallelism());
        if (config.restoreFrom() != null) conf.set(StateRecoveryOptions.SAVEPOINT_PATH, config.restoreFrom());
        return conf;
    }

    public static ScoreConversationsStreamJob job(StreamJobConfig c) {
        String warehouse = c.warehouse().toAbsolutePath().toUri().toString();
        ScoreConversationsStreamJob.Inputs inputs = new ScoreConversationsStreamJob.Inputs(
                c.messageTopic() == null ? null : KafkaIo.source(c.brokers(), c.messageTopic(), c.groupId()),
                c.conversationTopic() == null ? null : KafkaIo.source(c.brokers(), c.conversationTopic(), c.groupId()),
                c.watchFolder() == null ? null : FileSource
                        .forBulkFileFormat(new CxJsonlLinesFormat(), new org.apache.flink.core.fs.Path(c.watchFolder().toAbsolutePath().toUri()))
                        .monitorContinuously(c.watchInterval()).build());
        ScoreConversationsStreamJob.Outputs outputs = new ScoreConversationsStreamJob.Outputs(
                WarehouseParquetSink.forTable(warehouse, ConversationRow.PARQUET),
                WarehouseParquetSink.forTable(warehouse, ScoreRow.PARQUET),
                WarehouseParquetSink.forTable(warehouse, QuarantineRow.PARQUET),
                c.publishesGaps() ? KafkaIo.gapUpdates(c.brokers(), c.gapTopic(), c.transactionalIdPrefix()) : null,
                c.publishesTeamCx() ? KafkaIo.teamCx(c.brokers(), c.teamCxTopic(), c.transactionalIdPrefix()) : null);
        RubricBundle bundle = c.rubric() == null ? RubricBundle.defaults() : RubricBundle.fromDirectory(c.rubric());
        return new ScoreConversationsStreamJob(inputs, outputs, c.sessions(), c.teamWindow(), bundle);
    }
}
