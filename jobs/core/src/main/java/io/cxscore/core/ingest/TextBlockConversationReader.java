package io.cxscore.core.ingest;

import io.cxscore.core.model.Conversation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * The shared half of the blank-line-separated dataset readers (USS, TWCS): one block per dialogue, each
 * turned into a {@link ReadResult}. A fault names the line it is on, which is what someone fixing the file needs.
 */
abstract class TextBlockConversationReader implements ConversationReader {

    /** A fault on one line of a block. */
    static final class LineFault extends RuntimeException {
        final int lineInBlock;
        final String field;

        LineFault(int lineInBlock, String field, String reason) {
            super(reason);
            this.lineInBlock = lineInBlock;
            this.field = field;
        }
    }

    /** Per-file settings, derived from the file name. */
    interface BlockMapper {
        /** The conversation id a block gets, used in quarantine rows too. */
        String idOf(TextBlockSource.Block block);

        /** Maps a block; throws {@link LineFault} for the line at fault. */
        Conversation map(TextBlockSource.Block block);
    }

    protected abstract BlockMapper mapperFor(Path file);

    @Override
    public RecordStream open(Path file) throws IOException {
        BlockMapper mapper = mapperFor(file);
        TextBlockSource blocks = new TextBlockSource(file);
        String source = file.getFileName().toString();
        return new RecordStream() {
            @Override
            public boolean hasNext() {
                return blocks.hasNext();
            }

            @Override
            public ReadResult next() {
                if (!blocks.hasNext()) throw new NoSuchElementException();
                TextBlockSource.Block b = blocks.next();
                try {
                    return new ReadResult.Read(mapper.map(b));
                } catch (LineFault f) {
                    return new ReadResult.Rejected(new QuarantineRecord(source, b.position(f.lineInBlock), mapper.idOf(b),
                            f.field, f.getMessage(), QuarantineRecord.excerptOf(b.lines().get(f.lineInBlock))));
                }
            }

            @Override
            public void close() throws IOException {
                blocks.close();
            }
        };
    }

    /** "SGD.txt" and "SGD.txt.gz" both give "sgd". */
    static String datasetName(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz")) name = name.substring(0, name.length() - 3);
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(java.util.Locale.ROOT);
    }
}
