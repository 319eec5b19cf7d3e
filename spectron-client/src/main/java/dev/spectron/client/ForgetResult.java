package dev.spectron.client;

/** The outcome of {@code forget}: how many records were retired (or, on a dry run, would be). */
public record ForgetResult(int deleted) {
}
