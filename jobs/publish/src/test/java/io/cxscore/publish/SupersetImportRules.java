package io.cxscore.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The checks Superset's v1 importer applies to a bundle before it imports anything, written down from
 * its source ({@code superset/commands/importers/v1/utils.py}, the {@code ImportV1*Schema} classes and
 * {@code superset/commands/dashboard/importers/v1/utils.py}), as listed in shared/notes/peers.md §6.
 * No Superset server runs here, so tests hold bundles to these rules instead.
 */
final class SupersetImportRules {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, List<String>> REQUIRED = Map.of(
            "databases", List.of("database_name", "sqlalchemy_uri", "uuid", "version"),
            "datasets", List.of("table_name", "uuid", "version", "database_uuid"),
            "charts", List.of("slice_name", "viz_type", "uuid", "version", "dataset_uuid"),
            "dashboards", List.of("dashboard_title", "uuid", "version"));

    private SupersetImportRules() {}

    /** Bundle paths without the top-level folder, to parsed YAML; Superset's {@code remove_root()}. */
    static Map<String, JsonNode> read(byte[] zip) throws IOException {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        Set<String> roots = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                roots.add(slash < 0 ? "" : name.substring(0, slash));
                String path = slash < 0 ? name : name.substring(slash + 1);
                String fileName = path.substring(path.lastIndexOf('/') + 1);
                // only .yaml/.yml are read, and names starting with . or _ are skipped
                if (!(path.endsWith(".yaml") || path.endsWith(".yml")) || fileName.startsWith(".")
                        || fileName.startsWith("_")) {
                    continue;
                }
                files.put(path, YAML.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        if (roots.size() != 1 || roots.contains("")) {
            throw new IllegalArgumentException("one top-level folder expected, found " + roots);
        }
        return files;
    }

    /** Every rule broken by the bundle; empty when Superset's importer would accept its structure. */
    static List<String> violations(byte[] zip) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> files;
        try {
            files = read(zip);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        JsonNode metadata = files.get("metadata.yaml");
        if (metadata == null) {
            problems.add("metadata.yaml is missing");
        } else {
            if (!"1.0.0".equals(metadata.path("version").asText())) problems.add("metadata.yaml version is not 1.0.0");
            String type = metadata.path("type").asText("Dashboard");
            if (!type.equals("Dashboard")) problems.add("metadata.yaml type " + type + " is not Dashboard");
        }
        Map<String, String> uuidOwners = new LinkedHashMap<>();
        Set<String> databaseUuids = new HashSet<>();
        Set<String> datasetUuids = new HashSet<>();
        Set<String> chartUuids = new HashSet<>();
        for (Map.Entry<String, JsonNode> file : files.entrySet()) {
            String folder = file.getKey().contains("/") ? file.getKey().substring(0, file.getKey().indexOf('/')) : "";
            List<String> required = REQUIRED.get(folder);
            if (required == null) continue;
            JsonNode yaml = file.getValue();
            for (String field : required) {
                if (!yaml.hasNonNull(field) || yaml.get(field).asText().isEmpty()) {
                    problems.add(file.getKey() + ": required field " + field + " is missing");
                }
            }
            if (!"1.0.0".equals(yaml.path("version").asText())) problems.add(file.getKey() + ": version is not 1.0.0");
            String uuid = yaml.path("uuid").asText();
            try {
                UUID.fromString(uuid);
            } catch (IllegalArgumentException e) {
                problems.add(file.getKey() + ": uuid " + uuid + " is not a UUID");
            }
            String previous = uuidOwners.put(uuid, file.getKey());
            if (previous != null) problems.add(file.getKey() + ": uuid also used by " + previous);
            switch (folder) {
                case "databases" -> databaseUuids.add(uuid);
                case "datasets" -> datasetUuids.add(uuid);
                case "charts" -> {
                    chartUuids.add(uuid);
                    // the chart importer updates params in place, so they must be a mapping
                    if (!yaml.path("params").isObject()) problems.add(file.getKey() + ": params is not a mapping");
                }
                default -> { }
            }
        }
        for (Map.Entry<String, JsonNode> file : files.entrySet()) {
            if (file.getKey().startsWith("datasets/")
                    && !databaseUuids.contains(file.getValue().path("database_uuid").asText())) {
                problems.add(file.getKey() + ": database_uuid names no database in the bundle");
            }
            if (file.getKey().startsWith("charts/")
                    && !datasetUuids.contains(file.getValue().path("dataset_uuid").asText())) {
                problems.add(file.getKey() + ": dataset_uuid names no dataset in the bundle");
            }
            if (file.getKey().startsWith("dashboards/")) {
                file.getValue().path("position").fields().forEachRemaining(node -> {
                    JsonNode value = node.getValue();
                    if (!value.isObject() || !"CHART".equals(value.path("type").asText())) return;
                    JsonNode meta = value.path("meta");
                    if (!meta.hasNonNull("uuid") || !meta.hasNonNull("chartId")) {
                        problems.add(file.getKey() + ": " + node.getKey() + " needs both meta.uuid and meta.chartId");
                    } else if (!chartUuids.contains(meta.get("uuid").asText())) {
                        problems.add(file.getKey() + ": " + node.getKey() + " names a chart not in the bundle");
                    }
                });
            }
        }
        return problems;
    }
}
