package dev.spectron.server.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {
    @TempDir
    Path dir;

    @Test
    void a_second_holder_in_the_same_jvm_is_refused_with_the_owner_pid() {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(dir.resolve("data"))) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(dir.resolve("data")))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessage("the data directory " + dir.resolve("data") + " is in use by another Spectron process (pid "
                            + ProcessHandle.current().pid() + "); one process per data directory — run several nodes on PostgreSQL");
        }
    }

    @Test
    void closing_frees_the_directory_and_the_file_keeps_the_last_owner_pid() throws Exception {
        DataDirectoryLock.acquire(dir).close();
        try (DataDirectoryLock again = DataDirectoryLock.acquire(dir)) {
            assertThat(Files.readString(dir.resolve(DataDirectoryLock.FILE_NAME)).strip())
                    .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        }
    }
}
