package io.cxscore.core.rubric;

/** A rubric file that cannot be used; the message names the file and the key. */
public final class RubricException extends RuntimeException {
    public RubricException(String message) {
        super(message);
    }

    public RubricException(String message, Throwable cause) {
        super(message, cause);
    }
}
