package io.cxscore.stream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a warehouse table's visible Parquet files ({@code day=*}/{@code *.parquet}, as DuckDB's glob
 * does) into plain Java values, whoever wrote them, so rows from batch and stream compare with equals.
 */
final class ParquetTables {
    private ParquetTables() {}

    static List<Path> files(Path table) throws IOException {
        if (!Files.isDirectory(table)) return List.of();
        try (Stream<Path> s = Files.walk(table)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet") && !p.getFileName().toString().startsWith(".")
                            && p.getParent().getFileName().toString().startsWith("day="))
                    .sorted().toList();
        }
    }

    /** Every row, with the {@code day} partition added as a column from its folder name. */
    static List<Map<String, Object>> rows(Path table) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Path f : files(table)) {
            String day = f.getParent().getFileName().toString().substring("day=".length());
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(f))) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                PageReadStore pages;
                while ((pages = reader.readNextRowGroup()) != null) {
                    RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
                    for (long i = 0; i < pages.getRowCount(); i++) {
                        Map<String, Object> row = struct(rr.read());
                        row.put("day", day);
                        out.add(row);
                    }
                }
            }
        }
        return out;
    }

    static MessageType schema(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getFooter().getFileMetaData().getSchema();
        }
    }

    private static Map<String, Object> struct(Group g) {
        Map<String, Object> out = new LinkedHashMap<>();
        GroupType t = g.getType();
        for (int i = 0; i < t.getFieldCount(); i++) {
            out.put(t.getFieldName(i), g.getFieldRepetitionCount(i) == 0 ? null : value(g, i, 0));
        }
        return out;
    }

    private static Object value(Group g, int field, int index) {
        Type t = g.getType().getType(field);
        if (t.isPrimitive()) {
            PrimitiveType p = t.asPrimitiveType();
            return switch (p.getPrimitiveTypeName()) {
                case BINARY -> g.getString(field, index);
                case INT96 -> ParquetRowWriter.fromInt96(g.getInt96(field, index));
                case INT32 -> g.getInteger(field, index);
                case INT64 -> g.getLong(field, index);
                case DOUBLE -> g.getDouble(field, index);
                case BOOLEAN -> g.getBoolean(field, index);
                default -> throw new IllegalStateException("unexpected Parquet type " + p);
            };
        }
        Group inner = g.getGroup(field, index);
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
            List<Object> list = new ArrayList<>();
            int n = inner.getFieldRepetitionCount(0);
            for (int j = 0; j < n; j++) {
                Group element = inner.getGroup(0, j);
                list.add(element.getFieldRepetitionCount(0) == 0 ? null : value(element, 0, 0));
            }
            return list;
        }
        if (a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
            Map<String, Object> map = new TreeMap<>();
            int n = inner.getFieldRepetitionCount(0);
            for (int j = 0; j < n; j++) {
                Group kv = inner.getGroup(0, j);
                map.put(kv.getString(0, 0), kv.getFieldRepetitionCount(1) == 0 ? null : value(kv, 1, 0));
            }
            return map;
        }
        return struct(inner);
    }
}
