package io.cxscore.stream;

import java.io.Serializable;
import java.util.List;

/**
 * A warehouse table as the stream writes it.
 *
 * @param name the table's folder under the warehouse
 * @param schema the Parquet schema, as text (a MessageType is not serializable)
 * @param noDictionary column paths whose values are unique per row (ids, free text): a dictionary never pays there,
 *                     and trying one hashes every value
 * @param noStatistics column paths of long free text: min/max statistics help no query and compare every value
 */
public record ParquetTable(String name, String schema, List<String> noDictionary, List<String> noStatistics) implements Serializable {
    public ParquetTable {
        noDictionary = List.copyOf(noDictionary);
        noStatistics = List.copyOf(noStatistics);
    }
}
