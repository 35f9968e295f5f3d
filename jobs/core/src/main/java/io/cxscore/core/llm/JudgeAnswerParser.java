package io.cxscore.core.llm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cxscore.core.rubric.Rubric;
import io.cxscore.core.score.Resolution;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an LLM judge's answer exactly as {@code answer.schema.json} defines it, and rejects anything else with the
 * field and the reason: not one JSON object, truncated JSON, a missing or extra field, a wrong type, a value out
 * of range, a turn that does not exist, a gap name the taxonomy does not have, a label its value contradicts.
 * Nothing is clamped or repaired: an answer that needs fixing is not a measurement.
 *
 * <p>One tolerance: a single Markdown code fence around the object is removed, because chat models add it as
 * formatting, not content.
 */
public final class JudgeAnswerParser {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final int MAX_RATIONALE = 2000;

    private final Rubric rubric;
    private final GapVocabulary gaps;

    public JudgeAnswerParser(Rubric rubric, GapVocabulary gaps) {
        this.rubric = rubric;
        this.gaps = gaps;
    }

    /**
     * @param turns the number of messages in the judged conversation: evidence must lie in 0..turns-1
     */
    public JudgeAnswer parse(String raw, int turns) throws InvalidAnswerException {
        if (raw == null || raw.isBlank()) throw new InvalidAnswerException("", "empty answer");
        String text = unfence(raw.strip());
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidAnswerException("", "not one complete JSON object: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new InvalidAnswerException("", "not a JSON object");
        exactly(root, "", "resolution", "sentiment", "effort", "gaps", "rationale");

        JsonNode r = object(root, "resolution");
        exactly(r, "resolution", "label", "value", "confidence", "evidence");
        String labelText = string(r, "label", "resolution.label");
        Resolution label;
        try {
            label = Resolution.fromWire(labelText);
        } catch (IllegalArgumentException e) {
            throw new InvalidAnswerException("resolution.label", "'" + labelText + "' is not one of resolved, partly_resolved, unresolved, escalated");
        }
        if (!label.wireName().equals(labelText)) {
            throw new InvalidAnswerException("resolution.label", "'" + labelText + "' is not spelled as the rubric spells it");
        }
        double value = number(r, "value", "resolution.value", -2, 2);
        if (label != Resolution.ESCALATED && rubric.resolutionLabel(value) != label) {
            throw new InvalidAnswerException("resolution.label", "'" + labelText + "' contradicts value " + value
                    + " under the rubric's boundaries (resolved >= " + rubric.resolvedAtLeast() + ", unresolved < " + rubric.unresolvedBelow() + ")");
        }
        double rConf = number(r, "confidence", "resolution.confidence", 0, 1);
        List<Integer> rEv = evidence(r, "resolution.evidence", turns, false);

        JsonNode s = object(root, "sentiment");
        exactly(s, "sentiment", "start", "end", "shift", "confidence", "evidence");
        double start = number(s, "start", "sentiment.start", -1, 1);
        double end = number(s, "end", "sentiment.end", -1, 1);
        int shift = integer(s, "shift", "sentiment.shift", -2, 2);
        double sConf = number(s, "confidence", "sentiment.confidence", 0, 1);
        List<Integer> sEv = evidence(s, "sentiment.evidence", turns, false);

        JsonNode e = object(root, "effort");
        exactly(e, "effort", "score", "confidence", "evidence");
        int effort = integer(e, "score", "effort.score", 1, 5);
        double eConf = number(e, "confidence", "effort.confidence", 0, 1);
        List<Integer> eEv = evidence(e, "effort.evidence", turns, false);

        JsonNode g = root.get("gaps");
        if (!g.isArray()) throw new InvalidAnswerException("gaps", "not an array");
        List<JudgeAnswer.Gap> found = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            String at = "gaps[" + i + "]";
            JsonNode gi = g.get(i);
            if (!gi.isObject()) throw new InvalidAnswerException(at, "not an object");
            exactly(gi, at, "category", "subcategory", "confidence", "evidence", "ai_fault");
            String cat = string(gi, "category", at + ".category");
            String sub = string(gi, "subcategory", at + ".subcategory");
            Set<String> subs = gaps.subcategories().get(cat);
            if (subs == null) throw new InvalidAnswerException(at + ".category", "'" + cat + "' is not in the gap taxonomy v" + gaps.version());
            if (!subs.contains(sub)) throw new InvalidAnswerException(at + ".subcategory", "'" + sub + "' is not a subcategory of " + cat);
            double conf = number(gi, "confidence", at + ".confidence", 0, 1);
            List<Integer> ev = evidence(gi, at + ".evidence", turns, true);
            JsonNode f = gi.get("ai_fault");
            String fault = null;
            if (!f.isNull()) {
                fault = string(gi, "ai_fault", at + ".ai_fault");
                if (!gaps.aiFaultKinds().contains(fault)) {
                    throw new InvalidAnswerException(at + ".ai_fault", "'" + fault + "' is not one of " + gaps.aiFaultKinds() + " or null");
                }
            }
            found.add(new JudgeAnswer.Gap(cat, sub, conf, ev, fault));
        }
        String rationale = string(root, "rationale", "rationale");
        if (rationale.length() > MAX_RATIONALE) throw new InvalidAnswerException("rationale", "longer than " + MAX_RATIONALE + " characters");
        return new JudgeAnswer(label, value, rConf, rEv, start, end, shift, sConf, sEv, effort, eConf, eEv, found, rationale);
    }

