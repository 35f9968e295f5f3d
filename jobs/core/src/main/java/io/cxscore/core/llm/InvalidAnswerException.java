package io.cxscore.core.llm;

/** A judge's answer that is outside the schema; the message names the field and says why. */
public final class InvalidAnswerException extends Exception {
    private final String field;

    public InvalidAnswerException(String field, String reason) {
        super(field.isEmpty() ? reason : field + ": " + reason);
        this.field = field;
    }

    /** The JSON path at fault ({@code resolution.value}, {@code gaps[1].subcategory}); empty for the whole answer. */
    public String field() {
        return field;
    }
}
