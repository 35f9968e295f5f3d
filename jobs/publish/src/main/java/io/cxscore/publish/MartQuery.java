package io.cxscore.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One SQL query against the marts through a read-only connection, written out as CSV (RFC 4180: a
 * header row, fields quoted when they hold a comma, quote or line break, an empty field for null).
 * DuckDB itself refuses any statement that would write, so a reader (a notebook, a script) can never
 * change the published database.
 */
public final class MartQuery {
    private MartQuery() {}

    public static void writeCsv(Path database, String sql, Appendable out) throws SQLException, IOException {
        try (Connection c = DuckDbConnections.openReadOnly(database);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            for (int i = 1; i <= columns; i++) {
                if (i > 1) out.append(',');
                out.append(field(meta.getColumnLabel(i)));
            }
            out.append('\n');
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    if (i > 1) out.append(',');
                    String value = rs.getString(i);
                    if (value != null) out.append(field(value));
                }
                out.append('\n');
            }
        }
    }

    static String field(String value) {
        if (value.isEmpty()) return "\"\""; // an empty string, told apart from null (an empty field)
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
