package io.cxscore.core.demo;

import java.util.Locale;

/**
 * What happens in a demo conversation: a happy path, or one failure of one of the six gap kinds.
 * Written into each record as {@code metadata.demo_scenario} / {@code metadata.demo_gap}: ground truth
 * for evaluating judges, which must never read it.
 */
public enum Scenario {
    AI_RESOLVES(Gap.NONE, 175),
    HUMAN_RESOLVES(Gap.NONE, 140),
    AI_HANDOFF_HUMAN_RESOLVES(Gap.NONE, 105),
    CORRECT_ESCALATION(Gap.NONE, 60),

    KNOWLEDGE_MISSING_ARTICLE(Gap.KNOWLEDGE, 22),
    KNOWLEDGE_OUTDATED_ARTICLE(Gap.KNOWLEDGE, 28),
    KNOWLEDGE_CONTRADICTORY_ARTICLES(Gap.KNOWLEDGE, 14),

    PRODUCT_MISSING_CAPABILITY(Gap.PRODUCT, 35),
    PRODUCT_BUG(Gap.PRODUCT, 35),

    ROUTING_WRONG_QUEUE(Gap.ROUTING, 30),
    ROUTING_PING_PONG(Gap.ROUTING, 15),
    ROUTING_MISSED_ESCALATION(Gap.ROUTING, 25),
    ROUTING_NEEDLESS_ESCALATION(Gap.ROUTING, 18),
    ROUTING_BOT_LOOP(Gap.ROUTING, 18),

    TONE_APOLOGY_LOOP(Gap.TONE, 20),
    TONE_ROBOTIC(Gap.TONE, 20),
    TONE_CONDESCENDING(Gap.TONE, 12),
    TONE_WRONG_REGISTER(Gap.TONE, 10),

    POLICY_REFUND_WITHOUT_VERIFICATION(Gap.POLICY, 12),
    POLICY_BROKEN_PROMISE(Gap.POLICY, 15),
    POLICY_NO_RULE(Gap.POLICY, 15),

    TOOL_ACTION_FAILED(Gap.TOOL, 25),
    TOOL_ACTION_MISSING(Gap.TOOL, 18),
    TOOL_CLAIMED_NOT_TAKEN(Gap.TOOL, 15);

    /** The owner a failure belongs to; NONE for the happy paths. */
    public enum Gap {
        NONE, KNOWLEDGE, PRODUCT, ROUTING, TONE, POLICY, TOOL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Gap gap;
    private final int baseWeight;

    Scenario(Gap gap, int baseWeight) {
        this.gap = gap;
        this.baseWeight = baseWeight;
    }

    public Gap gap() {
        return gap;
    }

    /** Relative frequency on an ordinary day, per mille of all conversations (before the story adjusts it). */
    int baseWeight() {
        return baseWeight;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
