package io.cxscore.publish.gaps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Message text of chosen conversations, read from the Parquet source of record (the DuckDB marts
 * never hold text). Callers pass the text through a redactor before it leaves the pipeline.
 */
public final class ConversationTranscripts {
    /** One public or internal message; {@code idx} is the message index findings cite as evidence. */
    public record Message(int idx, String role, String text, boolean isPublic) {}

    private ConversationTranscripts() {}

    /** Transcripts by conversation id, messages in order; ids without a row are left out. */
    public static Map<String, List<Message>> read(Path dataRoot, Collection<String> conversationIds) throws SQLException {
        Map<String, List<Message>> transcripts = new LinkedHashMap<>();
        Path folder = dataRoot.toAbsolutePath().normalize().resolve("conversations");
        if (conversationIds.isEmpty() || !Files.isDirectory(folder)) return transcripts;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement s = c.createStatement()) {
                s.execute("SET autoinstall_known_extensions = false");
                s.execute("SET autoload_known_extensions = false");
                s.execute("create temporary table wanted (conversation_id varchar)");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into wanted values (?)")) {
                for (String id : conversationIds) {
                    insert.setString(1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            String glob = folder.resolve("day=*").resolve("*.parquet").toString().replace("'", "''");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    select conversation_id, m.idx, m.role, m.text, coalesce(m.is_public, true)
                    from (select conversation_id, unnest(messages) as m
                          from read_parquet('%s', hive_partitioning = true, union_by_name = true)
                          where conversation_id in (select conversation_id from wanted))
                    order by conversation_id, m.idx""".formatted(glob))) {
                while (rs.next()) {
                    transcripts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Message(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)));
                }
            }
        }
        return transcripts;
    }
}
