package io.cxscore.core.ingest;

import io.cxscore.core.model.Conversation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Everything a reader produced for one file, split into read conversations and quarantine rows. */
record ReadOutcome(List<Conversation> read, List<QuarantineRecord> rejected) {

    static ReadOutcome of(ConversationReader reader, Path file) throws IOException {
        List<Conversation> read = new ArrayList<>();
        List<QuarantineRecord> rejected = new ArrayList<>();
        try (ConversationReader.RecordStream s = reader.open(file)) {
            while (s.hasNext()) {
                ReadResult r = s.next();
                if (r instanceof ReadResult.Read ok) read.add(ok.conversation());
                else rejected.add(((ReadResult.Rejected) r).quarantine());
            }
        }
        return new ReadOutcome(read, rejected);
    }

    int total() {
        return read.size() + rejected.size();
    }

    Conversation byId(String id) {
        return read.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no conversation " + id + " in " + read.stream().map(Conversation::id).toList()));
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        if (name.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(p, content, StandardCharsets.UTF_8);
        }
        return p;
    }
}
