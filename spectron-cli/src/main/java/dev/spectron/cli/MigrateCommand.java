package dev.spectron.cli;

import dev.spectron.cli.migrate.DatabaseCopy;
import dev.spectron.server.ServerConfig;
import dev.spectron.server.StartupException;
import dev.spectron.store.postgres.PostgresMemoryStore;
import dev.spectron.store.postgres.PostgresSettings;
import dev.spectron.store.postgres.PostgresStoreException;
import dev.spectron.store.sqlite.SqliteMemoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectron migrate --from DIR --to URL}: moves an embedded install onto PostgreSQL. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copy an embedded install into PostgreSQL.",
                "Contexts, keys, sessions, turns, memory with its history, vectors, change log and traces are copied.",
                "Stop the server on the data directory first.",
                "Safe to re-run: rows already copied are skipped, so an interrupted copy is finished by running it again."})
final class MigrateCommand implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "DIR", description = "The data directory of the embedded install (holds spectron.db).")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "URL", description = "PostgreSQL URL: postgresql://user:password@host:5432/db.")
    String to;

    @Override
    public Integer call() throws SQLException {
        Path file = ServerConfig.defaults().withDataDir(from).databaseFile();
        if (!Files.isRegularFile(file)) {
            throw new StartupException("no embedded install in " + from.toAbsolutePath() + " (" + file.getFileName() + " not found)", null);
        }
        PostgresSettings target = settings();
        SqliteMemoryStore.open(file).close(); // brings an older install's schema up to date, like a start would
        openTarget(target);
        System.out.println("copying " + file.toAbsolutePath() + " into PostgreSQL " + target.describe());
        List<DatabaseCopy.TableCount> counts;
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Connection destination = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            destination.setAutoCommit(false);
            counts = new DatabaseCopy(source, destination, System.out).run();
        } catch (IllegalStateException e) {
            throw new StartupException(e.getMessage(), e);
        }
        return verify(counts);
    }

    private PostgresSettings settings() {
        try {
            return PostgresSettings.fromUrl(to);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /** Opening the store creates or updates the target's schema, once, as a node's start would. */
    private static void openTarget(PostgresSettings target) {
        try {
            PostgresMemoryStore.open(target).close();
        } catch (PostgresStoreException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    private static int verify(List<DatabaseCopy.TableCount> counts) {
        long copied = 0;
        boolean complete = true;
        for (DatabaseCopy.TableCount count : counts) {
            copied += count.added();
            if (!count.complete()) {
                complete = false;
                System.out.printf(Locale.ROOT, "  %s: the source has %,d rows, the target %,d%n", count.table(), count.source(), count.target());
            }
        }
        if (!complete) {
            System.out.println("the copy is incomplete; run the same command again");
            return 1;
        }
        System.out.printf(Locale.ROOT, "done: %,d rows copied in this run; every table of the source is in the target (%d tables verified)%n",
                copied, counts.size());
        return 0;
    }
}
