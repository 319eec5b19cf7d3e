package dev.spectron.client;

import java.util.List;

/**
 * The outcome of {@code forget}.
 *
 * @param deleted how many records were retired or purged (on a dry run: would be)
 * @param ids     the ids of those records, when the server lists them; else empty
 * @param dryRun  whether nothing was changed
 */
public record ForgetResult(int deleted, List<String> ids, boolean dryRun) {
    public ForgetResult {
        ids = Lists.of(ids);
    }
}
