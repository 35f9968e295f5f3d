package io.cxscore.stream;

import java.util.Collection;
import org.apache.flink.state.rocksdb.RocksDBOptionsFactory;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;

/**
 * RocksDB column options for the sessionizer's state. Every checkpoint flushes each column family's memtable into a
 * small level-0 file, and RocksDB merges level 0 into level 1 once four are there. Conversation ids are random keys,
 * so each such merge rewrites most of level 1: with checkpoints every half second that is a full rewrite every two
 * seconds, most of it events about to be dropped. Merging only once sixteen level-0 files are there cut the
 * compaction threads from 0.3-0.5 of a core to about 0.1 in the stream benchmark; bloom filters (set beside this
 * factory) keep point reads cheap across the extra files.
 */
public final class ShortLivedStateOptions implements RocksDBOptionsFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public DBOptions createDBOptions(DBOptions current, Collection<AutoCloseable> handlesToClose) {
        return current;
    }

    @Override
    public ColumnFamilyOptions createColumnOptions(ColumnFamilyOptions current, Collection<AutoCloseable> handlesToClose) {
        return current.setLevel0FileNumCompactionTrigger(16).setLevel0SlowdownWritesTrigger(40).setLevel0StopWritesTrigger(64);
    }
}
