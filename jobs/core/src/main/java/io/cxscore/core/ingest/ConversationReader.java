package io.cxscore.core.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Reads one source file as a stream of records. Implementations never hold a whole file in memory:
 * they parse record by record, and return unreadable records as {@link ReadResult.Rejected}.
 */
public interface ConversationReader {
    /** The format name as used on the command line (cx-jsonl, zendesk, intercom, uss, stc3, twcs, twitter-cdp, abcd). */
    String format();

    /** Opens the file; the caller closes the stream. I/O errors opening the file are thrown, not quarantined. */
    RecordStream open(Path file) throws IOException;

    /** A closeable iterator of read results. */
    interface RecordStream extends Iterator<ReadResult>, AutoCloseable {
        @Override
        void close() throws IOException;
    }
}
