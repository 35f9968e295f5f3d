package io.cxscore.stream;

/** A row of one of the warehouse's Parquet tables: it knows its day partition and how to write its columns. */
public interface WarehouseRow {
    /** the {@code day=} partition, YYYY-MM-DD */
    String partitionDay();

    /** Writes the columns, in the table's order; the day partition is not a column in the file. */
    void writeTo(ParquetRowWriter w);
}
