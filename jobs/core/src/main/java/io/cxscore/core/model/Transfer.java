package io.cxscore.core.model;

import java.time.Instant;

/**
 * A handoff between queues or from an AI agent to a human.
 *
 * @param afterMessage index of the last message before the transfer, -1 when unknown
 */
public record Transfer(Instant at, String fromQueue, String toQueue, String reason, int afterMessage) {}
