package io.cxscore.stream.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.apache.parquet.schema.PrimitiveType;

/** The conversation ids in one scores Parquet file (reads that one column only). */
final class ScoresFileIds {
    private ScoresFileIds() {}

    /** Rows in any Parquet file, from its footer. */
    static long countRows(Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            return reader.getRecordCount();
        }
    }

    static List<String> read(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType projection = Types.buildMessage()
                    .optional(PrimitiveType.PrimitiveTypeName.BINARY).as(org.apache.parquet.schema.LogicalTypeAnnotation.stringType())
                    .named("conversation_id").named("spark_schema");
            reader.setRequestedSchema(projection);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(projection).getRecordReader(pages, new GroupRecordConverter(projection));
                for (long i = 0; i < pages.getRowCount(); i++) ids.add(rr.read().getString(0, 0));
            }
        }
        return ids;
    }
}
