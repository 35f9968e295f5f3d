package io.cxscore.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cx publish <target>}: sends the marts somewhere people look at them. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish the DuckDB marts to a BI tool.",
        subcommands = {PublishSupersetCommand.class})
final class PublishCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
