package dev.spectron.cli;

import dev.spectron.server.SpectronServer;
import dev.spectron.server.StartupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spectron} command line. */
// INHERIT: every subcommand answers -V/--version with the same line, and takes -h/--help.
@Command(name = "spectron", mixinStandardHelpOptions = true, versionProvider = SpectronCommand.Version.class, scope = CommandLine.ScopeType.INHERIT,
        description = "Spectron: a memory layer for LLM applications.",
        subcommands = {ServeCommand.class, ChatCommand.class, BenchCommand.class, MigrateCommand.class, BackupCommand.class})
public final class SpectronCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** {@code -V}: the build's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"spectron " + SpectronServer.VERSION};
        }
    }

    /** The command line as {@link #main} runs it. */
    static CommandLine commandLine() {
        return new CommandLine(new SpectronCommand()).setExecutionExceptionHandler(SpectronCommand::startupFailure);
    }

    /** The exit status of a server that cannot start (an operator's mistake, not a fault). */
    static final int CANNOT_START = 1;

    /** A server that cannot start says why in one line; anything else keeps its stack trace for a bug report. */
    private static int startupFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof StartupException) {
            commandLine.getErr().println("spectron: " + e.getMessage());
            return CANNOT_START;
        }
        throw e;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
