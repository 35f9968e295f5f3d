package io.cxscore.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small dbt-like templating the project uses: {@code {{ source('name') }}} and
 * {@code {{ ref('model') }}}, nothing else. Any other {@code {{ ... }}} is an error rather than
 * text passed to DuckDB, so a typo cannot silently become SQL.
 */
final class SqlTemplate {
    private static final Pattern BLOCK = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern CALL = Pattern.compile("\\s*(source|ref)\\(\\s*'([^']+)'\\s*\\)\\s*");

    /** A {@code source('x')} or {@code ref('x')} call found in a template. */
    record Call(String function, String name) {
        boolean isRef() {
            return "ref".equals(function);
        }
    }

    private final String origin;
    private final String text;

    SqlTemplate(String origin, String text) {
        this.origin = origin;
        this.text = text;
        calls();
    }

    List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) calls.add(parse(m.group(1)));
        return calls;
    }

    String render(Function<Call, String> expansion) {
        Matcher m = BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(expansion.apply(parse(m.group(1)))));
        m.appendTail(out);
        return out.toString();
    }

    private Call parse(String block) {
        Matcher call = CALL.matcher(block);
        if (!call.matches()) {
            throw new WarehouseProjectException(origin + ": unsupported template block {{" + block
                    + "}}; only {{ source('name') }} and {{ ref('model') }} are understood");
        }
        return new Call(call.group(1), call.group(2));
    }
}
