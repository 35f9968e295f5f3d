package io.cxscore.stream.tools;

import io.cxscore.core.demo.DemoGenerator;
import java.nio.file.Path;

/** Writes a small seeded demo export (cx-jsonl, with some malformed lines): {@code DemoExport DIR DAYS PER_DAY}. */
public final class DemoExport {
    private DemoExport() {}

    public static void main(String[] args) throws Exception {
        DemoGenerator.builder().seed(5).days(Integer.parseInt(args[1])).conversationsPerDay(Integer.parseInt(args[2]))
                .malformedRate(0.05).build().generate(Path.of(args[0]));
    }
}
