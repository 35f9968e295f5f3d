package io.cxscore.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * An action or tool call an agent took (refund, password reset, order lookup...).
 *
 * @param status succeeded, failed or unknown, as the source system reported it
 * @param afterMessage index of the last message before the action, -1 when unknown
 */
public record AgentAction(String name, Instant at, String status, int afterMessage, Map<String, String> params) {
    public AgentAction {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public boolean failed() {
        return "failed".equalsIgnoreCase(status);
    }
}
