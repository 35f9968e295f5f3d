package io.cxscore.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real {@code warehouse/} project, copies of it to break, and queries against a built database. */
public final class WarehouseTestSupport {
    private WarehouseTestSupport() {}

    public static Path projectDir() {
        String root = System.getProperty("cx.repo.root");
        if (root == null) throw new IllegalStateException("surefire sets cx.repo.root to the repository root");
        return Path.of(root, "warehouse");
    }

    /** A copy of the real project, for tests that add a broken model without touching the repository. */
    public static Path copyOfProject(Path into) throws IOException {
        Path source = projectDir();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = into.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target);
            }
        }
        return into;
    }

    public static double scalar(Path database, String sql) throws SQLException {
        try (Connection c = DuckDbConnections.openReadOnly(database);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) throw new IllegalStateException("no row for: " + sql);
            return rs.getDouble(1);
        }
    }

    public static List<String> column(Path database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DuckDbConnections.openReadOnly(database);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) values.add(rs.getString(1));
        }
        return values;
    }

    public static double mean(double... values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }

    public static double sampleStdDev(double... values) {
        double m = mean(values);
        double squares = 0;
        for (double v : values) squares += (v - m) * (v - m);
        return Math.sqrt(squares / (values.length - 1));
    }
}
