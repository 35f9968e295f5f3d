package io.cxscore.stream;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes one row's fields through Parquet's {@link RecordConsumer}, in the physical layout Spark
 * 4 writes (so DuckDB, Spark and our readers see one table whoever wrote a file): strings as
 * {@code binary (STRING)}, timestamps as {@code int96}, arrays as 3-level {@code LIST} groups
 * ({@code list}/{@code element}) and maps as {@code MAP} groups ({@code key_value}/{@code key}/{@code value}).
 * Null values are skipped, which Parquet reads back as null.
 */
public final class ParquetRowWriter {
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private final RecordConsumer rc;
    private int index;

    ParquetRowWriter(RecordConsumer rc) {
        this.rc = rc;
    }

    /** Starts a group's fields (a row, or a struct element) at field index 0. */
    private void begin() {
        index = 0;
    }

    void startRow() {
        begin();
    }

    public ParquetRowWriter string(String name, String v) {
        if (v != null) {
            rc.startField(name, index);
            rc.addBinary(Binary.fromString(v));
            rc.endField(name, index);
        }
        index++;
        return this;
    }

    public ParquetRowWriter int32(String name, Integer v) {
        if (v != null) {
            rc.startField(name, index);
            rc.addInteger(v);
            rc.endField(name, index);
        }
        index++;
        return this;
    }

    public ParquetRowWriter int64(String name, Long v) {
        if (v != null) {
            rc.startField(name, index);
            rc.addLong(v);
            rc.endField(name, index);
        }
        index++;
        return this;
    }

    public ParquetRowWriter float64(String name, Double v) {
        if (v != null) {
            rc.startField(name, index);
            rc.addDouble(v);
            rc.endField(name, index);
        }
        index++;
        return this;
    }

    public ParquetRowWriter bool(String name, Boolean v) {
        if (v != null) {
            rc.startField(name, index);
            rc.addBoolean(v);
            rc.endField(name, index);
        }
        index++;
        return this;
    }

    public ParquetRowWriter timestamp(String name, Instant v) {
        if (v != null) {
            rc.startField(name, index);
            rc.addBinary(int96(v));
            rc.endField(name, index);
        }
        index++;
        return this;
    }

    public ParquetRowWriter intArray(String name, int[] v) {
        if (v != null) {
            rc.startField(name, index);
            rc.startGroup();
            if (v.length > 0) {
                rc.startField("list", 0);
                for (int x : v) {
                    rc.startGroup();
                    rc.startField("element", 0);
                    rc.addInteger(x);
                    rc.endField("element", 0);
                    rc.endGroup();
                }
                rc.endField("list", 0);
            }
            rc.endGroup();
            rc.endField(name, index);
        }
        index++;
        return this;
    }

    /** An array of structs; {@code element} writes one struct's fields with this writer's methods. */
    public <T> ParquetRowWriter structArray(String name, T[] v, java.util.function.BiConsumer<ParquetRowWriter, T> element) {
        if (v != null) {
            int outer = index;
            rc.startField(name, outer);
            rc.startGroup();
            if (v.length > 0) {
                rc.startField("list", 0);
                for (T x : v) {
                    rc.startGroup();
                    rc.startField("element", 0);
                    rc.startGroup();
                    begin();
                    element.accept(this, x);
                    rc.endGroup();
                    rc.endField("element", 0);
                    rc.endGroup();
                }
                rc.endField("list", 0);
            }
            rc.endGroup();
            rc.endField(name, outer);
            index = outer;
        }
        index++;
        return this;
    }

    /** A string map, written in key order so that equal maps give equal files. */
    public ParquetRowWriter stringMap(String name, Map<String, String> v) {
        if (v != null) {
            rc.startField(name, index);
            rc.startGroup();
            if (!v.isEmpty()) {
                rc.startField("key_value", 0);
                for (Map.Entry<String, String> e : new TreeMap<>(v).entrySet()) {
                    rc.startGroup();
                    rc.startField("key", 0);
                    rc.addBinary(Binary.fromString(e.getKey()));
                    rc.endField("key", 0);
                    if (e.getValue() != null) {
                        rc.startField("value", 1);
                        rc.addBinary(Binary.fromString(e.getValue()));
                        rc.endField("value", 1);
                    }
                    rc.endGroup();
                }
                rc.endField("key_value", 0);
            }
            rc.endGroup();
            rc.endField(name, index);
        }
        index++;
        return this;
    }

    /** Spark's INT96 timestamp: nanoseconds of the day then the Julian day, both little-endian. */
    static Binary int96(Instant t) {
        long nanosSinceEpoch = Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        long days = Math.floorDiv(nanosSinceEpoch, NANOS_PER_DAY);
        long nanosOfDay = Math.floorMod(nanosSinceEpoch, NANOS_PER_DAY);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(nanosOfDay).putInt((int) (days + JULIAN_DAY_OF_EPOCH));
        return Binary.fromConstantByteArray(b.array());
    }

    static Instant fromInt96(Binary v) {
        java.nio.ByteBuffer b = v.toByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = b.getLong();
        long days = b.getInt() - JULIAN_DAY_OF_EPOCH;
        return Instant.ofEpochSecond(0, Math.addExact(Math.multiplyExact(days, NANOS_PER_DAY), nanosOfDay));
    }
}
