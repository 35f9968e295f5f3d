package io.cxscore.batch;

import io.cxscore.core.ingest.ConversationReaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the command line's files and folders into the sorted list of files to read, each with its format. */
public final class InputFiles {
    private InputFiles() {}

    /**
     * @param format a reader name for every file, or null to detect each file's format
     * @throws IllegalArgumentException naming the path that does not exist or cannot be recognised
     */
    public static List<InputFile> expand(List<String> paths, String format) {
        List<Path> files = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> s = Files.walk(path)) {
                    s.filter(Files::isRegularFile).filter(f -> !hidden(path.relativize(f))).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException("input " + p + " does not exist");
            }
        }
        files.sort(null);
        List<InputFile> out = new ArrayList<>();
        for (Path f : files) {
            if (zendeskSideFile(f)) continue; // read by the Zendesk reader beside its tickets
            String fmt;
            try {
                fmt = format != null ? ConversationReaders.forFormat(format).format() : ConversationReaders.detect(f).format();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
            }
            out.add(new InputFile(f.toAbsolutePath().toString(), fmt));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no input files found in " + paths);
        return out;
    }

    private static boolean zendeskSideFile(Path f) {
        String n = f.getFileName().toString();
        return n.startsWith("users.") || n.startsWith("groups.");
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("_")) return true;
        }
        return false;
    }
}
