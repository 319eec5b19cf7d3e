package dev.spectron.cli;

import dev.spectron.server.SpectronServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spectron} command line. */
@Command(name = "spectron", mixinStandardHelpOptions = true, version = "spectron " + SpectronServer.VERSION,
        description = "Spectron: a memory layer for LLM applications.",
        subcommands = {ServeCommand.class, ChatCommand.class, BenchCommand.class})
public final class SpectronCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exit = new CommandLine(new SpectronCommand()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
