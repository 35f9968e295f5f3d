package io.cxscore.core.gaps;

import io.cxscore.core.gaps.GapClassifierSettings.Cue;
import io.cxscore.core.gaps.GapClassifierSettings.Rule;
import io.cxscore.core.model.AgentAction;
import io.cxscore.core.model.Conversation;
import io.cxscore.core.model.Message;
import io.cxscore.core.model.Transfer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline gap classifier: the deterministic {@link AuditDetectors} plus lexical and structural cue
 * rules for every subcategory of the taxonomy. No network, no model; thread-safe, holds no per-call state.
 * Like every judge, it never reads conversation metadata (labels and demo ground truth live there).
 *
 * <p>The rules are code, their cue lists, thresholds and confidences are data ({@code classifier.yaml}).
 * A finding at or above {@link #notifyConfidence()} is a detected gap; one below is kept for review.
 */
public final class GapClassifier {
    public static final String FOUND_BY = "offline";

    private final GapClassifierSettings settings;
    private final GapTaxonomy taxonomy;
    private final String paramHash;

    private GapClassifier(GapClassifierSettings settings, GapTaxonomy taxonomy, String paramHash) {
        this.settings = settings;
        this.taxonomy = taxonomy;
        this.paramHash = paramHash;
    }

    public static GapClassifier from(GapsBundle bundle) {
        GapTaxonomy taxonomy = bundle.taxonomy();
        GapClassifierSettings settings = GapClassifierSettings.parse(bundle.classifierYaml(), bundle.origin() + "/" + GapsBundle.CLASSIFIER);
        return new GapClassifier(settings, taxonomy, bundle.paramHash());
    }

    public static GapClassifier defaults() {
        return from(GapsBundle.defaults());
    }

    public String model() {
        return settings.model;
    }

    public String taxonomyVersion() {
        return taxonomy.version();
    }

    /** SHA-256 (16 hex chars) over the taxonomy and the classifier's cues and thresholds. */
    public String paramHash() {
        return paramHash;
    }

    public double notifyConfidence() {
        return settings.notifyConfidence;
    }

    public GapTaxonomy taxonomy() {
        return taxonomy;
    }

    /** Every finding, detectors' and rules', one per (category, subcategory, found_by), in a fixed order. */
    public List<GapFinding> classify(Conversation c) {
        List<GapFinding> found = new ArrayList<>();
        for (FindingSet.Traced t : traced(c)) found.add(t.finding());
        return found;
    }

    /** A finding and the keys of every rule that made it. */
    public record TracedFinding(GapFinding finding, List<String> rules) {}

    /**
     * {@link #classify}'s findings with the rules behind each: what {@code classifier.yaml}'s confidences are
     * fitted on, and what a reviewer reads against the labels.
     */
    public List<TracedFinding> trace(Conversation c) {
        List<TracedFinding> out = new ArrayList<>();
        for (FindingSet.Traced t : traced(c)) out.add(new TracedFinding(t.finding(), t.rules().stream().map(Rule::key).toList()));
        return out;
    }

    private List<FindingSet.Traced> traced(Conversation c) {
        ConversationCues cues = new ConversationCues(c, settings);
        FindingSet out = new FindingSet(settings);
        String subject = intent(c);
        AuditDetectors.run(cues, out, subject);
        knowledge(cues, out, subject);
        product(cues, out, subject);
        routing(cues, out, subject);
        tone(cues, out, subject);
        policy(cues, out, subject);
        tool(cues, out, subject);
        List<FindingSet.Traced> found = new ArrayList<>();
        for (FindingSet.Traced t : out.sorted()) {
            GapFinding f = t.finding();
            if (!taxonomy.contains(f.category(), f.subcategory())) {
                throw new IllegalStateException("rule emitted " + f.category() + "/" + f.subcategory() + ", not in taxonomy v" + taxonomy.version());
            }
            found.add(new FindingSet.Traced(RetrievalFault.annotate(f, c, settings), t.rules()));
        }
        return found;
    }

    /** Each rule's confidence as the classifier uses it (fitted on the labelled set's train and calibration parts), by rule key. */
    public Map<String, Double> ruleConfidences() {
        return byKey(settings.confidence);
    }

    /** Each rule's prior confidence: the expert's guess the fit starts from, by rule key. */
    public Map<String, Double> priorConfidences() {
        return byKey(settings.priorConfidence);
    }

    /** How many labelled firings the prior counts as in the fit. */
    public double priorWeight() {
        return settings.priorWeight;
    }

    /** How many calibration firings the train fit counts as when the calibration part corrects it. */
    public double trainWeight() {
        return settings.trainWeight;
    }

    private static Map<String, Double> byKey(Map<Rule, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((r, v) -> out.put(r.key(), v));
        return out;
    }

    /** Findings at or above the notify confidence: the gaps that reach an owner. */
    public List<GapFinding> detected(List<GapFinding> findings) {
        return findings.stream().filter(this::notifies).toList();
    }

    /** Whether the finding reaches its owner: its confidence is at or above the notify confidence. */
    public boolean notifies(GapFinding f) {
        return f.confidence() >= settings.notifyConfidence;
    }

    /**
     * A short, deterministic topic for grouping: {@code <team | queue | brand | general>/<intent>}, lowercased,
     * where the intent is the first intent of {@code classifier.yaml} whose cue appears in the customer's
     * first two public messages, else {@code other}.
     */
    public String topic(Conversation c) {
        String where = firstNonBlank(c.team(), c.queue(), c.brand(), "general").toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", "-");
        return where + "/" + intent(c);
    }

    /** Read from the customer's first two public turns only, so finding the topic needs no other turn's cues. */
    private String intent(Conversation c) {
        List<String> first = new ArrayList<>();
        int customerTurns = 0;
        for (Message m : c.messages()) {
            if (!ConversationCues.isCustomerTurn(m)) continue;
            first.addAll(GapTokens.tokens(m.text()));
            if (++customerTurns == 2) break;
        }
        return intent(first);
    }

    private String intent(List<String> first) {
        String intent = settings.intent(first);
        return intent == null ? "other" : intent;
    }

    private static String firstNonBlank(String... s) {
        for (String v : s) if (v != null && !v.isBlank()) return v;
        return "";
    }

    // ------------------------------------------------------------------ knowledge

    private void knowledge(ConversationCues c, FindingSet out, String subject) {
        TurnCues lastArticle = null;
        for (TurnCues t : c.turns) {
            if (t.isAgent()) {
                if (t.has(Cue.NO_DOCUMENTATION)) {
                    out.add("knowledge", "missing_article", Rule.NO_DOCUMENTATION, List.of(t.index), FOUND_BY, subject,
                            "The agent found no documentation covering the question.");
                }
                if (t.has(Cue.ARTICLE_REFERENCE)) lastArticle = t;
            } else if (lastArticle != null) {
                if (t.has(Cue.OUTDATED)) {
                    out.add("knowledge", "outdated_article", Rule.OUTDATED_ARTICLE, List.of(lastArticle.index, t.index), FOUND_BY,
                            subject, "The customer says the documented steps no longer match the product.");
                } else if (t.has(Cue.DIDNT_HELP)) {
                    out.add("knowledge", "missing_article", Rule.ARTICLE_DIDNT_HELP, List.of(lastArticle.index, t.index), FOUND_BY,
                            subject, "The customer says the documentation the agent pointed to did not help.");
                }
            }
            if (t.has(Cue.CONTRADICTION)) {
                out.add("knowledge", "contradictory_articles", Rule.CONTRADICTORY, List.of(t.index), FOUND_BY, subject,
                        "Two sources of information disagree.");
            }
        }
    }

    // ------------------------------------------------------------------ product

    private void product(ConversationCues c, FindingSet out, String subject) {
        for (TurnCues t : c.agentTurns) {
            if (t.has(Cue.FEATURE_REQUEST)) {
                out.add("product", "missing_capability", Rule.FEATURE_REQUEST, List.of(t.index), FOUND_BY, subject,
                        "The agent logged the customer's need as a feature request.");
            } else if (t.has(Cue.CAPABILITY_MISSING) && !t.has(Cue.NO_TOOL)) {
                out.add("product", "missing_capability", Rule.CAPABILITY_MISSING, List.of(t.index), FOUND_BY, subject,
                        "The agent said the product cannot do what the customer needs.");
            }
            if (t.has(Cue.BUG_ACKNOWLEDGED) && !t.has(Cue.TOOL_ERROR)) {
                out.add("product", "bug", Rule.BUG_ACKNOWLEDGED, List.of(t.index), FOUND_BY, subject,
                        "The agent acknowledged a defect or outage in the product.");
            }
        }
        // a malfunction the agent then fixed with a routine action is a support request; one left unfixed is a defect
        if (fixed(c)) return;
        // login, password and recovery trouble is not a defect unless the agent acknowledges one (guideline v2)
        if (!c.customerTurns.isEmpty() && c.customerTurns.get(0).has(Cue.ACCOUNT_ACCESS)) return;
        for (TurnCues t : c.customerTurns) {
            if (t.has(Cue.BUG_REPORTED)) {
                out.add("product", "bug", Rule.BUG_REPORTED, List.of(t.index), FOUND_BY, subject,
                        "The customer reports the product misbehaving, and nothing fixed it.");
            }
        }
    }

    /** An action that changed something, an agent saying it did, or the customer saying it works now. */
    private static boolean fixed(ConversationCues c) {
        for (AgentAction a : c.conversation.actions()) if (c.isEffecting(a)) return true;
        for (TurnCues t : c.agentTurns) if (t.has(Cue.CLAIM)) return true;
        for (TurnCues t : c.customerTurns) if (t.has(Cue.RESOLVED_CONFIRMATION)) return true;
        return false;
    }

    // ------------------------------------------------------------------ routing

    private void routing(ConversationCues c, FindingSet out, String subject) {
        boolean transferred = !c.conversation.transfers().isEmpty();
        for (TurnCues t : c.turns) {
            if (t.has(Cue.WRONG_QUEUE) && (t.isAgent() || transferred)) {
                out.add("routing", "wrong_queue", Rule.WRONG_QUEUE, List.of(t.index), FOUND_BY, subject,
                        "The conversation reached a team that could not handle it.");
            }
            if (t.isAgent() && t.has(Cue.REDIRECTED_ELSEWHERE) && !t.has(Cue.REDIRECT_SAME_TEAM) && !t.has(Cue.REDIRECT_FALLBACK)
                    && !t.has(Cue.NO_TOOL)) {
                out.add("routing", "wrong_queue", Rule.REDIRECTED_ELSEWHERE, List.of(t.index), FOUND_BY, subject,
                        "The agent sent the customer to another team or channel.");
            }
            if (t.isCustomer() && t.has(Cue.ASK_HUMAN) && !handedOverAfter(c, t.index) && c.nextAgentTurn(t.index) != null) {
                out.add("routing", "missed_escalation", Rule.ASK_HUMAN_IGNORED, List.of(t.index), FOUND_BY, subject,
                        "The customer asked for a person and was not handed over.");
            }
            if (t.has(Cue.NEEDLESS_ESCALATION) && (transferred || anyAgent(c, Cue.ESCALATION))) {
                out.add("routing", "needless_escalation", Rule.NEEDLESS_ESCALATION, List.of(t.index), FOUND_BY, subject,
                        "The case was escalated although it was a standard request.");
            }
        }
    }

    /**
     * An agent asking whether the customer tried something after the customer said they had tried or done it: a
     * template answering the first line of a message, not the message.
     */
    private static void askedWhatWasTried(ConversationCues c, FindingSet out, String subject) {
        TurnCues tried = null;
        for (TurnCues t : c.turns) {
            if (t.isCustomer() && tried == null && t.has(Cue.ALREADY_TRIED)) tried = t;
            if (t.isAgent() && tried != null && t.has(Cue.ASKS_IF_TRIED)) {
                out.add("tone", "robotic", Rule.ASKED_WHAT_WAS_TRIED, List.of(tried.index, t.index), FOUND_BY, subject,
                        "The agent asked whether the customer had tried what they had just said they tried.");
                return;
            }
        }
    }

    /** Laughter or emoji in the reply to a customer's complaint: the register is wrong whatever the customer's own (guideline v2). */
    private static void laughedAtComplaint(ConversationCues c, FindingSet out, String subject) {
        TurnCues last = null;
        for (TurnCues t : c.turns) {
            if (t.isCustomer()) {
                last = t;
            } else if (last != null && last.has(Cue.COMPLAINT) && !last.has(Cue.PRAISE) && (t.has(Cue.LAUGHTER) || t.emoji > 0)) {
                out.add("tone", "wrong_register", Rule.LAUGHED_AT_COMPLAINT, List.of(last.index, t.index), FOUND_BY, subject,
                        "The agent answered a complaint with laughter or emoji.");
                return;
            }
        }
    }

    private static boolean handedOverAfter(ConversationCues c, int index) {
        for (Transfer tr : c.conversation.transfers()) if (tr.afterMessage() >= index) return true;
        for (TurnCues t : c.agentTurns) if (t.index > index && t.has(Cue.ESCALATION)) return true;
        return false;
    }

    private static boolean anyAgent(ConversationCues c, Cue cue) {
        for (TurnCues t : c.agentTurns) if (t.has(cue)) return true;
        return false;
    }

    // ------------------------------------------------------------------ tone

    private void tone(ConversationCues c, FindingSet out, String subject) {
        List<Integer> apologising = new ArrayList<>();
        // a reply repeated word for word is a bot loop, not an apology loop: count distinct apologising replies
        java.util.Set<List<String>> apologies = new java.util.HashSet<>();
        List<Integer> templated = new ArrayList<>();
        List<Integer> casual = new ArrayList<>();
        int casualMarkers = 0;
        for (TurnCues t : c.agentTurns) {
            if (t.has(Cue.APOLOGY) && apologies.add(t.tokens)) apologising.add(t.index);
            if (t.has(Cue.TEMPLATED)) templated.add(t.index);
            int markers = t.count(Cue.CASUAL) + t.emoji;
            if (markers > 0) casual.add(t.index);
            casualMarkers += markers;
            if (t.has(Cue.CONDESCENDING)) {
                out.add("tone", "condescending", Rule.CONDESCENDING, List.of(t.index), FOUND_BY, subject,
                        "The agent talked down to the customer.");
            }
        }
        if (apologising.size() >= settings.apologyLoopMinTurns) {
            out.add("tone", "apology_loop", Rule.APOLOGY_LOOP, apologising, FOUND_BY, subject,
                    "The agent apologised in " + apologising.size() + " replies.");
        }
        if (templated.size() >= 2) {
            out.add("tone", "robotic", Rule.TEMPLATED_REPLIES, templated, FOUND_BY, subject,
                    "The agent answered in stock phrases.");
        }
        askedWhatWasTried(c, out, subject);
        laughedAtComplaint(c, out, subject);
        boolean formal = false, complained = false;
        List<Integer> formalTurns = new ArrayList<>();
        for (TurnCues t : c.customerTurns) {
            if (t.has(Cue.STOP_APOLOGISING)) {
                out.add("tone", "apology_loop", Rule.STOP_APOLOGISING, List.of(t.index), FOUND_BY, subject,
                        "The customer asked the agent to stop apologising and act.");
            }
            if (t.has(Cue.ROBOTIC_COMPLAINT)) {
                out.add("tone", "robotic", Rule.ROBOTIC_COMPLAINT, List.of(t.index), FOUND_BY, subject,
                        "The customer says the replies are canned or ignore what they said.");
            }
            if (t.has(Cue.CONDESCENSION_COMPLAINT)) {
                out.add("tone", "condescending", Rule.CONDESCENSION_COMPLAINT, List.of(t.index), FOUND_BY, subject,
                        "The customer objects to being talked down to.");
            }
            if (t.has(Cue.REGISTER_COMPLAINT)) {
                complained = true;
                formalTurns.add(t.index);
            } else if (t.has(Cue.FORMAL_CUSTOMER)) {
                formal = true;
                formalTurns.add(t.index);
            }
        }
        if (casualMarkers >= settings.casualMinMarkers && (complained || formal)) {
            List<Integer> evidence = new ArrayList<>(casual);
            evidence.addAll(formalTurns);
            out.add("tone", "wrong_register", complained ? Rule.WRONG_REGISTER : Rule.CASUAL_TO_FORMAL, evidence,
                    FOUND_BY, subject, "The agent wrote casually to a customer writing formally.");
        }
    }

    // ------------------------------------------------------------------ policy

    private void policy(ConversationCues c, FindingSet out, String subject) {
        if (c.logsActions) {
            for (TurnCues t : c.customerTurns) {
                if (!t.has(Cue.IDENTITY_MISMATCH)) continue;
                for (AgentAction a : c.conversation.actions()) {
                    if (c.isEffecting(a) && a.afterMessage() >= t.index && !verifiedBy(c, t.index, a.afterMessage())) {
                        out.add("policy", "rule_broken", Rule.IDENTITY_MISMATCH, List.of(t.index, Math.min(a.afterMessage() + 1,
                                c.conversation.messages().size() - 1)), FOUND_BY, a.name(),
                                "The agent acted on the account for someone not verified as its holder (" + a.name() + ").");
                        break;
                    }
                }
            }
            for (AgentAction a : c.conversation.actions()) {
                if (c.isEffecting(a) && c.requiresVerification(a) && !c.verifiedBy(a.afterMessage())) {
                    out.add("policy", "rule_broken", Rule.UNVERIFIED_SENSITIVE_ACTION, List.of(Math.max(0, a.afterMessage())),
                            FOUND_BY, a.name(), "The action " + a.name() + " ran with no identity verification before it.");
                }
            }
        }
        for (TurnCues t : c.agentTurns) {
            if (t.has(Cue.PROMISE_BEYOND_POLICY)) {
                out.add("policy", "rule_broken", Rule.PROMISE_BEYOND_POLICY, List.of(t.index), FOUND_BY, subject,
                        "The agent promised more than policy allows.");
            }
            if (t.has(Cue.NO_POLICY)) {
                out.add("policy", "no_rule", Rule.NO_POLICY, List.of(t.index), FOUND_BY, subject,
                        "No policy covered the case, so the agent improvised.");
            }
        }
    }

    /** A verification logged between the two message indices. */
    private static boolean verifiedBy(ConversationCues c, int from, int to) {
        for (AgentAction a : c.conversation.actions()) {
            if (c.isVerification(a) && a.afterMessage() >= from && a.afterMessage() <= to) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ tool

    private void tool(ConversationCues c, FindingSet out, String subject) {
        for (TurnCues t : c.agentTurns) {
            if (t.has(Cue.TOOL_ERROR)) {
                out.add("tool", "action_failed", Rule.TOOL_ERROR, List.of(t.index), FOUND_BY, subject,
                        "The agent reports that their system failed.");
            }
            if (t.has(Cue.NO_TOOL)) {
                out.add("tool", "action_missing", Rule.NO_TOOL, List.of(t.index), FOUND_BY, subject,
                        "The agent has no tool for a step the case needs.");
            }
        }
    }

    /** True when any evidence turn of the finding was written by an AI agent. */
    public static boolean inAiTurn(GapFinding f, Conversation c) {
        for (int i : f.evidence()) {
            if (i < c.messages().size()) {
                Message m = c.messages().get(i);
                if (m.role() == io.cxscore.core.model.Role.AI_AGENT) return true;
            }
        }
        return false;
    }
}
