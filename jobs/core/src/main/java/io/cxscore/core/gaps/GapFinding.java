package io.cxscore.core.gaps;

import java.util.List;

/**
 * One failure instance found in one conversation, in the terms of {@code rubrics/gaps/<v>/taxonomy.yaml}.
 *
 * @param category knowledge, product, routing, tone, policy or tool
 * @param subcategory one of the category's subcategories in the taxonomy
 * @param evidence message indices that show the failure
 * @param aiFault for AI-agent turns with retrieval context: bad_retrieval or bad_reasoning; else null
 * @param foundBy the detector or judge that found it (e.g. "detector:bot_loop", "offline", "llm")
 * @param subject what the failure is about, for grouping instances into gaps (e.g. the missing article's topic); may be null
 * @param rationale one sentence a person can read
 */
public record GapFinding(String category, String subcategory, double confidence, List<Integer> evidence,
                         String aiFault, String foundBy, String subject, String rationale) {
    public GapFinding {
        evidence = List.copyOf(evidence);
    }
}
