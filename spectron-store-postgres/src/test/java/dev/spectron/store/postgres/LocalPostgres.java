package dev.spectron.store.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * One real PostgreSQL per JVM for tests, started lazily from the Debian binaries and stopped (its
 * directory deleted) at JVM exit. No Docker, nothing preinstalled by hand beyond the server package
 * ({@code bin/lib/postgres.sh} installs it in CI).
 *
 * <p>Binaries: {@code SPECTRON_PG_BIN} if set, else the newest {@code /usr/lib/postgresql/N/bin}
 * holding {@code initdb} and {@code pg_ctl}. Without them the calling test is aborted (skipped),
 * or fails when {@code CI=true}. PostgreSQL refuses to run as root, so as root it runs as the
 * {@code postgres} user through {@code runuser}. It listens on 127.0.0.1 only, on a random port,
 * trusting every local login as {@code spectron}.
 */
public final class LocalPostgres {
    private static final String USER = "spectron";
    private static final String SERVICE_USER = "postgres";
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");
    private static final int START_ATTEMPTS = 3;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static LocalPostgres instance;
    /** A start that failed once is not retried by every test of the JVM. */
    private static RuntimeException startFailure;

    private final Path bin;
    private final Path dir;
    private final int port;

    private LocalPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** Creates a fresh, empty database and returns its {@code postgresql://spectron@127.0.0.1:port/name} URL. */
    public static String newDatabase() {
        LocalPostgres server = shared();
        String name = "spectron_test_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port + "/postgres", USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return "postgresql://" + USER + "@127.0.0.1:" + server.port + "/" + name;
    }

    /** The port the shared server listens on (starting it if needed). */
    public static int port() {
        return shared().port;
    }

    private static synchronized LocalPostgres shared() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (instance == null) {
            Path bin = binaries().orElseGet(LocalPostgres::missing);
            try {
                instance = start(bin);
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "local-postgres-stop"));
        }
        return instance;
    }

    private static Optional<Path> binaries() {
        String configured = System.getenv("SPECTRON_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(LocalPostgres::hasServerTools);
        }
        if (!Files.isDirectory(DEBIAN_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN_ROOT)) {
            return versions.map(version -> version.resolve("bin")).filter(LocalPostgres::hasServerTools)
                    .max(Comparator.comparingInt(LocalPostgres::majorVersion));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path missing() {
        String reason = "no PostgreSQL server binaries (initdb, pg_ctl): set SPECTRON_PG_BIN or install Debian's postgresql package "
                + "(bin/lib/postgres.sh does it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(reason);
        }
        System.err.println("LocalPostgres: skipping, " + reason);
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    private static boolean hasServerTools(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static LocalPostgres start(Path bin) {
        try {
            Path dir = Files.createTempDirectory("spectron-pg-");
            Files.createDirectories(dir.resolve("sock"));
            if (isRoot()) {
                ensureServiceUser();
                run(List.of("chown", "-R", SERVICE_USER + ":", dir.toString()));
            }
            initdb(bin, dir);
            IllegalStateException last = null;
            for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
                int port = freePort();
                try {
                    asServer(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                            dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                            "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir.resolve("sock") + " -c max_connections=300", "start"));
                    return new LocalPostgres(bin, dir, port);
                } catch (IllegalStateException e) {
                    last = e; // most likely the port was taken between probing and binding
                }
            }
            String log = tail(dir.resolve("server.log"));
            delete(dir);
            throw new IllegalStateException(last.getMessage() + "\n" + log, last);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a PostgreSQL directory", e);
        }
    }

    private static void initdb(Path bin, Path dir) {
        List<String> base = List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", USER,
                "-E", "UTF8", "--no-sync");
        try {
            // C.UTF-8 classifies non-ASCII letters for the text-search parser; plain C would not.
            asServer(concat(base, "--locale=C.UTF-8"));
        } catch (IllegalStateException e) {
            asServer(concat(base, "--no-locale"));
        }
    }

    private void stop() {
        try {
            asServer(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } catch (RuntimeException e) {
            System.err.println("LocalPostgres: stop failed: " + e.getMessage());
        }
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("LocalPostgres: cannot delete " + dir + ": " + e.getMessage());
        }
    }

    private static void asServer(List<String> command) {
        List<String> args = new ArrayList<>(command);
        if (isRoot()) {
            args.addAll(0, List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        run(args);
    }

    private static void ensureServiceUser() {
        if (exitCode(List.of("id", "-u", SERVICE_USER)) != 0) {
            run(List.of("useradd", "--system", SERVICE_USER));
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.getFirst(), e);
        }
    }

    private static int exitCode(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<String> concat(List<String> base, String extra) {
        List<String> out = new ArrayList<>(base);
        out.add(extra);
        return out;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no server log)";
        }
    }
}
