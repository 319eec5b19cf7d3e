package dev.spectron.cli;

import dev.spectron.client.ChatChunk;
import dev.spectron.client.ChatResult;
import dev.spectron.client.ChatStream;
import dev.spectron.client.Scope;
import dev.spectron.client.Session;
import dev.spectron.client.Spectron;
import dev.spectron.client.SpectronApiException;
import dev.spectron.client.SpectronClientException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spectron chat}: a terminal chat against a running server, through the Java client. Every
 * line goes through {@code session.chat()}; the reply streams in, then what memory changed is listed.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Chat with a running Spectron server, with memory.",
                "Each message goes through session.chat(), the reply streams in, then the memory changes of the exchange",
                "are listed. /help lists the chat commands; /quit (or end of input) leaves.",
                "",
                "Environment: SPECTRON_URL (default http://localhost:9090), SPECTRON_API_KEY."})
final class ChatCommand implements Callable<Integer> {
    static final String COMMANDS = String.join(System.lineSeparator(),
            "  /help      these commands",
            "  /session   the id of this session (continue it later with --session ID)",
            "  /quit      leave (also /exit, or the end of input)",
            "  //text     send a message that starts with /");

    /** A real model may take a while to answer in full. */
    private static final Duration REPLY_TIMEOUT = Duration.ofMinutes(5);

    @Option(names = "--url", paramLabel = "URL", description = "Server URL (overrides SPECTRON_URL).")
    String url;

    @Option(names = "--api-key", paramLabel = "KEY", description = "Data-plane API key (overrides SPECTRON_API_KEY).")
    String apiKey;

    @Option(names = {"-c", "--context"}, paramLabel = "ID", defaultValue = "default", description = "Context (default: ${DEFAULT-VALUE}).")
    String context;

    @Option(names = {"-s", "--session"}, paramLabel = "ID", description = "Continue this session; default: a new one per run.")
    String sessionId;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME", description = "The user a new session is scoped to (default: your login name).")
    String user = System.getProperty("user.name", "user");

    @Option(names = "--no-stream", description = "Wait for the whole reply instead of streaming it.")
    boolean noStream;

    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws IOException {
        String key = apiKey != null ? apiKey : env.get("SPECTRON_API_KEY");
        if (key == null || key.isBlank()) {
            err.println("spectron chat: no API key; pass --api-key or set SPECTRON_API_KEY (the server prints one at first start)");
            return 2;
        }
        String base = url != null ? url : env.getOrDefault("SPECTRON_URL", "http://localhost:9090");
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            err.println("spectron chat: the server URL must start with http:// or https://, e.g. http://" + base + "; got '" + base + "'");
            return 2;
        }
        try (Spectron client = Spectron.builder().baseUrl(base).apiKey(key).timeout(REPLY_TIMEOUT).build()) {
            Session session;
            try {
                // An id given is looked up first: a session that does not exist fails here, not at every message.
                session = sessionId == null ? client.memory(context).sessions().create(Scope.of("user", user))
                        : client.memory(context).sessions().get(sessionId);
            } catch (SpectronClientException e) {
                return fail(e);
            }
            out.println("Session " + session.id() + " in context '" + context + "'. Type a message; /help lists the commands.");
            converse(session, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        }
        return 0;
    }

    /** Messages until /quit, /exit or the end of input; a line starting with one / is a command, with two a message starting with /. */
    private void converse(Session session, BufferedReader lines) throws IOException {
        for (String line = prompt(lines); line != null; line = prompt(lines)) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("//")) {
                exchange(session, text.substring(1));
                continue;
            }
            if (!text.startsWith("/")) {
                exchange(session, text);
                continue;
            }
            switch (text) {
                case "/quit", "/exit" -> {
                    return;
                }
                case "/help" -> out.println(COMMANDS);
                case "/session" -> out.println(session.id());
                default -> out.println("unknown command " + text.split("\\s+")[0] + "; /help lists the commands");
            }
        }
    }

    private String prompt(BufferedReader lines) throws IOException {
        out.print("> ");
        out.flush();
        return lines.readLine();
    }

    /** One message; a failure is reported and the chat goes on. */
    private void exchange(Session session, String message) {
        try {
            if (noStream) {
                ChatResult reply = session.chat(message);
                out.println(reply.reply());
                changes(reply);
                return;
            }
            try (ChatStream stream = session.chatStream(message)) {
                for (ChatChunk chunk : stream) {
                    if (!chunk.done()) {
                        out.print(chunk.delta());
                        out.flush();
                    }
                }
                out.println();
                changes(stream.result());
            }
        } catch (SpectronClientException e) {
            out.println();
            fail(e);
        }
    }

    private void changes(ChatResult reply) {
        MemoryChanges.lines(reply.memoryUpdates()).forEach(line -> out.println("  " + line));
    }

    private int fail(SpectronClientException e) {
        err.println("error: " + (e instanceof SpectronApiException api ? api.status() + " " + api.detail() : e.getMessage()));
        return 1;
    }
}
