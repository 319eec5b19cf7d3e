package dev.spectron.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spectron chat}: a terminal chat against a running server. Every line goes through
 * {@code POST /sessions/{id}/chat}; the reply streams in, then what memory changed is listed.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Chat with a running Spectron server: each message goes through session.chat(), the reply streams in,",
                "then the memory changes of the exchange are listed. /quit (or end of input) leaves.",
                "",
                "Environment: SPECTRON_URL (default http://localhost:9090), SPECTRON_API_KEY."})
final class ChatCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--url", paramLabel = "URL", description = "Server URL (overrides SPECTRON_URL).")
    String url;

    @Option(names = "--api-key", paramLabel = "KEY", description = "Data-plane API key (overrides SPECTRON_API_KEY).")
    String apiKey;

    @Option(names = {"-c", "--context"}, paramLabel = "ID", defaultValue = "default", description = "Context (default: ${DEFAULT-VALUE}).")
    String context;

    @Option(names = {"-s", "--session"}, paramLabel = "ID", description = "Continue this session; default: a new one per run.")
    String session;

    @Option(names = {"-u", "--user"}, paramLabel = "NAME", description = "The user a new session is scoped to (default: your login name).")
    String user = System.getProperty("user.name", "user");

    @Option(names = "--no-stream", description = "Wait for the whole reply instead of streaming it.")
    boolean noStream;

    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    Map<String, String> env = System.getenv();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws IOException, InterruptedException {
        String base = (url != null ? url : env.getOrDefault("SPECTRON_URL", "http://localhost:9090")).replaceAll("/+$", "")
                + "/api/v1/" + context;
        String key = apiKey != null ? apiKey : env.get("SPECTRON_API_KEY");
        if (key == null || key.isBlank()) {
            err.println("spectron chat: no API key; pass --api-key or set SPECTRON_API_KEY (the server prints one at first start)");
            return 2;
        }
        if (session == null) {
            HttpResponse<String> created = send(base + "/sessions", key, Map.of("scope", Map.of("user", user)));
            if (created.statusCode() != 201) {
                return fail(created.body());
            }
            session = JSON.readTree(created.body()).path("id").asText();
        }
        out.println("Session " + session + " in context '" + context + "'. Type a message; /quit to leave.");
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = prompt(lines); line != null && !line.strip().equals("/quit") && !line.strip().equals("/exit"); line = prompt(lines)) {
            if (!line.isBlank()) {
                exchange(base + "/sessions/" + session + "/chat", key, line.strip());
            }
        }
        return 0;
    }

    private String prompt(BufferedReader lines) throws IOException {
        out.print("> ");
        out.flush();
        return lines.readLine();
    }

    private void exchange(String chatUrl, String key, String message) throws IOException, InterruptedException {
        if (noStream) {
            HttpResponse<String> response = send(chatUrl, key, Map.of("message", message));
            if (response.statusCode() != 200) {
                fail(response.body());
                return;
            }
            JsonNode reply = JSON.readTree(response.body());
            out.println(reply.path("reply").asText());
            changes(reply);
            return;
        }
        HttpRequest request = request(chatUrl, key, Map.of("message", message)).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            fail(String.join("\n", response.body().toList()));
            return;
        }
        String event = "message";
        for (Iterator<String> it = response.body().iterator(); it.hasNext(); ) {
            String line = it.next();
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ")) {
                JsonNode data = JSON.readTree(line.substring(6));
                switch (event) {
                    case "done" -> {
                        out.println();
                        changes(data);
                    }
                    case "error" -> {
                        out.println();
                        fail(data.toString());
                    }
                    default -> {
                        out.print(data.path("delta").asText());
                        out.flush();
                    }
                }
                event = "message";
            }
        }
    }

    private void changes(JsonNode reply) {
        MemoryChanges.lines(reply.path("memory_updates")).forEach(line -> out.println("  " + line));
    }

    private int fail(String problemBody) {
        String detail = problemBody;
        try {
            JsonNode problem = JSON.readTree(problemBody);
            detail = problem.path("status").asText() + " " + problem.path("detail").asText(problemBody);
        } catch (IOException e) {
            // not JSON: print as received
        }
        err.println("error: " + detail);
        return 1;
    }

    private HttpResponse<String> send(String target, String key, Object body) throws IOException, InterruptedException {
        return http.send(request(target, key, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String target, String key, Object body) throws IOException {
        return HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
}
