package io.cxscore.stream;

import java.io.IOException;
import java.util.Map;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Exactly-once Parquet into the warehouse layout: {@code <warehouse>/<table>/day=YYYY-MM-DD/*.parquet}.
 * A {@link FileSink} with a bulk format rolls its part files on every checkpoint and makes them visible
 * (renames them from hidden in-progress names) only when the checkpoint completes, so readers of the
 * {@code *.parquet} glob never see a row that a restart will write again.
 *
 * <p>flink-parquet 2.1.3 is not on Maven Central, so the small bulk writer is ours.
 */
public final class WarehouseParquetSink {
    private WarehouseParquetSink() {}

    public static <T extends WarehouseRow> FileSink<T> forTable(String warehouse, ParquetTable table) {
        return FileSink.forBulkFormat(new Path(warehouse, table.name()), new Factory<T>(table))
                .withBucketAssigner(new DayBuckets<>())
                // "stream-" tells stream files from batch's "part-" files; the suffix matches the warehouse glob
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("stream").withPartSuffix(".parquet").build())
                .build();
    }

    /** Buckets are the warehouse's day partitions. */
    static final class DayBuckets<T extends WarehouseRow> implements BucketAssigner<T, String> {
        @Override
        public String getBucketId(T row, Context context) {
            return "day=" + row.partitionDay();
        }

        @Override
        public SimpleVersionedSerializer<String> getSerializer() {
            return SimpleVersionedStringSerializer.INSTANCE;
        }
    }

    static final class Factory<T extends WarehouseRow> implements BulkWriter.Factory<T> {
        // MessageType is not serializable: ship the text, parse it on the task manager
        private final ParquetTable table;

        Factory(ParquetTable table) {
            this.table = table;
        }

        @Override
        public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
            // Configuration(false): the sink opens a file per table and bucket on every checkpoint, and loading
            // Hadoop's default XML resources each time costs more CPU than writing the rows
            Builder<T> builder = new Builder<T>(new StreamOutputFile(out), MessageTypeParser.parseMessageType(table.schema()));
            for (String column : table.noDictionary()) builder.withDictionaryEncoding(column, false);
            for (String column : table.noStatistics()) builder.withStatisticsEnabled(column, false);
            ParquetWriter<T> writer = builder
                    .withConf(new Configuration(false))
                    // a file holds one checkpoint's rows, far less than a 1 MB page; at the default page size every column
                    // of every new file allocated 1 MB buffers, which G1 treats as humongous (a concurrent cycle each time)
                    .withPageSize(64 * 1024)
                    .withCompressionCodec(CompressionCodecName.SNAPPY).build();
            return new BulkWriter<>() {
                @Override
                public void addElement(T row) throws IOException {
                    writer.write(row);
                }

                @Override
                public void flush() {
                    // Parquet buffers a row group; the file is only readable once finished, at the checkpoint
                }

                @Override
                public void finish() throws IOException {
                    writer.close();
                }
            };
        }
    }

    static final class Builder<T extends WarehouseRow> extends ParquetWriter.Builder<T, Builder<T>> {
        private final MessageType schema;

        Builder(OutputFile file, MessageType schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return new RowWriteSupport<>(schema);
        }
    }

    static final class RowWriteSupport<T extends WarehouseRow> extends WriteSupport<T> {
        private final MessageType schema;
        private ParquetRowWriter writer;
        private RecordConsumer consumer;

        RowWriteSupport(MessageType schema) {
            this.schema = schema;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            consumer = recordConsumer;
            writer = new ParquetRowWriter(recordConsumer);
        }

        @Override
        public void write(T row) {
            consumer.startMessage();
            writer.startRow();
            row.writeTo(writer);
            consumer.endMessage();
        }
    }

    /** Parquet's output over Flink's stream; closing it only flushes: the FileSink owns and closes the stream. */
    static final class StreamOutputFile implements OutputFile {
        private final FSDataOutputStream out;

        StreamOutputFile(FSDataOutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() throws IOException {
                    return out.getPos();
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
