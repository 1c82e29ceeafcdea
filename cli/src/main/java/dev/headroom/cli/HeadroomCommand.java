package dev.headroom.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code headroom} command. */
@Command(name = "headroom", mixinStandardHelpOptions = true, version = "headroom 0.1.0",
        description = "Measures what a language model can do across the ways of asking it.",
        subcommands = {DemoCommand.class, RunCommand.class, StatusCommand.class, ReportCommand.class,
                ExportCommand.class, ModelsCommand.class, RenderCommand.class, SweepCommand.class, BenchCommand.class})
public class HeadroomCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new HeadroomCommand());
        // a user's mistake is one line and an exit code, never a stack trace (nor a page of usage)
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("headroom: " + e.getMessage() + " (see: headroom "
                    + (command.getParent() == null ? "" : command.getCommandName() + " ") + "--help)");
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("headroom: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return commandLine;
    }
}
