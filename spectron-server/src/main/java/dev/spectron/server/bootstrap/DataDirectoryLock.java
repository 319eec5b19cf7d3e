package dev.spectron.server.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <data dir>/spectron.lock}, held while a server uses the embedded
 * SQLite store there. A second process on the same directory would otherwise start and then fail
 * with SQLITE_BUSY about 20 s later (issue 17 point 2); with it, the second refuses at once. The
 * file holds the owner's pid, for the refusal message. The operating system drops the lock when
 * the process ends, even by SIGKILL, so a stale file never blocks a restart.
 */
public final class DataDirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "spectron.lock";
    private static final int MAX_PID_BYTES = 32;

    private final FileChannel channel; // null when nothing is held

    private DataDirectoryLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Holds nothing: for a server on PostgreSQL, which several processes share. */
    public static DataDirectoryLock none() {
        return new DataDirectoryLock(null);
    }

    /** @throws DataDirectoryInUseException when another process, or this one, holds the lock */
    public static DataDirectoryLock acquire(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (!tryLock(channel)) {
                String holder = holderPid(channel);
                channel.close();
                throw new DataDirectoryInUseException(dir, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new DataDirectoryLock(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** False when the lock is held elsewhere; within one JVM, a second holder is refused the same way. */
    private static boolean tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    private static String holderPid(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(MAX_PID_BYTES);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? pid : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Releases the lock (closing the channel does); the file stays, and the next owner overwrites the pid. */
    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + FILE_NAME + ": " + e.getMessage(), e);
        }
    }
}
