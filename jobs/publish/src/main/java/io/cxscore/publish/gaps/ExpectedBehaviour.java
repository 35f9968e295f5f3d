package io.cxscore.publish.gaps;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a good agent would have done instead, per taxonomy v1 subcategory: the "expected" half of an
 * eval case. Stated as behaviour an eval can check, not as a fix for the owner (that is the gap feed).
 */
final class ExpectedBehaviour {
    private static final Map<String, String> BY_SUBCATEGORY = Map.ofEntries(
            Map.entry("knowledge/missing_article", "Say plainly that no documented answer exists, do not improvise steps, and hand the case to a human or open a knowledge request."),
            Map.entry("knowledge/outdated_article", "Answer from the current source, and when the customer reports the documented steps no longer work, stop repeating them and escalate."),
            Map.entry("knowledge/contradictory_articles", "Notice the sources disagree, say so, and resolve it from the authoritative source or escalate instead of picking one."),
            Map.entry("product/missing_capability", "State clearly that the product cannot do this, offer the documented workaround if there is one, and record the request."),
            Map.entry("product/bug", "Acknowledge the malfunction, collect the details a bug report needs, and route it to the product team instead of blaming the customer's setup."),
            Map.entry("routing/wrong_queue", "Route the case to the queue that handles its topic on the first transfer."),
            Map.entry("routing/missed_escalation", "Hand the case to a human (or the specialist team) once it is beyond what the agent can resolve, and tell the customer."),
            Map.entry("routing/needless_escalation", "Resolve the request directly: it was within what the agent can do, so no hand-off was needed."),
            Map.entry("routing/bot_loop", "Never send the same automated reply twice; after one failed attempt, change approach or hand over to a human."),
            Map.entry("routing/ping_pong", "Keep ownership after one transfer; never transfer a case back to a queue it came from."),
            Map.entry("tone/apology_loop", "Apologise once, then act on the request."),
            Map.entry("tone/robotic", "Answer what the customer actually said, in their terms, rather than a canned template."),
            Map.entry("tone/condescending", "Explain without talking down to the customer."),
            Map.entry("tone/wrong_register", "Match the register expected for the customer's cohort."),
            Map.entry("policy/rule_broken", "Follow policy: verify identity and eligibility before acting, and promise nothing policy does not allow."),
            Map.entry("policy/no_rule", "Where no policy covers the case, do not improvise a commitment; escalate for a decision."),
            Map.entry("tool/action_failed", "Notice the failed action, tell the customer it did not go through, and retry or escalate."),
            Map.entry("tool/action_missing", "Say the step cannot be done here and hand the case to someone who can do it."),
            Map.entry("tool/action_claimed_not_taken", "Only say an action was done after it was actually performed and confirmed."));

    private ExpectedBehaviour() {}

    /** The expected behaviour, anchored to the evidence turns when the finding names them. */
    static String of(String category, String subcategory, List<Integer> evidence) {
        String behaviour = BY_SUBCATEGORY.getOrDefault(category + "/" + subcategory,
                "Avoid the " + category + " failure '" + subcategory.replace('_', ' ') + "' described in what_went_wrong.");
        if (evidence.isEmpty()) return behaviour;
        String turns = evidence.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
        return (evidence.size() == 1 ? "At message " : "At messages ") + turns + ": " + behaviour;
    }
}
