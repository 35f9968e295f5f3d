package io.cxscore.publish;

import java.util.regex.Pattern;

/** Quoting for the SQL the runner generates around the project's own SQL. */
final class SqlText {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private SqlText() {}

    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Model, source and test names become table names and test ids: keep them plain. */
    static boolean isPlainName(String name) {
        return NAME.matcher(name).matches();
    }

    /** DuckDB messages carry a multi-line caret diagram after a blank line; the first paragraph says it. */
    static String firstParagraph(String message) {
        if (message == null) return "(no message)";
        String trimmed = message.strip();
        int blank = trimmed.indexOf("\n\n");
        return (blank < 0 ? trimmed : trimmed.substring(0, blank)).replace('\n', ' ');
    }
}
