package io.cxscore.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.duckdb.DuckDBFunctions;

/**
 * The SQL warehouse project in a {@code warehouse/} folder ({@code sources.yml}, {@code models/**.sql}
 * with {@code .yml} sidecars, {@code tests/*.sql}) and the build that turns the batch job's Parquet
 * into one DuckDB file.
 *
 * <p>Every model is materialised as a table, so the database is a self-contained snapshot: it does
 * not depend on the Parquet files still being there, nor on the reader's time zone. The build writes
 * a new file beside the target, runs every test on it, and only then renames it over the target, so
 * readers see the old database or the new one, never a half-built one.
 *
 * <pre>{@code
 * BuildResult result = Warehouse.load(Path.of("warehouse")).build(Path.of("out/warehouse"), Path.of("out/cx.duckdb"));
 * System.out.println(result.report());
 * }</pre>
 */
public final class Warehouse {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A model: its SQL template, what it refs, and its sidecar. */
    private record Model(String name, SqlTemplate sql, Sidecar sidecar) {}

    private final Path projectDir;
    private final Map<String, SourceTable> sources;
    private final Map<String, Model> models;
    private final List<String> buildOrder;
    private final Map<String, SqlTemplate> singularTests;
    private final UnaryOperator<String> redactor;

    private Warehouse(Path projectDir, Map<String, SourceTable> sources, Map<String, Model> models,
                      List<String> buildOrder, Map<String, SqlTemplate> singularTests, UnaryOperator<String> redactor) {
        this.projectDir = projectDir;
        this.sources = sources;
        this.models = models;
        this.buildOrder = buildOrder;
        this.singularTests = singularTests;
        this.redactor = redactor;
    }

    /**
     * The same project, building with {@code redactor} behind the SQL function {@code cx_redact(text)}:
     * the only way message text enters the database (the drill-down marts), so what the redactor
     * misses is what the database holds. Without this, {@link TextRedaction#MASK_CONTACTS_AND_DIGITS}.
     */
    public Warehouse withRedactor(UnaryOperator<String> redactor) {
        return new Warehouse(projectDir, sources, models, buildOrder, singularTests,
                java.util.Objects.requireNonNull(redactor, "redactor"));
    }

    /**
     * Reads and checks the project: every model has a sidecar stating its grain, every
     * {@code ref()}/{@code source()} resolves, and the models form no cycle.
     *
     * @throws WarehouseProjectException naming the file or models at fault
     */
    public static Warehouse load(Path projectDir) {
        Path dir = projectDir.toAbsolutePath().normalize();
        Map<String, SourceTable> sources = readSources(dir.resolve("sources.yml"));

        Map<String, Path> modelFiles = sqlFiles(dir.resolve("models"), true);
        Map<String, SqlTemplate> templates = new TreeMap<>();
        Map<String, Set<String>> upstream = new HashMap<>();
        for (Map.Entry<String, Path> file : modelFiles.entrySet()) {
            SqlTemplate sql = new SqlTemplate(relative(dir, file.getValue()), read(file.getValue()));
            templates.put(file.getKey(), sql);
            upstream.put(file.getKey(), checkedRefs(relative(dir, file.getValue()), sql, sources, modelFiles.keySet()));
        }
        List<String> order = new ModelGraph(upstream).buildOrder();

        Map<String, Model> models = new LinkedHashMap<>();
        for (String name : order) {
            Path yml = sidecarOf(modelFiles.get(name));
            if (!Files.isRegularFile(yml)) {
                throw new WarehouseProjectException(relative(dir, modelFiles.get(name)) + ": model " + name
                        + " has no sidecar " + yml.getFileName() + " stating its grain and tests");
            }
            Sidecar sidecar = new Sidecar(relative(dir, yml), name, readYaml(dir, yml), modelFiles.keySet());
            models.put(name, new Model(name, templates.get(name), sidecar));
        }

        Map<String, SqlTemplate> singular = new TreeMap<>();
        for (Map.Entry<String, Path> file : sqlFiles(dir.resolve("tests"), false).entrySet()) {
            SqlTemplate sql = new SqlTemplate(relative(dir, file.getValue()), read(file.getValue()));
            checkedRefs(relative(dir, file.getValue()), sql, sources, modelFiles.keySet());
            if (sql.calls().stream().anyMatch(call -> !call.isRef())) {
                // a singular test checks what the models made of the sources; sidecars on staging check the rest
                throw new WarehouseProjectException(relative(dir, file.getValue())
                        + ": singular tests query models with ref(), not source()");
            }
            singular.put(file.getKey(), sql);
        }
        return new Warehouse(dir, Map.copyOf(sources), models, List.copyOf(order), singular,
                TextRedaction.MASK_CONTACTS_AND_DIGITS);
    }

