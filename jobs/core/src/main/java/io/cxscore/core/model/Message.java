package io.cxscore.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation, in conversation order. {@code index} is the 0-based position in
 * {@link Conversation#messages()}, and evidence everywhere refers to it.
 *
 * @param at null when the source has no per-message time (some public datasets)
 * @param isPublic false for internal notes: they count for effort and actions, never for sentiment
 */
public record Message(int index, Role role, String author, String text, Instant at, boolean isPublic) {
    public Message {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
    }
}
