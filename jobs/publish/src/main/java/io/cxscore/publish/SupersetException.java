package io.cxscore.publish;

/** Superset refused a step, or could not be reached; the message says which step and why. */
public final class SupersetException extends RuntimeException {
    private final int httpStatus;

    SupersetException(String message) {
        this(message, 0);
    }

    SupersetException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    SupersetException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
    }

    /** The HTTP status Superset answered with, or 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
