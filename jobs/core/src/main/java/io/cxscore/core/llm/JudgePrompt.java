package io.cxscore.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.rubric.Rubric;
import io.cxscore.core.rubric.RubricException;
import io.cxscore.core.rubric.RubricLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The LLM judge's prompt as versioned data ({@code rubrics/cx/v1/prompts/}): a system template, a user template,
 * the JSON schema of the answer and the transcript format, per prompt version. Loading checks that every
 * {@code {{placeholder}}} is one the judge binds, and rendering fails rather than send a template with a hole.
 * {@link #hash()} covers everything that shapes the text sent and goes into every score's provenance.
 *
 * <p>{@code prompt.yaml} lists the released versions under {@code versions:} and names the current one in
 * {@code version:}; a released version's files are never edited, so an older version stays loadable and its
 * scores reproducible. (A manifest without {@code versions:} names one version's files at its top level.)
 *
 * <p>The system message holds only what is the same for every conversation, so providers that cache prompt
 * prefixes can reuse it; everything per conversation (the boundary token, the transcript) is in the user message.
 *
 * @param schemaFallback text appended to the system message when the answer schema is <em>not</em> sent in the
 *                       request as the provider's structured-output format (null when the version always
 *                       describes the answer in the system template); {@code {{answer_shape}}} in it is the
 *                       schema's field outline
 */
public record JudgePrompt(String origin, String id, String version, String systemTemplate, String userTemplate,
                          String answerSchema, String hash, Transcript.Format transcriptFormat, String schemaFallback) {
    public static final String MANIFEST = "prompt.yaml";
    /** Bound once per judge, from the rubric and the gap taxonomy. */
    public static final Set<String> SYSTEM_PLACEHOLDERS = Set.of("rubric_id", "rubric_version", "resolved_at_least",
            "unresolved_below", "gap_taxonomy", "gap_taxonomy_lines", "ai_fault_kinds");
    /** Bound per conversation. */
    public static final Set<String> USER_PLACEHOLDERS = Set.of("turn_count", "last_turn", "boundary", "transcript");
    /** Bound in the schema fallback. */
    public static final Set<String> FALLBACK_PLACEHOLDERS = Set.of("answer_shape");
    private static final Set<String> VERSION_FIELDS = Set.of("system", "user", "answer_schema", "transcript", "schema_not_sent");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    /** The manifest's current version from a prompt folder. */
    public static JudgePrompt fromDirectory(Path dir) {
        return fromDirectory(dir, null);
    }

    /** @param version a released version named in the manifest, or null for its current one */
    public static JudgePrompt fromDirectory(Path dir, String version) {
        if (!Files.isDirectory(dir)) throw new RubricException("prompt folder " + dir + " does not exist");
        return load(dir.toString(), version, name -> {
            try {
                return Files.readAllBytes(dir.resolve(name));
            } catch (IOException e) {
                throw new RubricException("cannot read " + dir.resolve(name) + ": " + e.getMessage(), e);
            }
        });
    }

    public static JudgePrompt fromClasspath(String base) {
        return fromClasspath(base, null);
    }

    /** @param version a released version named in the manifest, or null for its current one */
    public static JudgePrompt fromClasspath(String base, String version) {
        return load("classpath:" + base, version, name -> {
            try (InputStream in = JudgePrompt.class.getClassLoader().getResourceAsStream(base + "/" + name)) {
                if (in == null) throw new RubricException(base + "/" + name + " is not on the classpath");
                return in.readAllBytes();
            } catch (IOException e) {
                throw new RubricException("cannot read " + base + "/" + name + ": " + e.getMessage(), e);
            }
        });
    }

    /** The current prompt that ships with the default rubric. */
    public static JudgePrompt defaults() {
        return defaults(null);
    }

    /** A released version of the prompt that ships with the default rubric (null: the current one). */
    public static JudgePrompt defaults(String version) {
        return fromClasspath("rubrics/cx/v1/prompts", version);
    }

    private interface TemplateFiles {
        byte[] read(String name);
    }

    private static JudgePrompt load(String origin, String wanted, TemplateFiles files) {
        String where = origin + "/" + MANIFEST;
        JsonNode m;
        try {
            m = new ObjectMapper(new YAMLFactory()).readTree(files.read(MANIFEST));
        } catch (IOException e) {
            throw new RubricException(where + ": not valid YAML: " + e.getMessage(), e);
        }
        if (m == null || !m.isObject()) throw new RubricException(where + ": not a YAML mapping");
        String id = text(m, "id", where);
        String current = text(m, "version", where);
        String version = wanted == null ? current : wanted;
        JsonNode v;
        String at;
        if (m.has("versions")) {
            JsonNode versions = m.get("versions");
            if (!versions.isObject() || versions.isEmpty()) throw new RubricException(where + ": versions: missing or empty");
            v = versions.get(version);
            if (v == null || !v.isObject()) {
                List<String> known = new ArrayList<>();
                versions.fieldNames().forEachRemaining(known::add);
                throw new RubricException(where + ": prompt version '" + version + "' is not released; released: " + known);
            }
            at = where + ": versions." + version;
            for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!VERSION_FIELDS.contains(f)) throw new RubricException(at + "." + f + ": unknown field; known: " + new TreeSet<>(VERSION_FIELDS));
            }
        } else {
            if (!version.equals(current)) {
                throw new RubricException(where + ": prompt version '" + version + "' is not released; released: [" + current + "]");
            }
            v = m;
            at = where;
        }
        String systemFile = text(v, "system", at);
        String userFile = text(v, "user", at);
        String schemaFile = text(v, "answer_schema", at);
        Transcript.Format format;
        try {
            format = Transcript.Format.parse(v.has("transcript") ? v.get("transcript").asText() : null);
        } catch (IllegalArgumentException e) {
            throw new RubricException(at + ".transcript: " + e.getMessage(), e);
        }
        byte[] system = files.read(systemFile);
        byte[] user = files.read(userFile);
        byte[] schema = files.read(schemaFile);
        String fallbackFile = v.has("schema_not_sent") ? text(v, "schema_not_sent", at) : null;
        byte[] fallback = fallbackFile == null ? null : files.read(fallbackFile);
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
        String fallbackText = fallback == null ? null : new String(fallback, StandardCharsets.UTF_8);
        checkPlaceholders(systemText, SYSTEM_PLACEHOLDERS, origin + "/" + systemFile);
        checkPlaceholders(userText, USER_PLACEHOLDERS, origin + "/" + userFile);
        if (fallbackText != null) checkPlaceholders(fallbackText, FALLBACK_PLACEHOLDERS, origin + "/" + fallbackFile);
        if (!placeholders(userText).containsAll(Set.of("boundary", "transcript"))) {
            throw new RubricException(origin + "/" + userFile
                    + ": the user template must place {{transcript}} between {{boundary}} delimiters");
        }
        // v1's hash is the one its scores carry: the three files alone. Later versions also hash what else
        // shapes the text sent (the transcript format, the fallback for requests without the schema), with the
        // files' lengths so that text moved from one file to the next changes the hash too.
        String hash = format == Transcript.Format.V1 && fallback == null
                ? RubricLoader.sha256(system, user, schema).substring(0, 16)
                : RubricLoader.sha256(("prompt|transcript=" + format.name() + "|lengths=" + system.length + "," + user.length
                        + "," + schema.length + "," + (fallback == null ? -1 : fallback.length) + "|").getBytes(StandardCharsets.UTF_8),
                        system, user, schema, fallback == null ? new byte[0] : fallback).substring(0, 16);
        return new JudgePrompt(origin, id, version, systemText, userText, new String(schema, StandardCharsets.UTF_8), hash,
                format, fallbackText);
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

    /** Whether the system message differs with and without the schema in the request. */
    public boolean dependsOnSchemaInRequest() {
        return schemaFallback != null;
    }

    /** The system message when the answer schema is not sent as the provider's response format. */
    public String system(Rubric rubric, GapVocabulary gaps) {
        return system(rubric, gaps, false);
    }

    /**
     * The system message for a rubric and gap vocabulary: the same for every conversation.
     *
     * @param schemaInRequest the answer schema goes in the request as the provider's structured-output format, which
     *                        the model is given: the system message then does not describe the answer's fields
     *                        again (a version without a schema fallback describes them either way)
     */
    public String system(Rubric rubric, GapVocabulary gaps, boolean schemaInRequest) {
        String s = render(systemTemplate, Map.of("rubric_id", rubric.id(), "rubric_version", rubric.version(),
                "resolved_at_least", fmt(rubric.resolvedAtLeast()), "unresolved_below", fmt(rubric.unresolvedBelow()),
                "gap_taxonomy", gaps.compact(), "gap_taxonomy_lines", gaps.lines(),
                "ai_fault_kinds", String.join("|", gaps.aiFaultKinds())));
        if (schemaInRequest || schemaFallback == null) return s;
        return s + render(schemaFallback, Map.of("answer_shape", answerShape()));
    }

    /** The transcript of a (redacted) conversation in this version's format, with a fresh boundary. */
    public Transcript transcript(Conversation c) {
        return Transcript.of(c, transcriptFormat);
    }

    /** The same with a given boundary: cache keys and tests. */
    public Transcript transcript(Conversation c, String boundary) {
        return Transcript.of(c, boundary, transcriptFormat);
    }

    /** The user message: the delimited transcript. */
    public String user(Transcript t) {
        return render(userTemplate, Map.of("turn_count", Integer.toString(t.turns()),
                "last_turn", Integer.toString(Math.max(0, t.turns() - 1)), "boundary", t.boundary(), "transcript", t.text()));
    }

    /** The answer schema's field outline, {@code {"a":{"b","c"},"d":[{"e"}],"f"}}: for requests without the schema. */
    public String answerShape() {
        try {
            return outline(new ObjectMapper().readTree(answerSchema));
        } catch (IOException e) {
            throw new IllegalStateException("answer schema: " + e.getMessage(), e);
        }
    }

    private static String outline(JsonNode schema) {
        StringBuilder b = new StringBuilder("{");
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (b.length() > 1) b.append(',');
            b.append('"').append(p.getKey()).append('"');
            JsonNode v = p.getValue();
            String type = v.path("type").asText();
            if (type.equals("object") && v.has("properties")) {
                b.append(':').append(outline(v));
            } else if (type.equals("array") && v.path("items").has("properties")) {
                b.append(":[").append(outline(v.get("items"))).append(']');
            }
        }
        return b.append('}').toString();
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
