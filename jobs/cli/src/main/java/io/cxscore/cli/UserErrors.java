package io.cxscore.cli;

import io.cxscore.core.rubric.RubricException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns failures a user can fix (bad input path, bad rubric, unknown format, failed warehouse test)
 * into one clear line and exit code 2. Anything else is a bug: it gets the stack trace, exit 1.
 * {@code CX_DEBUG=1} shows the trace for everything.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        boolean userError = e instanceof IllegalArgumentException || e instanceof RubricException
                || e instanceof UncheckedIOException || e instanceof java.io.IOException || e instanceof UserFacingException;
        if (userError && System.getenv("CX_DEBUG") == null) {
            cmd.getErr().println("cx " + cmd.getCommandName() + ": " + e.getMessage());
            return 2;
        }
        e.printStackTrace(cmd.getErr());
        return 1;
    }
}
