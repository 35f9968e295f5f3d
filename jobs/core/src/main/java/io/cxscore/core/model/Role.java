package io.cxscore.core.model;

import java.util.Locale;

/** Who wrote a message. AI agents and human agents are scored on one scale but kept apart in every mart. */
public enum Role {
    CUSTOMER,
    HUMAN_AGENT,
    AI_AGENT,
    SYSTEM;

    public boolean isAgent() {
        return this == HUMAN_AGENT || this == AI_AGENT;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON Lines spelling (customer, human_agent, ai_agent, system); null when unknown. */
    public static Role fromWire(String s) {
        if (s == null) return null;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "customer", "user", "end-user", "end_user", "contact", "lead" -> CUSTOMER;
            case "human_agent", "agent", "admin", "human" -> HUMAN_AGENT;
            case "ai_agent", "bot", "ai" -> AI_AGENT;
            case "system", "note", "action" -> SYSTEM;
            default -> null;
        };
    }
}
