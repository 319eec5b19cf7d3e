package dev.spectron.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spectron.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```bash} block of the repository's {@code README.md}, run as pasted (issue 17 point 3)
 * against one {@code spectron serve} process started here, whose model providers are a local stub
 * ({@link ProviderStub}) and never the network.
 *
 * <p>What runs. The README is read from {@code ../README.md} (the module directory is the working
 * directory). Each fenced block whose language is {@code bash}, {@code sh} or {@code shell} is split
 * into commands the way a shell would (quotes, {@code \}-newline continuations and {@code #}
 * comments understood). A command that is only shell assignments ({@code URL=...},
 * {@code export X=... Y=...}) or whose command word is {@code curl} is run; every other command
 * ({@code bin/spectron ...}, {@code sudo}, {@code mkdir}, {@code pip}, ...) is skipped and counted.
 * Each block runs in one {@code bash}, one command at a time, in README order; the assignments run
 * by earlier blocks are replayed first, as in a terminal where the README is pasted top to bottom.
 * {@code curl} is a shell function that adds {@code -sS -w '\n%{http_code}'} so every status is seen.
 *
 * <p>Substitutions, applied to a command before it runs:
 * <ul>
 *   <li>{@code http://localhost:PORT} and {@code http://127.0.0.1:PORT} (any port) become the test
 *       server's address.</li>
 *   <li>{@code SPECTRON_API_KEY} and {@code SPECTRON_MANAGEMENT_API_KEY} are in the shell's
 *       environment (the keys the server was started with), and so are {@code OPENAI_API_KEY},
 *       {@code ANTHROPIC_API_KEY} and {@code GEMINI_API_KEY} (fake keys, as in the shell of a user who
 *       has them). An assignment to one of these in the README ({@code export SPECTRON_API_KEY=...},
 *       "the one you set") is not run: the test's value stands for it.</li>
 *   <li>An id placeholder, {@code PREFIX_...} / {@code PREFIX_…} / {@code PREFIX_01...} for the
 *       prefixes {@code sess}, {@code trace}, {@code turn} and {@code sp-key} (also {@code sp-key_...-...}),
 *       becomes the latest such value an earlier reply of the run carried: the top-level string fields
 *       of a JSON reply, or of its {@code trace} object, or of each JSON {@code data:} line of an event
 *       stream, whose value starts with that prefix. So {@code SESSION=sess_01...} right after a
 *       session is created takes that session's id. A placeholder with no earlier value fails.</li>
 *   <li>Any other assignment whose value is only {@code ...} or {@code …} fails: the test cannot
 *       know what to put there, and neither can a reader.</li>
 * </ul>
 *
 * <p>What is checked, for each {@code curl}: it connects and never answers 5xx; where the README
 * states the status, it matches: a trailing comment or the first {@code # -> ...} comment line before
 * the next command that starts with a status ({@code # 204}, {@code # -> 201 {...}}) or with a JSON
 * body ({@code # -> {"deleted":...}}, {@code # {"contexts":[...]}}, meaning 200); otherwise it must
 * be 2xx (a 4xx is a failure unless the README says so). A reply whose extraction failed
 * ({@code extraction.status: "failed"}) is a failure too: the provider stub must have answered.
 * Finally the stub must have been asked nothing it has no answer for. Failures are collected, so one
 * run reports every broken example; the summary is printed either way.
 */
class ReadmeExamplesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path README = Path.of("..", "README.md");
    private static final String API_KEY = "readme-dev-key-5b8e0c71";
    private static final String MANAGEMENT_KEY = "readme-mgmt-key-2d7f4a93";
    /** The shell of a user who has set the keys the README takes from it. */
    private static final Map<String, String> SHELL = Map.of("SPECTRON_API_KEY", API_KEY, "SPECTRON_MANAGEMENT_API_KEY", MANAGEMENT_KEY,
            "OPENAI_API_KEY", "sk-readme-stub-openai", "ANTHROPIC_API_KEY", "sk-ant-readme-stub", "GEMINI_API_KEY", "readme-stub-gemini");
    private static final Pattern LOCAL_URL = Pattern.compile("http://(?:localhost|127\\.0\\.0\\.1):\\d+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\b(sp-key|sess|trace|turn)_(?:01)?(?:\\.\\.\\.|…)(?:-(?:\\.\\.\\.|…))?");
    private static final Pattern CAPTURED = Pattern.compile("^(sp-key|sess|trace|turn)_[A-Za-z0-9_-]+$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STATUS_NOTE = Pattern.compile("^(?:->\\s*)?([1-5]\\d\\d)\\b");
    private static final Pattern BODY_NOTE = Pattern.compile("^(?:->\\s*)?[{\\[]");

    @TempDir
    static Path dataDir;
    static ProviderStub providers;
    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(TestServer.onPostgres(), "the README's examples run once, on the embedded store they describe");
        providers = ProviderStub.start();
        Map<String, String> env = new HashMap<>();
        env.put("SPECTRON_API_KEY", API_KEY);
        env.put("SPECTRON_MANAGEMENT_API_KEY", MANAGEMENT_KEY);
        // No provider key in the server's environment, as on a fresh install; the README's PATCHes bring their own.
        for (String key : List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY")) {
            env.put(key, "");
        }
        env.put("OPENAI_BASE_URL", providers.baseUrl() + "/v1");
        env.put("OLLAMA_BASE_URL", providers.baseUrl());
        env.put("ANTHROPIC_BASE_URL", providers.baseUrl() + "/v1"); // read by the server once it supports it
        env.put("GEMINI_BASE_URL", providers.baseUrl() + "/v1beta");
        // A provider the stub cannot stand in for (no base-URL variable) must fail loudly, never reach the network.
        env.put("JAVA_TOOL_OPTIONS", "-Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=9 -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=9");
        server = ServerProcess.start(dataDir, env);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (providers != null) {
            providers.close();
        }
    }

    @Test
    void every_bash_block_of_the_readme_runs_as_pasted_issue_17() throws Exception {
        List<Block> blocks = blocks(Files.readString(README));
        Run run = new Run(server.url());
        for (Block block : blocks) {
            run.block(block);
        }
        List<String> unexpected = providers.unexpected();
        unexpected.forEach(request -> run.failures.add("the provider stub was asked what it has no answer for: " + request));
        String summary = run.summary(blocks.size()) + "\n  provider stub served: " + providers.served();
        System.out.println(summary);

        assertThat(run.curls).as("curl commands found in README.md").isGreaterThan(0);
        assertThat(run.failures).as("README examples that do not run as pasted (the summary above lists every command)").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // The README: fenced bash blocks, and the commands in them.

    record Block(int line, String text) {
    }

    /** {@code line} is the README line a command starts on; {@code notes} are the comments after it, up to the next command. */
    record Command(int line, String text, String comment, List<String> notes) {
        /** The status the README states for this command's reply, or {@code null}. */
        Integer expectedStatus() {
            List<String> candidates = new ArrayList<>();
            if (comment != null) {
                candidates.add(comment);
            }
            notes.stream().filter(note -> note.startsWith("->")).findFirst().ifPresent(candidates::add);
            for (String note : candidates) {
                Matcher status = STATUS_NOTE.matcher(note);
                if (status.find()) {
                    return Integer.parseInt(status.group(1));
                }
                if (BODY_NOTE.matcher(note).find()) {
                    return 200;
                }
            }
            return null;
        }

        String firstLine() {
            String first = text.lines().findFirst().orElse("").replaceAll("\\s*\\\\$", "");
            return first.length() > 110 ? first.substring(0, 107) + "..." : first;
        }
    }

    static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        String language = null;
        int start = 0;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (language == null) {
                Matcher open = Pattern.compile("^\\s*```\\s*([\\w-]*)\\s*$").matcher(line);
                if (open.matches()) {
                    language = open.group(1);
                    start = i + 2;
                    text.setLength(0);
                }
            } else if (line.strip().equals("```")) {
                if (List.of("bash", "sh", "shell").contains(language)) {
                    blocks.add(new Block(start, text.toString()));
                }
                language = null;
            } else {
                text.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** Splits a block into commands as a shell would: quotes, backslash-newline and comments understood. */
    static List<Command> commands(Block block) {
        List<Command> commands = new ArrayList<>();
        String text = block.text();
        StringBuilder current = new StringBuilder();
        String comment = null;
        List<String> notes = new ArrayList<>();
        int line = block.line();
        int start = line;
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!single && !dbl && current.toString().isBlank() && !Character.isWhitespace(c) && c != '#') {
                start = line;
            }
            if (single) {
                current.append(c);
                single = c != '\'';
            } else if (dbl) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    char next = text.charAt(++i);
                    current.append(next);
                    line += next == '\n' ? 1 : 0;
                } else if (c == '"') {
                    dbl = false;
                }
            } else if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                current.append(c).append(next);
                line += next == '\n' ? 1 : 0;
            } else if (c == '\'') {
                single = true;
                current.append(c);
            } else if (c == '"') {
                dbl = true;
                current.append(c);
            } else if (c == '#' && (current.isEmpty() || Character.isWhitespace(current.charAt(current.length() - 1)))) {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                String note = text.substring(i + 1, end).strip();
                if (current.toString().isBlank()) {
                    if (!commands.isEmpty()) {
                        commands.getLast().notes().add(note);
                    }
                } else {
                    comment = note;
                }
                i = end - 1;
                continue;
            } else if (c == '\n') {
                if (!current.toString().isBlank()) {
                    commands.add(new Command(start, current.toString().strip(), comment, notes));
                    notes = new ArrayList<>();
                }
                current.setLength(0);
                comment = null;
            } else {
                current.append(c);
            }
            if (c == '\n') {
                line++;
            }
        }
        if (!current.toString().isBlank()) {
            commands.add(new Command(start, current.toString().strip(), comment, notes));
        }
        return commands;
    }

    /** The command's words, quotes kept, split on unquoted white space (a backslash-newline is white space). */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (!single && !dbl && c == '\\' && i + 1 < command.length() && command.charAt(i + 1) == '\n') {
                i++;
                c = ' ';
            } else if (!single && c == '\\' && i + 1 < command.length()) {
                word.append(c).append(command.charAt(++i));
                continue;
            }
            if (!single && !dbl && Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            }
            word.append(c);
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean isAssignment(String word) {
        int equals = word.indexOf('=');
        return equals > 0 && NAME.matcher(word.substring(0, equals)).matches();
    }

    private static String unquoted(String value) {
        return value.replaceAll("^([\"'])(.*)\\1$", "$2");
    }

    // ---------------------------------------------------------------------------------------------
    // A run: the blocks in order, one bash each, with what earlier replies carried.

    private static final class Run {
        private final String serverUrl;
        private final List<String> carried = new ArrayList<>();
        private final Map<String, String> captured = new HashMap<>();
        final List<String> failures = new ArrayList<>();
        private final List<String> log = new ArrayList<>();
        private final Map<String, Integer> skipped = new TreeMap<>();
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        int curls;
        int assignments;
        int keptFromTest;

        Run(String serverUrl) {
            this.serverUrl = serverUrl;
        }

        void block(Block block) throws IOException, InterruptedException {
            List<Command> commands = commands(block);
            if (commands.isEmpty()) {
                return;
            }
            log.add("README:" + block.line() + " block");
            try (Shell shell = new Shell()) {
                for (String assignment : carried) {
                    shell.run(assignment);
                }
                for (Command command : commands) {
                    if (!shell.alive()) {
                        failures.add("README:" + command.line() + ": not run, the block's shell is gone");
                        continue;
                    }
                    command(shell, command);
                }
            }
        }

        private void command(Shell shell, Command command) throws IOException, InterruptedException {
            List<String> words = words(command.text());
            int index = !words.isEmpty() && words.getFirst().equals("export") ? 1 : 0;
            boolean export = index == 1;
            List<String> prefix = new ArrayList<>();
            while (index < words.size() && isAssignment(words.get(index))) {
                prefix.add(words.get(index++));
            }
            if (index == words.size() && !prefix.isEmpty()) {
                assignment(shell, command, export, prefix);
            } else if (index < words.size() && words.get(index).equals("curl")) {
                curl(shell, command);
            } else {
                String name = index < words.size() ? words.get(index) : words.getFirst();
                skipped.merge(name, 1, Integer::sum);
                log.add("  README:" + command.line() + "  skip  " + command.firstLine());
            }
        }

        private void assignment(Shell shell, Command command, boolean export, List<String> words) throws IOException, InterruptedException {
            List<String> kept = new ArrayList<>();
            int failed = failures.size();
            for (String word : words) {
                String name = word.substring(0, word.indexOf('='));
                String value = unquoted(word.substring(word.indexOf('=') + 1));
                if (SHELL.containsKey(name)) {
                    keptFromTest++;
                } else if (value.equals("...") || value.equals("…")) {
                    failures.add("README:" + command.line() + ": " + name + " is set to a placeholder nothing can fill: " + command.firstLine());
                } else {
                    kept.add(word);
                }
            }
            if (failures.size() > failed) {
                log.add("  README:" + command.line() + "  FAIL  " + command.firstLine());
                return;
            }
            if (kept.isEmpty()) {
                log.add("  README:" + command.line() + "  env   " + command.firstLine() + "   (the test's value)");
                return;
            }
            String text = substitute(command, (export ? "export " : "") + String.join(" ", kept));
            if (text == null) {
                return;
            }
            Shell.Result result = shell.run(text);
            assignments++;
            log.add("  README:" + command.line() + "  set   " + text);
            if (result.exit() != 0) {
                failures.add("README:" + command.line() + ": exit " + result.exit() + ": " + text + "\n" + result.output());
            } else {
                carried.add(text);
            }
        }

        private void curl(Shell shell, Command command) throws IOException, InterruptedException {
            String text = substitute(command, command.text());
            if (text == null) {
                log.add("  README:" + command.line() + "  FAIL  " + command.firstLine());
                return;
            }
            curls++;
            Shell.Result result = shell.run(text);
            int status = result.status();
            statuses.merge(status, 1, Integer::sum);
            Integer expected = command.expectedStatus();
            log.add("  README:" + command.line() + "  " + (status == 0 ? "---" : status) + "   " + command.firstLine());
            String where = "README:" + command.line() + ": " + command.firstLine() + "\n    ";
            if (status == 0) {
                failures.add(where + "no reply (exit " + result.exit() + "): " + result.body());
            } else if (status >= 500) {
                failures.add(where + "answered " + status + ": " + result.body());
            } else if (expected != null && status != expected) {
                failures.add(where + "answered " + status + ", the README says " + expected + ": " + result.body());
            } else if (expected == null && status / 100 != 2) {
                failures.add(where + "answered " + status + ": " + result.body());
            }
            for (JsonNode reply : replies(result.body())) {
                capture(reply);
                capture(reply.path("trace"));
                for (JsonNode diff : List.of(reply, reply.path("memory_updates"), reply.path("memoryUpdates"))) {
                    if (diff.path("extraction").path("status").asText().equals("failed")) {
                        failures.add(where + "extraction failed: " + diff.path("extraction").path("error").asText());
                    }
                }
            }
        }

        /** The command with the server's address and earlier replies' ids in; {@code null} (and a failure) when one is missing. */
        private String substitute(Command command, String text) {
            String local = LOCAL_URL.matcher(text).replaceAll(Matcher.quoteReplacement(serverUrl));
            Matcher placeholder = PLACEHOLDER.matcher(local);
            StringBuilder out = new StringBuilder();
            while (placeholder.find()) {
                String value = captured.get(placeholder.group(1));
                if (value == null) {
                    failures.add("README:" + command.line() + ": no earlier reply carried a value for " + placeholder.group() + ": "
                            + command.firstLine());
                    return null;
                }
                placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            placeholder.appendTail(out);
            return out.toString();
        }

        private void capture(JsonNode object) {
            object.properties().forEach(field -> {
                Matcher id = CAPTURED.matcher(field.getValue().isTextual() ? field.getValue().asText() : "");
                if (id.matches()) {
                    captured.put(id.group(1), id.group());
                }
            });
        }

        /** The reply as JSON: the body, or each JSON {@code data:} line of an event stream. */
        private static List<JsonNode> replies(String body) {
            try {
                JsonNode json = JSON.readTree(body);
                return json != null && json.isObject() ? List.of(json) : List.of();
            } catch (IOException notJson) {
                List<JsonNode> events = new ArrayList<>();
                for (String line : body.lines().filter(l -> l.startsWith("data:")).toList()) {
                    try {
                        JsonNode data = JSON.readTree(line.substring(5).strip());
                        if (data != null && data.isObject()) {
                            events.add(data);
                        }
                    } catch (IOException ignored) {
                        // a data line that is not JSON carries no id
                    }
                }
                return events;
            }
        }

        String summary(int blocks) {
            StringBuilder summary = new StringBuilder("README examples: ").append(blocks).append(" bash blocks; ").append(curls)
                    .append(" curl commands run, ").append(assignments).append(" assignments run, ").append(keptFromTest)
                    .append(" key assignments kept the test's keys; skipped ").append(skipped.values().stream().mapToInt(Integer::intValue).sum())
                    .append(' ').append(skipped).append("; statuses ").append(statuses).append("; ").append(failures.size()).append(" failures\n");
            log.forEach(line -> summary.append(line).append('\n'));
            failures.forEach(failure -> summary.append("FAILED ").append(failure).append('\n'));
            return summary.toString();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // One bash per block, fed one command at a time.

    private static final class Shell implements AutoCloseable {
        private static final String END = "__README_END__";
        private static final String STATUS = "__README_STATUS__";
        private final Process process;
        private final Writer in;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        record Result(int exit, int status, String body, String output) {
        }

        Shell() throws IOException {
            ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc").redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.matches("(?i)(SPECTRON|OPENAI|ANTHROPIC|GEMINI|GOOGLE|OLLAMA)_.*|.*_proxy"));
            env.putAll(SHELL);
            env.put("NO_PROXY", "*");
            process = builder.start();
            in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread.ofVirtual().start(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the shell is gone; run() reports it
                }
                lines.add(END + " gone");
            });
            send("curl() { command curl -sS -w '\\n" + STATUS + "%{http_code}\\n' \"$@\" </dev/null; }\n");
        }

        boolean alive() {
            return process.isAlive();
        }

        private void send(String text) throws IOException {
            in.write(text);
            in.flush();
        }

        Result run(String command) throws IOException, InterruptedException {
            send(command + "\nprintf '\\n" + END + " %s\\n' \"$?\"\n");
            List<String> output = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    process.destroyForcibly();
                    return new Result(-1, 0, "timed out after 120 s; output so far:\n" + String.join("\n", output), String.join("\n", output));
                }
                if (line.startsWith(END)) {
                    String code = line.substring(END.length()).strip();
                    int exit = code.matches("\\d+") ? Integer.parseInt(code) : -1;
                    return result(exit, output);
                }
                output.add(line);
            }
        }

        private static Result result(int exit, List<String> output) {
            int status = 0;
            List<String> body = new ArrayList<>();
            for (String line : output) {
                if (line.startsWith(STATUS)) {
                    String code = line.substring(STATUS.length()).strip();
                    status = code.matches("\\d+") ? Integer.parseInt(code) : 0;
                } else {
                    body.add(line);
                }
            }
            String text = String.join("\n", body).strip();
            return new Result(exit, status, text, String.join("\n", output));
        }

        @Override
        public void close() throws InterruptedException {
            try {
                in.close();
            } catch (IOException ignored) {
                // already gone
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
