package dev.spectron.store.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs for tests that fill the disk. Mounting needs root: where it fails, the test is
 * skipped with the reason printed.
 */
public final class Tmpfs implements AutoCloseable {
    private static final int FILLER_CHUNK = 1 << 20;

    private final Path dir;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    public static Tmpfs mountOrSkip(String size) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("spectron-tmpfs-");
        String output;
        int exit;
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
            output = new String(mount.getInputStream().readAllBytes()).strip();
            exit = mount.waitFor(30, TimeUnit.SECONDS) ? mount.exitValue() : -1;
        } catch (IOException e) {
            output = e.getMessage();
            exit = -1;
        }
        if (exit != 0) {
            Files.deleteIfExists(dir);
            String reason = "cannot mount a " + size + " tmpfs (needs root): " + output;
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        return new Tmpfs(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes real bytes (a sparse file would take no room) until about {@code leave} bytes are free. */
    public Path fillLeaving(long leave) throws IOException {
        Path filler = dir.resolve("filler");
        long toWrite = Files.getFileStore(dir).getUsableSpace() - leave;
        ByteBuffer chunk = ByteBuffer.allocate(FILLER_CHUNK);
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0; written < toWrite; ) {
                chunk.clear().limit((int) Math.min(FILLER_CHUNK, toWrite - written));
                written += channel.write(chunk);
            }
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Process umount = new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true).start();
        String output = new String(umount.getInputStream().readAllBytes()).strip();
        if (umount.waitFor() != 0) {
            System.out.println("could not unmount " + dir + ": " + output);
            return;
        }
        Files.deleteIfExists(dir);
    }
}
