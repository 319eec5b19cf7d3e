package dev.spectron.examples;

import dev.spectron.client.ChatChunk;
import dev.spectron.client.ChatResult;
import dev.spectron.client.ChatStream;
import dev.spectron.client.Diff;
import dev.spectron.client.Memory;
import dev.spectron.client.Scope;
import dev.spectron.client.Session;
import dev.spectron.client.Spectron;
import dev.spectron.client.SpectronClientException;
import java.io.IOException;

/**
 * The seed's "full loop example": Spectron drives the loop. Each user message goes to
 * {@code session.chat()}, which stores the turn, retrieves context, calls the context's response
 * model, stores the reply, and returns it with the memory diff of both turns.
 *
 * <pre>
 * SPECTRON_URL=http://localhost:9090 SPECTRON_API_KEY=... java -cp ... dev.spectron.examples.FullLoop          # demo conversation (or type when on a terminal)
 * ... FullLoop "I have a cat named Tom." "What is my cat called?"                                             # your messages
 * ... FullLoop --stream                                                                                       # token streaming
 * </pre>
 */
public final class FullLoop {
    private FullLoop() {
    }

    public static void main(String[] args) throws IOException {
        boolean stream = Messages.flag(args, "--stream");
        try (Spectron client = Clients.fromEnvironment()) {
            Memory memory = client.memory(Clients.contextId());
            Session session = memory.sessions().create(Scope.of("user", Clients.user()));
            System.out.println("session " + session.id());
            Messages.forEach(args, message -> {
                System.out.println("you> " + message);
                try {
                    ChatResult result;
                    if (stream) {
                        System.out.print("spectron> ");
                        try (ChatStream chunks = session.chatStream(message)) {
                            for (ChatChunk chunk : chunks) {
                                System.out.print(chunk.delta());
                                System.out.flush();
                            }
                            result = chunks.result();
                        }
                        System.out.println();
                    } else {
                        result = session.chat(message);
                        System.out.println("spectron> " + result.reply());
                    }
                    System.out.println("  memory: " + summary(result.memoryUpdates()));
                } catch (SpectronClientException e) {
                    System.out.println("  error: " + e.getMessage());
                }
            });
        }
    }

    static String summary(Diff diff) {
        StringBuilder text = new StringBuilder();
        diff.attributes().forEach(a -> text.append(text.isEmpty() ? "" : ", ").append(a.entity()).append('.').append(a.key()).append(" = ").append(a.value()));
        diff.relations().forEach(r -> text.append(text.isEmpty() ? "" : ", ").append(r.subject()).append(' ').append(r.label()).append(' ').append(r.object()));
        diff.corrections().forEach(c -> text.append(text.isEmpty() ? "" : ", ").append(c.key()).append(": ").append(c.oldValue()).append(" -> ").append(c.newValue()));
        return text.isEmpty() ? "(no new facts)" : text.toString();
    }
}
