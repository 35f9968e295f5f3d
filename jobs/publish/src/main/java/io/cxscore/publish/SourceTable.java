package io.cxscore.publish;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
     * makes both cases indistinguishable to the models. A declared column no file has yet (files written
     * by an older job) reads as null, so a new column does not break an existing warehouse.
     *
     * @param inFiles the columns the files hold (any of them); empty when there is no file
     */
    public String relation(Path dataRoot, Set<String> inFiles) {
        String select = columns.entrySet().stream()
                .map(c -> "cast(" + (inFiles.contains(c.getKey()) ? SqlText.identifier(c.getKey()) : "null") + " as "
                        + c.getValue() + ") as " + SqlText.identifier(c.getKey()))
                .collect(Collectors.joining(", "));
        if (inFiles.isEmpty()) {
            String nulls = columns.entrySet().stream()
                    .map(c -> "cast(null as " + c.getValue() + ") as " + SqlText.identifier(c.getKey()))
                    .collect(Collectors.joining(", "));
            return "(select " + nulls + " where false)";
        }
        return "(select " + select + " from " + files(dataRoot) + ")";
    }

    /** Every file of the table as one relation, columns matched by name across files. */
    public String files(Path dataRoot) {
        return "read_parquet(" + SqlText.literal(absoluteGlob(dataRoot)) + ", hive_partitioning = true, union_by_name = true)";
    }
}
