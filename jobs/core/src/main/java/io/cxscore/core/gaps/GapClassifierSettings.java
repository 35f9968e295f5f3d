package io.cxscore.core.gaps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code classifier.yaml}, validated: every cue list, threshold and rule confidence the classifier reads. */
final class GapClassifierSettings {
    /** The cue lists the rules name; each constant's wire name is its key under {@code cues:}. */
    enum Cue {
        AUTO_RESPONDER, CLAIM, RESOLVED_CONFIRMATION,
        NO_DOCUMENTATION, ARTICLE_REFERENCE, OUTDATED, DIDNT_HELP, CONTRADICTION,
        CAPABILITY_MISSING, FEATURE_REQUEST, BUG_ACKNOWLEDGED, BUG_REPORTED, ACCOUNT_ACCESS,
        WRONG_QUEUE, REDIRECTED_ELSEWHERE, REDIRECT_SAME_TEAM, REDIRECT_FALLBACK, ASK_HUMAN, ESCALATION, NEEDLESS_ESCALATION,
        APOLOGY, STOP_APOLOGISING, ROBOTIC_COMPLAINT, TEMPLATED, ASKS_IF_TRIED, ALREADY_TRIED, CONDESCENDING, CONDESCENSION_COMPLAINT, CASUAL, LAUGHTER, COMPLAINT, PRAISE,
        FORMAL_CUSTOMER, REGISTER_COMPLAINT,
        IDENTITY_MISMATCH, PROMISE_BEYOND_POLICY, NO_POLICY,
        TOOL_ERROR, NO_TOOL;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The rules' base confidences; each constant's wire name is its key under {@code confidence:}. */
    enum Rule {
        FAILED_ACTION, BOT_LOOP, AUTO_RESPONDER, DUPLICATE_REPLY, WRONG_PERSONALIZATION, CLAIMED_ACTION, REPHRASE_AI, PING_PONG,
        NO_DOCUMENTATION, OUTDATED_ARTICLE, ARTICLE_DIDNT_HELP, CONTRADICTORY,
        CAPABILITY_MISSING, FEATURE_REQUEST, BUG_ACKNOWLEDGED, BUG_REPORTED,
        WRONG_QUEUE, REDIRECTED_ELSEWHERE, ASK_HUMAN_IGNORED, NEEDLESS_ESCALATION,
        APOLOGY_LOOP, STOP_APOLOGISING, ROBOTIC_COMPLAINT, TEMPLATED_REPLIES, ASKED_WHAT_WAS_TRIED, CONDESCENDING, CONDESCENSION_COMPLAINT, WRONG_REGISTER,
        CASUAL_TO_FORMAL, LAUGHED_AT_COMPLAINT,
        IDENTITY_MISMATCH, UNVERIFIED_SENSITIVE_ACTION, PROMISE_BEYOND_POLICY, NO_POLICY,
        TOOL_ERROR, NO_TOOL;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }


    final String model;
    final String version;
    final double notifyConfidence, repeatOverlap, rephraseOverlap, retrievalCoverage;
    final int minContentWords, rephraseMinTurns, apologyLoopMinTurns, pingPongMinTransfers, casualMinMarkers;
    /** fitted on the labelled set's train and calibration parts; what findings carry */
    final Map<Rule, Double> confidence = new EnumMap<>(Rule.class);
    /** the expert's confidences the fit starts from, worth {@link #priorWeight} labelled firings */
    final Map<Rule, Double> priorConfidence = new EnumMap<>(Rule.class);
    final double priorWeight;
    /** how many calibration firings the train fit counts as when the calibration part corrects it */
    final double trainWeight;
    /** every cue at once, indexed by {@link Cue#ordinal()} */
    private final io.cxscore.core.text.CuePhraseSets allCues;
    final Set<String> sourcesWithoutActionLog;
    final List<String> nonFixActionPrefixes, verificationRequiredActions, verificationActions;
    final Set<String> plans;
    /** the intents of {@code topics:}, in order, and their cue lists counted in one pass */
    private final List<String> intents = new ArrayList<>();
    private final io.cxscore.core.text.CuePhraseSets intentCues;

