package io.cxscore.cli;

import io.cxscore.core.redact.PiiRedactor;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The redaction every text gets before it is written outside the Parquet warehouse (marts, feeds, eval cases). */
final class TextRedactors {
    private static final PiiRedactor PII = PiiRedactor.standard();
    private static final Pattern PLACEHOLDER_OR_DIGIT = Pattern.compile("\\[[A-Z]+_\\d+]|\\d");

    /**
     * Pattern PII to placeholders ([EMAIL_1], [CARD_1]...), then every digit left outside a placeholder
     * masked: amounts and ids a detector did not recognise must not leak either. Names need the
     * conversation around them (who the customer is), which a single text does not carry.
     */
    static final UnaryOperator<String> STANDARD = text -> {
        if (text == null) return null;
        Matcher m = PLACEHOLDER_OR_DIGIT.matcher(PII.redactText(text));
        return m.replaceAll(r -> r.group().length() == 1 ? "#" : Matcher.quoteReplacement(r.group()));
    };

    private TextRedactors() {}
}
