package io.cxscore.publish;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Parquet table the batch job writes, as declared in {@code sources.yml}.
 *
 * @param name the name models use in {@code {{ source('name') }}}
 * @param glob the file glob relative to the data root
 * @param columns column name to DuckDB type, in declaration order
 */
public record SourceTable(String name, String glob, Map<String, String> columns) {
    public SourceTable {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public String absoluteGlob(Path dataRoot) {
        return dataRoot.toAbsolutePath().normalize().resolve(glob).toString();
    }

    /**
     * The SQL relation a model sees: exactly the declared columns with the declared types, read from
     * the Parquet files, or an empty relation of the same type when no file exists yet. Casting here
     * makes both cases indistinguishable to the models.
     */
    public String relation(Path dataRoot, boolean hasFiles) {
        String select = columns.entrySet().stream()
                .map(c -> "cast(" + SqlText.identifier(c.getKey()) + " as " + c.getValue() + ") as "
                        + SqlText.identifier(c.getKey()))
                .collect(Collectors.joining(", "));
        if (!hasFiles) {
            String nulls = columns.entrySet().stream()
                    .map(c -> "cast(null as " + c.getValue() + ") as " + SqlText.identifier(c.getKey()))
                    .collect(Collectors.joining(", "));
            return "(select " + nulls + " where false)";
        }
        return "(select " + select + " from read_parquet(" + SqlText.literal(absoluteGlob(dataRoot))
                + ", hive_partitioning = true, union_by_name = true))";
    }
}