    private GapClassifierSettings(YamlFields y) {
        model = y.text("model");
        version = y.text("version");
        notifyConfidence = y.num("thresholds.notify_confidence", 0, 1);
        repeatOverlap = y.num("thresholds.repeat_overlap", 0, 1);
        rephraseOverlap = y.num("thresholds.rephrase_overlap", 0, 1);
        if (rephraseOverlap >= repeatOverlap) throw y.fail("thresholds.rephrase_overlap", "must be below repeat_overlap");
        retrievalCoverage = y.num("thresholds.retrieval_coverage", 0, 1);
        minContentWords = (int) y.num("thresholds.min_content_words", 1, 50);
        rephraseMinTurns = (int) y.num("thresholds.rephrase_min_turns", 1, 20);
        apologyLoopMinTurns = (int) y.num("thresholds.apology_loop_min_turns", 2, 20);
        pingPongMinTransfers = (int) y.num("thresholds.ping_pong_min_transfers", 2, 20);
        casualMinMarkers = (int) y.num("thresholds.casual_min_markers", 1, 20);
        for (Rule r : Rule.values()) confidence.put(r, y.num("confidence." + r.key(), 0, 1));
        for (Rule r : Rule.values()) priorConfidence.put(r, y.num("prior_confidence." + r.key(), 0, 1));
        priorWeight = y.num("calibration.prior_weight", 0, 100);
        trainWeight = y.num("calibration.train_weight", 0, 100);
        List<List<String>> cuePhrases = new ArrayList<>();
        for (Cue c : Cue.values()) cuePhrases.add(y.strings("cues." + c.key()));
        allCues = new io.cxscore.core.text.CuePhraseSets(cuePhrases, GapTokens::tokens);
        sourcesWithoutActionLog = lower(y.strings("sources_without_action_log"));
        nonFixActionPrefixes = List.copyOf(lower(y.strings("non_fix_action_prefixes")));
        verificationRequiredActions = List.copyOf(lower(y.strings("verification_required_actions")));
        verificationActions = List.copyOf(lower(y.strings("verification_actions")));
        plans = lower(y.strings("plans"));
        JsonNode t = y.at("topics");
        if (!t.isArray() || t.isEmpty()) throw y.fail("topics", "must be a non-empty list");
        List<List<String>> intentPhrases = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            intents.add(y.text(t.get(i).get("intent"), "topics[" + i + "].intent"));
            intentPhrases.add(y.strings("topics." + i + ".cues"));
        }
        intentCues = new io.cxscore.core.text.CuePhraseSets(intentPhrases, GapTokens::tokens);
    }

    static GapClassifierSettings parse(byte[] yaml, String file) {
        YamlFields y = YamlFields.parse(yaml, file);
        if (!"gaps-offline".equals(y.text("id"))) throw y.fail("id", "must be 'gaps-offline'");
        return new GapClassifierSettings(y);
    }

    double confidence(Rule r) {
        return confidence.get(r);
    }

    /** The first intent with a cue in the tokens, else null. */
    String intent(List<String> tokens) {
        int[] counts = intentCues.count(tokens);
        for (int i = 0; i < counts.length; i++) if (counts[i] > 0) return intents.get(i);
        return null;
    }

    /** Each cue's count in the tokens (positions where one of its phrases starts), indexed by {@link Cue#ordinal()}. */
    int[] cueCounts(List<String> tokens) {
        return allCues.count(tokens);
    }

    private static Set<String> lower(List<String> in) {
        Set<String> out = new TreeSet<>();
        for (String s : in) out.add(s.toLowerCase(Locale.ROOT));
        return out;
    }
}
