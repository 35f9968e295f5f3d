package io.cxscore.core.ingest;

/**
 * A record that could not be read. Nothing is dropped silently: every one of these lands in the
 * {@code quarantine} table, and every run checks {@code read = scored + quarantined}.
 *
 * @param source the file (or topic) it came from
 * @param position where in the source: "line 12", "record 5", "ticket 4411"
 * @param recordId the record's id when it could be read, else null
 * @param field the field at fault, or "record" when the whole record is unreadable
 * @param reason what is wrong, in words a support-ops person can act on
 * @param excerpt the first characters of the raw record, for finding it again
 */
public record QuarantineRecord(String source, String position, String recordId, String field, String reason, String excerpt) {
    static final int EXCERPT_CHARS = 200;

    public static String excerptOf(String raw) {
        if (raw == null) return "";
        return raw.length() <= EXCERPT_CHARS ? raw : raw.substring(0, EXCERPT_CHARS) + "…";
    }

    /** One line for a person: names the record and the field. */
    public String describe() {
        return source + " " + position + (recordId == null ? "" : " (id " + recordId + ")") + ": field '" + field + "': " + reason;
    }
}