    private static String unfence(String s) {
        if (!s.startsWith("```")) return s;
        int nl = s.indexOf('\n');
        if (nl < 0 || !s.endsWith("```") || s.length() < nl + 4) return s;
        return s.substring(nl + 1, s.length() - 3).strip();
    }

    private static void exactly(JsonNode node, String at, String... fields) throws InvalidAnswerException {
        Set<String> expected = new LinkedHashSet<>(List.of(fields));
        Set<String> extra = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!expected.contains(f)) extra.add(f);
        }
        if (!extra.isEmpty()) throw new InvalidAnswerException(at, "unexpected field(s) " + extra + "; the schema allows " + expected);
        for (String f : fields) {
            if (!node.has(f)) throw new InvalidAnswerException(at.isEmpty() ? f : at + "." + f, "missing");
        }
    }

    private static JsonNode object(JsonNode parent, String field) throws InvalidAnswerException {
        JsonNode n = parent.get(field);
        if (!n.isObject()) throw new InvalidAnswerException(field, "not an object");
        return n;
    }

    private static String string(JsonNode parent, String field, String at) throws InvalidAnswerException {
        JsonNode n = parent.get(field);
        if (!n.isTextual()) throw new InvalidAnswerException(at, "not a string");
        return n.asText();
    }

    private static double number(JsonNode parent, String field, String at, double lo, double hi) throws InvalidAnswerException {
        JsonNode n = parent.get(field);
        if (!n.isNumber()) throw new InvalidAnswerException(at, "not a number");
        double v = n.asDouble();
        if (!(v >= lo && v <= hi)) throw new InvalidAnswerException(at, v + " is outside " + fmt(lo) + ".." + fmt(hi));
        return v;
    }

    private static int integer(JsonNode parent, String field, String at, int lo, int hi) throws InvalidAnswerException {
        JsonNode n = parent.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw new InvalidAnswerException(at, "not an integer");
        int v = n.asInt();
        if (v < lo || v > hi) throw new InvalidAnswerException(at, v + " is outside " + lo + ".." + hi);
        return v;
    }

    private static List<Integer> evidence(JsonNode parent, String at, int turns, boolean nonEmpty) throws InvalidAnswerException {
        JsonNode n = parent.get("evidence");
        if (!n.isArray()) throw new InvalidAnswerException(at, "not an array");
        if (nonEmpty && n.isEmpty()) throw new InvalidAnswerException(at, "empty; a finding must cite the turns that show it");
        TreeSet<Integer> out = new TreeSet<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode t = n.get(i);
            if (!t.isIntegralNumber() || !t.canConvertToInt()) throw new InvalidAnswerException(at + "[" + i + "]", "not an integer turn index");
            int v = t.asInt();
            if (v < 0 || v >= turns) {
                throw new InvalidAnswerException(at + "[" + i + "]", "turn " + v + " does not exist; the conversation has turns 0.." + (turns - 1));
            }
            out.add(v);
        }
        return new ArrayList<>(out);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
