package io.cxscore.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;

/**
 * The non-blank lines of cx-jsonl files (gzipped when named {@code .gz}), each with its file name and
 * line number, so a bad line is quarantined as {@code line 12} of its file, exactly as batch does.
 * Files are read whole by one reader; the checkpointed position is the number of lines already
 * emitted, so a restore resumes after the last line that reached a checkpoint.
 */
public class CxJsonlLinesFormat implements BulkFormat<RawEvent, FileSourceSplit> {
    private static final int BATCH = 500;

    @Override
    public Reader<RawEvent> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return new LinesReader(split, 0);
    }

    @Override
    public Reader<RawEvent> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        long emitted = split.getReaderPosition().map(CheckpointedPosition::getRecordsAfterOffset).orElse(0L);
        return new LinesReader(split, emitted);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<RawEvent> getProducedType() {
        return TypeInformation.of(RawEvent.class);
    }

    private static final class LinesReader implements Reader<RawEvent> {
        private final BufferedReader in;
        private final String fileName;
        private long lineNo;
        private long emitted;

        LinesReader(FileSourceSplit split, long alreadyEmitted) throws IOException {
            fileName = split.path().getName();
            InputStream raw = split.path().getFileSystem().open(split.path());
            in = new BufferedReader(new InputStreamReader(fileName.endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8));
            while (emitted < alreadyEmitted && nextRecord() != null) emitted++;
        }

        /** The next non-blank line as an event, or null at the end of the file. */
        private RawEvent nextRecord() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (!line.isBlank()) return new RawEvent(fileName, "line " + lineNo, lineNo, 0, line);
            }
            return null;
        }

        @Override
        public RecordIterator<RawEvent> readBatch() throws IOException {
            List<RawEvent> batch = new ArrayList<>(BATCH);
            RawEvent e;
            while (batch.size() < BATCH && (e = nextRecord()) != null) batch.add(e);
            if (batch.isEmpty()) return null;
            long first = emitted;
            emitted += batch.size();
            return new RecordIterator<>() {
                int next = 0;

                @Override
                public RecordAndPosition<RawEvent> next() {
                    if (next >= batch.size()) return null;
                    RawEvent r = batch.get(next++);
                    return new RecordAndPosition<>(r, CheckpointedPosition.NO_OFFSET, first + next);
                }

                @Override
                public void releaseBatch() {}
            };
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
