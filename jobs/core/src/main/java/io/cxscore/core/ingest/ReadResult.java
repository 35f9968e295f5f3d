package io.cxscore.core.ingest;

import io.cxscore.core.model.Conversation;

/** What a reader yields per record: a conversation, or the reason it could not be read. */
public sealed interface ReadResult {
    record Read(Conversation conversation) implements ReadResult {}

    record Rejected(QuarantineRecord quarantine) implements ReadResult {}
}
