package io.cxscore.publish;

/**
 * One data test: a query returning the rows that break an expectation (none means it passes).
 *
 * @param name unique in the project, e.g. {@code unique_stg_scores_conversation_id__rubric_version}
 * @param model the model it checks (for a singular test, the first model it refs)
 * @param severity {@link Severity#ERROR} fails the build; {@link Severity#WARN} is only reported
 * @param sql the rendered query (model names, no template blocks)
 */
public record DataTest(String name, String model, Severity severity, String sql) {
    public enum Severity { ERROR, WARN }
}
