package dev.spectron.server.bootstrap;

import dev.spectron.server.StartupException;
import java.nio.file.Path;

/**
 * Another process (or this one) already serves the embedded store in this data directory. The
 * message is the one line an operator needs; the command line prints it without a stack trace.
 */
public final class DataDirectoryInUseException extends StartupException {
    private final Path dataDir;

    DataDirectoryInUseException(Path dataDir, String holderPid) {
        super("the data directory " + dataDir + " is in use by another Spectron process (pid " + holderPid
                + "); one process per data directory — run several nodes on PostgreSQL", null);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
