package io.cxscore.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A model's {@code .yml} sidecar: its grain (the description) and its generic tests, in the dbt
 * shape: {@code not_null}, {@code unique} (a column, or {@code columns: [...]} at model level),
 * {@code accepted_values}, {@code expression_is_true} and {@code relationships}. Every test accepts
 * {@code where:} (test only the matching rows) and {@code severity: warn} (report, do not fail).
 */
final class Sidecar {
    private final String origin;
    private final String model;
    private final String description;
    private final List<DataTest> tests = new ArrayList<>();

    /** @param knownModels names a relationships test may point to */
    Sidecar(String origin, String model, JsonNode root, Set<String> knownModels) {
        this.origin = origin;
        this.model = model;
        JsonNode entry = findModel(root);
        this.description = entry.path("description").asText("").strip();
        if (description.isEmpty()) {
            throw new WarehouseProjectException(origin + ": model " + model
                    + " needs a description stating its grain (\"One row per ...\")");
        }
        for (JsonNode test : entry.path("tests")) tests.add(modelTest(test));
        for (JsonNode column : entry.path("columns")) {
            String name = column.path("name").asText("");
            if (name.isEmpty()) throw new WarehouseProjectException(origin + ": a column entry has no name");
            for (JsonNode test : column.path("tests")) tests.add(columnTest(name, test, knownModels));
        }
    }

    String description() {
        return description;
    }

    List<DataTest> tests() {
        return List.copyOf(tests);
    }

    private JsonNode findModel(JsonNode root) {
        for (JsonNode entry : root.path("models")) {
            if (model.equals(entry.path("name").asText())) return entry;
        }
        throw new WarehouseProjectException(origin + ": no entry under models: with name: " + model);
    }

    private DataTest modelTest(JsonNode test) {
        String kind = kind(test);
        JsonNode args = args(test);
        switch (kind) {
            case "unique" -> {
                List<String> columns = new ArrayList<>();
                args.path("columns").forEach(c -> columns.add(c.asText()));
                if (columns.isEmpty()) throw invalid(kind, "needs columns: [...] at model level");
                return uniqueTest(String.join("__", columns), columns, args);
            }
            case "expression_is_true" -> {
                return expressionTest(args);
            }
            default -> throw invalid(kind, "is not a model-level test (use unique or expression_is_true)");
        }
    }

    private DataTest columnTest(String column, JsonNode test, Set<String> knownModels) {
        String kind = kind(test);
        JsonNode args = args(test);
        String col = SqlText.identifier(column);
        return switch (kind) {
            case "not_null" -> test(kind + "_" + model + "_" + column, args,
                    "select * from " + rows(args) + " where " + col + " is null");
            case "unique" -> uniqueTest(column, List.of(column), args);
            case "accepted_values" -> {
                List<String> values = new ArrayList<>();
                args.path("values").forEach(v -> values.add(SqlText.literal(v.asText())));
                if (values.isEmpty()) throw invalid(kind, "on " + column + " needs values: [...]");
                yield test(kind + "_" + model + "_" + column, args,
                        "select " + col + ", count(*) as count_rows from " + rows(args) + " where " + col
                                + " is not null and cast(" + col + " as varchar) not in ("
                                + String.join(", ", values) + ") group by " + col);
            }
            case "relationships" -> {
                String to = args.path("to").asText("");
                String field = args.path("field").asText("");
                if (!knownModels.contains(to)) throw invalid(kind, "on " + column + " points to unknown model '" + to + "'");
                if (field.isEmpty()) throw invalid(kind, "on " + column + " needs field:");
                yield test(kind + "_" + model + "_" + column + "__" + to + "_" + field, args,
                        "select child." + col + " from " + rows(args) + " as child where child." + col
                                + " is not null and not exists (select 1 from " + SqlText.identifier(to)
                                + " as parent where parent." + SqlText.identifier(field) + " = child." + col + ")");
            }
            case "expression_is_true" -> expressionTest(args);
            default -> throw invalid(kind, "is not a known test");
        };
    }

    private DataTest uniqueTest(String suffix, List<String> columns, JsonNode args) {
        String cols = columns.stream().map(SqlText::identifier).collect(Collectors.joining(", "));
        String notNull = columns.stream().map(c -> SqlText.identifier(c) + " is not null")
                .collect(Collectors.joining(" and "));
        String where = columns.size() == 1 ? " where " + notNull : "";
        return test("unique_" + model + "_" + suffix, args, "select " + cols + ", count(*) as count_rows from "
                + rows(args) + where + " group by " + cols + " having count(*) > 1");
    }

    /** As in dbt: a row fails when the expression is false; null passes. */
    private DataTest expressionTest(JsonNode args) {
        String expression = args.path("expression").asText("").strip();
        if (expression.isEmpty()) throw invalid("expression_is_true", "needs expression:");
        String name = args.path("name").asText("");
        if (name.isEmpty()) name = expression.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase();
        return test("expression_is_true_" + model + "_" + name, args,
                "select * from " + rows(args) + " where not (" + expression + ")");
    }

    private DataTest test(String name, JsonNode args, String sql) {
        String severity = args.path("severity").asText("error");
        DataTest.Severity level = switch (severity) {
            case "error" -> DataTest.Severity.ERROR;
            case "warn" -> DataTest.Severity.WARN;
            default -> throw invalid(name, "has severity '" + severity + "'; use error or warn");
        };
        return new DataTest(name, model, level, sql);
    }

    private String rows(JsonNode args) {
        String where = args.path("where").asText("").strip();
        String table = SqlText.identifier(model);
        return where.isEmpty() ? table : "(select * from " + table + " where " + where + ")";
    }

    private String kind(JsonNode test) {
        if (test.isTextual()) return test.asText();
        if (test.isObject() && test.size() == 1) return test.fieldNames().next();
        throw new WarehouseProjectException(origin + ": a test must be a name or a single-key map, got " + test);
    }

    private static JsonNode args(JsonNode test) {
        if (!test.isObject()) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        Iterator<Map.Entry<String, JsonNode>> fields = test.fields();
        return fields.next().getValue();
    }

    private WarehouseProjectException invalid(String test, String problem) {
        return new WarehouseProjectException(origin + ": test " + test + " " + problem);
    }
}
