package dev.spectron.client;

/** A standing directive the user gave ("always answer in bullet points"). */
public record Instruction(String id, String label, String description, boolean active) {
}
