package io.cxscore.cli;

/** A failure whose message is the whole story for the user (no stack trace). */
final class UserFacingException extends RuntimeException {
    UserFacingException(String message) {
        super(message);
    }
}
