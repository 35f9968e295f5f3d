package io.cxscore.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cxscore.core.rubric.Rubric;
import io.cxscore.core.rubric.RubricException;
import io.cxscore.core.rubric.RubricLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LLM judge's prompt as versioned data ({@code rubrics/cx/v1/prompts/}): a system template, a user template
 * and the JSON schema of the answer. Loading checks that every {@code {{placeholder}}} is one the judge binds, and
 * rendering fails rather than send a template with a hole. {@link #hash()} covers all three files and goes into
 * every score's provenance.
 *
 * <p>The system message holds only what is the same for every conversation, so providers that cache prompt
 * prefixes can reuse it; everything per conversation (the boundary token, the transcript) is in the user message.
 */
public record JudgePrompt(String origin, String id, String version, String systemTemplate, String userTemplate,
                          String answerSchema, String hash) {
    public static final String MANIFEST = "prompt.yaml";
    /** Bound once per judge, from the rubric and the gap taxonomy. */
    public static final Set<String> SYSTEM_PLACEHOLDERS = Set.of("rubric_id", "rubric_version", "resolved_at_least",
            "unresolved_below", "gap_taxonomy", "ai_fault_kinds");
    /** Bound per conversation. */
    public static final Set<String> USER_PLACEHOLDERS = Set.of("turn_count", "last_turn", "boundary", "transcript");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    public static JudgePrompt fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) throw new RubricException("prompt folder " + dir + " does not exist");
        return load(dir.toString(), name -> {
            try {
                return Files.readAllBytes(dir.resolve(name));
            } catch (IOException e) {
                throw new RubricException("cannot read " + dir.resolve(name) + ": " + e.getMessage(), e);
            }
        });
    }

    public static JudgePrompt fromClasspath(String base) {
        return load("classpath:" + base, name -> {
            try (InputStream in = JudgePrompt.class.getClassLoader().getResourceAsStream(base + "/" + name)) {
                if (in == null) throw new RubricException(base + "/" + name + " is not on the classpath");
                return in.readAllBytes();
            } catch (IOException e) {
                throw new RubricException("cannot read " + base + "/" + name + ": " + e.getMessage(), e);
            }
        });
    }

    /** The prompt that ships with the default rubric. */
    public static JudgePrompt defaults() {
        return fromClasspath("rubrics/cx/v1/prompts");
    }

    private interface TemplateFiles {
        byte[] read(String name);
    }

    private static JudgePrompt load(String origin, TemplateFiles files) {
        String where = origin + "/" + MANIFEST;
        JsonNode m;
        try {
            m = new ObjectMapper(new YAMLFactory()).readTree(files.read(MANIFEST));
        } catch (IOException e) {
            throw new RubricException(where + ": not valid YAML: " + e.getMessage(), e);
        }
        String id = text(m, "id", where);
        String version = text(m, "version", where);
        byte[] system = files.read(text(m, "system", where));
        byte[] user = files.read(text(m, "user", where));
        String schemaFile = text(m, "answer_schema", where);
        byte[] schema = files.read(schemaFile);
        try {
            JsonNode s = new ObjectMapper().readTree(schema);
            if (!s.isObject() || !"object".equals(s.path("type").asText())) {
                throw new RubricException(origin + "/" + schemaFile + ": not a JSON schema of an object");
            }
        } catch (IOException e) {
            throw new RubricException(origin + "/" + schemaFile + ": not valid JSON: " + e.getMessage(), e);
        }
        String systemText = new String(system, StandardCharsets.UTF_8);
        String userText = new String(user, StandardCharsets.UTF_8);
        checkPlaceholders(systemText, SYSTEM_PLACEHOLDERS, origin + "/" + text(m, "system", where));
        checkPlaceholders(userText, USER_PLACEHOLDERS, origin + "/" + text(m, "user", where));
        if (!placeholders(userText).containsAll(Set.of("boundary", "transcript"))) {
            throw new RubricException(origin + "/" + text(m, "user", where)
                    + ": the user template must place {{transcript}} between {{boundary}} delimiters");
        }
        String hash = RubricLoader.sha256(system, user, schema).substring(0, 16);
        return new JudgePrompt(origin, id, version, systemText, userText, new String(schema, StandardCharsets.UTF_8), hash);
    }

    private static String text(JsonNode m, String field, String where) {
        JsonNode v = m.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) throw new RubricException(where + ": " + field + ": missing");
        return v.asText();
    }

    static Set<String> placeholders(String template) {
        Set<String> out = new LinkedHashSet<>();
        Matcher mm = PLACEHOLDER.matcher(template);
        while (mm.find()) out.add(mm.group(1));
        return out;
    }

    private static void checkPlaceholders(String template, Set<String> bound, String where) {
        Set<String> unknown = new TreeSet<>(placeholders(template));
        unknown.removeAll(bound);
        if (!unknown.isEmpty()) {
            throw new RubricException(where + ": placeholder(s) " + unknown + " are not bound by the judge; it binds " + new TreeSet<>(bound));
        }
    }

    /** The system message for a rubric and gap vocabulary: the same for every conversation. */
    public String system(Rubric rubric, GapVocabulary gaps) {
        return render(systemTemplate, Map.of("rubric_id", rubric.id(), "rubric_version", rubric.version(),
                "resolved_at_least", fmt(rubric.resolvedAtLeast()), "unresolved_below", fmt(rubric.unresolvedBelow()),
                "gap_taxonomy", gaps.compact(), "ai_fault_kinds", String.join("|", gaps.aiFaultKinds())));
    }

    /** The user message: the delimited transcript. */
    public String user(Transcript t) {
        return render(userTemplate, Map.of("turn_count", Integer.toString(t.turns()),
                "last_turn", Integer.toString(Math.max(0, t.turns() - 1)), "boundary", t.boundary(), "transcript", t.text()));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Fills every placeholder in one pass, so a value that itself contains {{x}} is never expanded. */
    static String render(String template, Map<String, String> values) {
        Matcher mm = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (mm.find()) {
            String v = values.get(mm.group(1));
            if (v == null) throw new IllegalStateException("prompt placeholder {{" + mm.group(1) + "}} has no value");
            mm.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        mm.appendTail(out);
        return out.toString();
    }
}
