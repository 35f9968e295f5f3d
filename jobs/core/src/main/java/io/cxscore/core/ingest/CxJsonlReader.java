package io.cxscore.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/** Streams our JSON Lines format line by line; blank lines are skipped, bad lines are quarantined. */
public final class CxJsonlReader implements ConversationReader {
    // Two records on one line are a broken line, not a record plus ignored text
    private static final ObjectReader LINE_READER = CxJsonl.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public String format() {
        return CxJsonl.FORMAT;
    }

    @Override
    public RecordStream open(Path file) throws IOException {
        BufferedReader in = SourceFiles.reader(file);
        String source = file.getFileName().toString();
        return new RecordStream() {
            int lineNo = 0;
            ReadResult next = advance();

            private ReadResult advance() throws IOException {
                String line;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) continue;
                    return parseLine(line, source, lineNo);
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ReadResult next() {
                if (next == null) throw new NoSuchElementException();
                ReadResult r = next;
                try {
                    next = advance();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return r;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    static ReadResult parseLine(String line, String source, int lineNo) {
        JsonNode node;
        try {
            node = LINE_READER.readTree(line);
        } catch (JsonProcessingException e) {
            return new ReadResult.Rejected(new QuarantineRecord(source, "line " + lineNo, null, "record",
                    "invalid JSON: " + e.getOriginalMessage(), QuarantineRecord.excerptOf(line)));
        }
        try {
            return new ReadResult.Read(CxJsonl.parse(node, CxJsonl.FORMAT));
        } catch (RecordException e) {
            JsonNode id = node.get("id");
            return new ReadResult.Rejected(new QuarantineRecord(source, "line " + lineNo,
                    id != null && id.isValueNode() ? id.asText() : null, e.field(), e.getMessage(),
                    QuarantineRecord.excerptOf(line)));
        }
    }
}