    public Path projectDir() {
        return projectDir;
    }

    /** Model names, each after the models it refs. */
    public List<String> buildOrder() {
        return buildOrder;
    }

    /** The grain sentence from the model's sidecar. */
    public String description(String model) {
        Model m = models.get(model);
        if (m == null) throw new IllegalArgumentException("no model named " + model);
        return m.sidecar().description();
    }

    /** Every test the build runs: sidecar tests in model build order, then the singular tests. */
    public List<DataTest> tests() {
        List<DataTest> tests = new ArrayList<>();
        for (Model m : models.values()) tests.addAll(m.sidecar().tests());
        for (Map.Entry<String, SqlTemplate> t : singularTests.entrySet()) {
            String firstRef = t.getValue().calls().stream().filter(SqlTemplate.Call::isRef)
                    .map(SqlTemplate.Call::name).findFirst().orElse("(sources)");
            tests.add(new DataTest(t.getKey(), firstRef, DataTest.Severity.ERROR,
                    t.getValue().render(call -> SqlText.identifier(call.name()))));
        }
        return tests;
    }

    /**
     * Builds every model from the Parquet under {@code dataRoot} into a new database, runs all tests
     * and, when every model built and no error-severity test failed, atomically replaces
     * {@code databaseFile} with it. A failing model or test is reported in the result, not thrown.
     *
     * @param dataRoot the folder the {@code sources.yml} globs are relative to
     */
    public BuildResult build(Path dataRoot, Path databaseFile) {
        Path target = databaseFile.toAbsolutePath().normalize();
        Path folder = target.getParent();
        // same folder as the target, so the final rename stays on one file system and is atomic
        Path candidate = folder.resolve("." + target.getFileName() + ".building-" + UUID.randomUUID());
        List<String> built = new ArrayList<>();
        List<TestResult> results = new ArrayList<>();
        String failure = null;
        try {
            Files.createDirectories(folder);
            try (Connection connection = DuckDbConnections.openWritable(candidate)) {
                registerRedaction(connection);
                Map<String, String> relations = sourceRelations(connection, dataRoot);
                for (String name : buildOrder) {
                    failure = buildModel(connection, models.get(name), relations);
                    if (failure != null) break;
                    built.add(name);
                }
                if (failure == null) {
                    for (DataTest test : tests()) results.add(run(connection, test));
                    try (Statement s = connection.createStatement()) {
                        s.execute("CHECKPOINT");
                    }
                }
            }
            BuildResult unpublished = new BuildResult(target, false, built, failure, results);
            if (!unpublished.succeeded()) return unpublished;
            moveAtomically(candidate, target);
            return new BuildResult(target, true, built, null, results);
        } catch (SQLException e) {
            return new BuildResult(target, false, built, "DuckDB: " + SqlText.firstParagraph(e.getMessage()), results);
        } catch (IOException e) {
            return new BuildResult(target, false, built, "cannot write " + folder + ": " + e.getMessage(), results);
        } finally {
            deleteQuietly(candidate);
            deleteQuietly(candidate.resolveSibling(candidate.getFileName() + ".wal"));
        }
    }

    /** {@code cx_redact(varchar) -> varchar}, for this build's connection only; the function is not stored in the file. */
    private void registerRedaction(Connection connection) throws SQLException {
        UnaryOperator<String> redact = redactor;
        java.util.function.Function<String, String> nullSafe = text -> text == null ? null : redact.apply(text);
        DuckDBFunctions.scalarFunction().withName("cx_redact").withParameter(String.class)
                .withReturnType(String.class).withFunction(nullSafe).register(connection);
    }

