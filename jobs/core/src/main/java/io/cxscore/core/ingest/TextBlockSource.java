package io.cxscore.core.ingest;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams a text file as blocks of non-blank lines separated by blank lines: the layout of the USS and TWCS
 * dataset files, one dialogue per block. Only one block is held at a time.
 */
final class TextBlockSource implements Iterator<TextBlockSource.Block>, Closeable {

    /**
     * @param ordinal 0-based count of blocks before this one
     * @param firstLine 1-based line number of {@code lines.get(0)}
     */
    record Block(int ordinal, int firstLine, List<String> lines) {
        String position(int lineInBlock) {
            return "line " + (firstLine + lineInBlock);
        }
    }

    private final BufferedReader in;
    private int lineNo = 0;
    private int ordinal = 0;
    private Block next;
    private boolean finished;

    TextBlockSource(Path file) throws IOException {
        this.in = SourceFiles.reader(file);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            try {
                next = readBlock();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (next == null) finished = true;
        }
        return next != null;
    }

    @Override
    public Block next() {
        if (!hasNext()) throw new NoSuchElementException();
        Block b = next;
        next = null;
        return b;
    }

    private Block readBlock() throws IOException {
        List<String> lines = new ArrayList<>();
        int first = -1;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            // Datasets copied through Windows tools gain CRs; they are never part of the text
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            if (line.isBlank()) {
                if (!lines.isEmpty()) break;
                continue;
            }
            if (lines.isEmpty()) first = lineNo;
            lines.add(line);
        }
        return lines.isEmpty() ? null : new Block(ordinal++, first, List.copyOf(lines));
    }

    @Override
    public void close() throws IOException {
        finished = true;
        in.close();
    }
}
