package io.cxscore.publish;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens DuckDB the way the warehouse needs it: offline (parquet, json and icu are statically linked,
 * so nothing may be fetched) and in UTC (timestamps are UTC; ICU would otherwise apply the machine's
 * zone when casting Spark's UTC-adjusted timestamps).
 */
public final class DuckDbConnections {
    private DuckDbConnections() {}

    public static Connection openWritable(Path file) throws SQLException {
        return configure(DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), new Properties()));
    }

    /** DuckDB allows one writer or many readers per file; the dashboard is one of the readers. */
    public static Connection openReadOnly(Path file) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return configure(DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), properties));
    }

    private static Connection configure(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET autoload_known_extensions = false");
            s.execute("SET TimeZone = 'UTC'");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
