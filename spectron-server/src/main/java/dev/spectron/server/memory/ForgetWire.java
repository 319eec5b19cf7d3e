package dev.spectron.server.memory;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code POST /forget} (spectron-api.md §2.2.7). */
final class ForgetWire {
    private ForgetWire() {
    }

    /** What to forget; read and parsed before {@link Options}, so a bad query is the error a client sees first. */
    record Request(@JsonProperty(value = "query", required = true) String query) {
    }

    record Options(Boolean purge, @JsonProperty("dryRun") @JsonAlias("dry_run") Boolean dryRun) {
    }

    /** {@code dryRun} appears only on a dry run. */
    record Response(int deleted, List<String> ids, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean dryRun) {
    }
}
