package io.cxscore.stream;

import io.cxscore.core.ingest.QuarantineRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** One row of the warehouse's {@code quarantine} table (same columns as the batch job writes). */
public class QuarantineRow implements WarehouseRow {
    public static final String TABLE = "quarantine";
    public static final String PARQUET_SCHEMA = """
            message spark_schema {
              optional binary source (STRING);
              optional binary position (STRING);
              optional binary record_id (STRING);
              optional binary field (STRING);
              optional binary reason (STRING);
              optional binary excerpt (STRING);
            }
            """;
    public static final ParquetTable PARQUET = new ParquetTable(TABLE, PARQUET_SCHEMA, List.of(), List.of());

    public String source;
    public String position;
    public String recordId;
    public String field;
    public String reason;
    public String excerpt;
    /** the partition, YYYY-MM-DD: the UTC day it was quarantined, as in batch */
    public String day;

    public QuarantineRow() {}

    public static QuarantineRow of(QuarantineRecord q, long nowMillis) {
        QuarantineRow r = new QuarantineRow();
        r.source = q.source();
        r.position = q.position();
        r.recordId = q.recordId();
        r.field = q.field();
        r.reason = q.reason();
        r.excerpt = q.excerpt();
        r.day = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC).toString();
        return r;
    }

    @Override
    public String partitionDay() {
        return day;
    }

    @Override
    public void writeTo(ParquetRowWriter w) {
        w.string("source", source).string("position", position).string("record_id", recordId).string("field", field)
                .string("reason", reason).string("excerpt", excerpt);
    }

    @Override
    public String toString() {
        return source + " " + position + " (" + recordId + ") " + field + ": " + reason;
    }
}
