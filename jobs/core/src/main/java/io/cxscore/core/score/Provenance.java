package io.cxscore.core.score;

/**
 * What produced a score, so any number can be traced and reproduced.
 *
 * @param judge offline or llm
 * @param model the judge's model: the fitted parameter set for the offline judge, the LLM's name otherwise
 * @param paramHash SHA-256 (hex, 16 chars) over the rubric file and the judge's parameters or prompt
 */
public record Provenance(String judge, String model, String rubricId, String rubricVersion, String paramHash) {}
