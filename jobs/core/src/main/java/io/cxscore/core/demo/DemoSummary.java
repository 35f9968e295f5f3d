package io.cxscore.core.demo;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a demo run wrote.
 *
 * @param files one per day, in date order
 * @param conversations well-formed conversation lines
 * @param malformedLines lines broken on purpose (not counted in conversations)
 * @param scenarioCounts well-formed conversations per scenario wire name, every scenario listed
 * @param gapCounts well-formed conversations per gap wire name ("none" for happy paths)
 * @param malformed where each broken line is and which field the reader must blame
 */
public record DemoSummary(List<Path> files, int conversations, int malformedLines, SortedMap<String, Integer> scenarioCounts,
        SortedMap<String, Integer> gapCounts, List<MalformedLine> malformed) {

    public DemoSummary {
        files = List.copyOf(files);
        scenarioCounts = Collections.unmodifiableSortedMap(new TreeMap<>(scenarioCounts));
        gapCounts = Collections.unmodifiableSortedMap(new TreeMap<>(gapCounts));
        malformed = List.copyOf(malformed);
    }

    /** All lines written: conversations plus malformed lines. */
    public int lines() {
        return conversations + malformedLines;
    }
}
