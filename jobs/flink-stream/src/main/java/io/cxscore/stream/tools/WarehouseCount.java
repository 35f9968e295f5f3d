package io.cxscore.stream.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Prints the number of committed {@code scores} plus {@code quarantine} rows in a warehouse: {@code WarehouseCount DIR}. */
public final class WarehouseCount {
    private WarehouseCount() {}

    public static void main(String[] args) throws Exception {
        long rows = 0;
        for (String table : new String[] {"scores", "quarantine"}) {
            Path dir = Path.of(args[0], table);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.walk(dir, 2)) {
                for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".parquet") && !p.getFileName().toString().startsWith(".")).toList()) {
                    rows += ScoresFileIds.countRows(f);
                }
            }
        }
        System.out.println(rows);
    }
}