    private Map<String, String> sourceRelations(Connection connection, Path dataRoot) throws SQLException {
        Map<String, String> relations = new HashMap<>();
        for (SourceTable source : sources.values()) {
            boolean hasFiles;
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from glob("
                         + SqlText.literal(source.absoluteGlob(dataRoot)) + ")")) {
                rs.next();
                hasFiles = rs.getLong(1) > 0;
            }
            Set<String> inFiles = new HashSet<>();
            if (hasFiles) {
                try (Statement s = connection.createStatement();
                     ResultSet rs = s.executeQuery("describe select * from " + source.files(dataRoot))) {
                    while (rs.next()) inFiles.add(rs.getString("column_name"));
                }
            }
            relations.put(source.name(), source.relation(dataRoot, inFiles));
        }
        return relations;
    }

    /** @return null when built, else a message naming the model */
    private static String buildModel(Connection connection, Model model, Map<String, String> sourceRelations) {
        String sql = model.sql().render(call -> call.isRef()
                ? SqlText.identifier(call.name())
                : sourceRelations.get(call.name()));
        try (Statement s = connection.createStatement()) {
            s.execute("create table " + SqlText.identifier(model.name()) + " as\n" + sql);
            return null;
        } catch (SQLException e) {
            return "model " + model.name() + " did not build: " + SqlText.firstParagraph(e.getMessage());
        }
    }

    private static TestResult run(Connection connection, DataTest test) {
        String failing = "(\n" + test.sql() + "\n) as failing";
        try (Statement s = connection.createStatement()) {
            long count;
            try (ResultSet rs = s.executeQuery("select count(*) from " + failing)) {
                rs.next();
                count = rs.getLong(1);
            }
            List<String> sample = new ArrayList<>();
            if (count > 0) {
                try (ResultSet rs = s.executeQuery("select * from " + failing + " limit 5")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            if (i > 1) row.append(", ");
                            row.append(meta.getColumnLabel(i)).append('=').append(rs.getString(i));
                        }
                        sample.add(row.toString());
                    }
                }
            }
            return new TestResult(test.name(), test.model(), test.severity(), count, sample, null);
        } catch (SQLException e) {
            return new TestResult(test.name(), test.model(), test.severity(), 0, List.of(),
                    SqlText.firstParagraph(e.getMessage()));
        }
    }

    private static void moveAtomically(Path candidate, Path target) throws IOException {
        try {
            Files.move(candidate, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename atomically; refusing to replace " + target, e);
        }
    }

    private static Set<String> checkedRefs(String origin, SqlTemplate sql, Map<String, SourceTable> sources,
                                           Set<String> modelNames) {
        Set<String> refs = new HashSet<>();
        for (SqlTemplate.Call call : sql.calls()) {
            if (call.isRef()) {
                if (!modelNames.contains(call.name())) {
                    throw new WarehouseProjectException(origin + ": ref('" + call.name() + "') is not a model");
                }
                refs.add(call.name());
            } else if (!sources.containsKey(call.name())) {
                throw new WarehouseProjectException(origin + ": source('" + call.name()
                        + "') is not declared in sources.yml");
            }
        }
        return refs;
    }

    private static Map<String, SourceTable> readSources(Path file) {
        if (!Files.isRegularFile(file)) throw new WarehouseProjectException("missing " + file);
        JsonNode root = readYaml(file.getParent(), file);
        Map<String, SourceTable> sources = new TreeMap<>();
        root.path("sources").fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            String glob = entry.getValue().path("path").asText("");
            Map<String, String> columns = new LinkedHashMap<>();
            entry.getValue().path("columns").fields()
                    .forEachRemaining(c -> columns.put(c.getKey(), c.getValue().asText()));
            if (!SqlText.isPlainName(name) || glob.isEmpty() || columns.isEmpty()) {
                throw new WarehouseProjectException("sources.yml: source '" + name
                        + "' needs a lower_snake_case name, a path glob and typed columns");
            }
            sources.put(name, new SourceTable(name, glob, columns));
        });
        if (sources.isEmpty()) throw new WarehouseProjectException("sources.yml declares no sources");
        return sources;
    }

    private static Map<String, Path> sqlFiles(Path folder, boolean recursive) {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) return files;
        try (Stream<Path> walk = recursive ? Files.walk(folder) : Files.list(folder)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
                if (!SqlText.isPlainName(name)) {
                    throw new WarehouseProjectException(file + ": names must be lower_snake_case");
                }
                Path previous = files.put(name, file);
                if (previous != null) {
                    throw new WarehouseProjectException("two files named " + name + ".sql: " + previous + " and " + file);
                }
            }
        } catch (IOException e) {
            throw new WarehouseProjectException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static Path sidecarOf(Path sqlFile) {
        return sqlFile.resolveSibling(sqlFile.getFileName().toString().replaceFirst("\\.sql$", ".yml"));
    }

    private static JsonNode readYaml(Path dir, Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null) throw new WarehouseProjectException(relative(dir, file) + " is empty");
            return node;
        } catch (IOException e) {
            throw new WarehouseProjectException(relative(dir, file) + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new WarehouseProjectException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file.toAbsolutePath().normalize()).toString();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover hidden .building- file is harmless and is named so a person can tell what it is
        }
    }
}
