package dev.spectron.cli;

import dev.spectron.server.ServerConfig;
import dev.spectron.server.StartupException;
import dev.spectron.store.sqlite.SqliteBackup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectron backup --data-dir DIR --to FILE}: an online snapshot of the embedded store. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the embedded store while the server runs.",
                "Writes a consistent snapshot of the SQLite database to a new file.",
                "Restore: stop the server, put the file at <data dir>/spectron.db (an empty data directory), start it.",
                "On PostgreSQL use the database's own tools (pg_dump)."})
final class BackupCommand implements Callable<Integer> {
    @Option(names = {"-d", "--data-dir"}, paramLabel = "DIR", description = "The data directory (default: SPECTRON_DATA_DIR, else ./data).")
    Path dataDir;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file to write; it must not exist.")
    Path to;

    @Override
    public Integer call() {
        ServerConfig config = ServerConfig.fromEnvironment(System.getenv());
        Path database = (dataDir == null ? config : config.withDataDir(dataDir)).databaseFile();
        if (!Files.isRegularFile(database)) {
            throw new StartupException("no embedded install at " + database.toAbsolutePath().normalize(), null);
        }
        try {
            SqliteBackup.write(database, to);
        } catch (RuntimeException e) {
            throw new StartupException(e.getMessage(), e);
        }
        System.out.println("backed up " + database.toAbsolutePath().normalize() + " to " + to.toAbsolutePath().normalize());
        return 0;
    }
}
