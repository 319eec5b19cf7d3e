package dev.spectron.examples;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/** Where the examples' user messages come from: arguments, stdin, or a fixed demo conversation. */
final class Messages {
    /** The demo conversation: a fact in the first messages, a question about it in the last. */
    static final List<String> DEMO = List.of(
            "Hi! My name is Ada and I live in Porto.",
            "I have a dog named Rex.",
            "What is my dog called, and where do I live?");

    private Messages() {
    }

    /**
     * The messages to send: the arguments (except flags starting with {@code --}); {@code -} reads
     * stdin to the end; with no arguments, an interactive terminal is read line by line (empty line
     * or EOF ends), anything else gets the demo conversation.
     */
    static void forEach(String[] args, Consumer<String> send) throws IOException {
        List<String> given = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                given.add(arg);
            }
        }
        if (given.equals(List.of("-")) || given.isEmpty() && interactive()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            boolean prompt = interactive();
            while (true) {
                if (prompt) {
                    System.out.print("you> ");
                    System.out.flush();
                }
                String line = in.readLine();
                if (line == null || prompt && line.isBlank()) {
                    return;
                }
                if (!line.isBlank()) {
                    send.accept(line.strip());
                }
            }
        }
        Iterator<String> messages = (given.isEmpty() ? DEMO : given).iterator();
        while (messages.hasNext()) {
            send.accept(messages.next());
        }
    }

    static boolean flag(String[] args, String name) {
        return List.of(args).contains(name);
    }

    /** A terminal on stdin (JDK 22+ has Console.isTerminal(); on 21 a console means a terminal). */
    private static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
