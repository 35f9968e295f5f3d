package io.cxscore.core.ingest;

/** A record-level problem: names the field so that the quarantine row points at the fix. */
public final class RecordException extends RuntimeException {
    private final String field;

    public RecordException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
