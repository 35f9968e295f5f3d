package io.cxscore.core.demo;

/**
 * A line written broken on purpose.
 *
 * @param file the file name, e.g. conversations-2026-10-05.jsonl
 * @param lineNumber 1-based line in that file
 * @param expectedField the field the reader must name when it rejects the line ("record" for invalid JSON)
 */
public record MalformedLine(String file, int lineNumber, MalformedKind kind, String expectedField) {}
