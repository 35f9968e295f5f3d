package io.cxscore.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cx} command. */
@Command(name = "cx", mixinStandardHelpOptions = true, version = "cx 0.1.0",
        description = "Scores every support conversation on versioned rubrics and publishes a warehouse, a dashboard and feeds.",
        subcommands = {DemoCommand.class, BatchCommand.class, WarehouseCommand.class, DashboardCommand.class,
            EvalCommand.class, FitCommand.class, ReportCommand.class, RescoreCommand.class, BenchLlmCommand.class,
            PublishCommand.class, QueryCommand.class, StreamCommand.class, CommandLine.HelpCommand.class})
public final class Cx implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Cx()).setExecutionExceptionHandler(new UserErrors());
    }
}
