package io.cxscore.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** One record from a {@link JsonRecordSource}: parsed, or the reason its JSON could not be parsed. */
public sealed interface JsonRecord {
    /** 0-based count of records before this one in the file, unreadable ones included. */
    int ordinal();

    /** Where in the file, for people: "line 12" for JSON Lines, "record 5" otherwise. */
    String position();

    record Parsed(int ordinal, String position, JsonNode node) implements JsonRecord {}

    record Unreadable(int ordinal, String position, String reason, String excerpt) implements JsonRecord {}
}
