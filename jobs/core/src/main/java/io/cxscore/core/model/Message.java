package io.cxscore.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation, in conversation order. {@code index} is the 0-based position in
 * {@link Conversation#messages()}, and evidence everywhere refers to it.
 *
 * @param at null when the source has no per-message time (some public datasets)
 * @param isPublic false for internal notes: they count for effort and actions, never for sentiment
 * @param retrieved for an AI agent's message, the passages its retrieval step returned before it wrote the
 *     message; null when the record carries no retrieval context, empty when retrieval returned nothing
 */
public record Message(int index, Role role, String author, String text, Instant at, boolean isPublic, List<String> retrieved) {
    public Message {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
        retrieved = retrieved == null ? null : List.copyOf(retrieved);
    }

    /** A message without retrieval context: every human message, and AI messages from sources that do not record it. */
    public Message(int index, Role role, String author, String text, Instant at, boolean isPublic) {
        this(index, role, author, text, at, isPublic, null);
    }
}
