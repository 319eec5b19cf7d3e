package dev.spectron.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's packages must form a DAG (issue 13): each feature package above the ports, the values
 * the ports carry below them. Reads the imports of core's main sources (a sub-package counts as
 * its feature, e.g. {@code extraction.heuristics} as {@code extraction}) and finds the strongly
 * connected components of the package graph.
 *
 * <p>A ratchet while the records under {@code port} still live in the feature packages (moving
 * them rewrites imports in the store modules): {@link #KNOWN_CYCLES} lists the components that
 * exist today. A new cycle, or a known one that grows, fails; when a component shrinks or goes,
 * the test says so, and the list must shrink with it.
 */
class PackageCyclesTest {
    private static final Path MAIN = Path.of("src/main/java/dev/spectron/core");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.spectron\\.core\\.([a-z]+)\\.", Pattern.MULTILINE);

    /**
     * Today's package cycles, to be emptied by moving the port records below {@code port}. {@code trace}
     * joined when traces became durable: its writer is built on {@code MemoryStore} and the read path
     * records through it, so while {@code port} imports feature records, it closes the loop; it leaves
     * with them.
     */
    private static final Set<Set<String>> KNOWN_CYCLES = Set.of(new TreeSet<>(List.of(
            "auth", "change", "context", "extraction", "idempotency", "ingest", "memory", "port", "reconcile",
            "retrieval", "session", "trace")));

    @Test
    void core_packages_form_no_cycle_beyond_the_known_ones() throws IOException {
        // given
        Map<String, Set<String>> graph = packageGraph();

        // when
        List<Set<String>> cycles = stronglyConnected(graph).stream().filter(component -> component.size() > 1).toList();

        // then
        assertThat(cycles).as("package cycles in spectron-core (graph: %s)", graph).allSatisfy(cycle ->
                assertThat(KNOWN_CYCLES).as("a new or grown cycle %s", cycle).anySatisfy(known -> assertThat(known).containsAll(cycle)));
        assertThat(new TreeSet<>(cycles.stream().map(Object::toString).toList()))
                .as("a known cycle shrank or went: shrink KNOWN_CYCLES to what remains")
                .isEqualTo(new TreeSet<>(KNOWN_CYCLES.stream().map(Object::toString).toList()));
    }

    @Test
    void the_model_and_embedding_values_depend_on_no_feature() throws IOException {
        Map<String, Set<String>> graph = packageGraph();
        assertThat(graph.get("model")).isEmpty();
        assertThat(graph.get("embedding")).containsOnly("model");
    }

    private static Map<String, Set<String>> packageGraph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // core's root: exceptions and ids, imported by all, importing none
                }
                String from = relative.getName(0).toString();
                Set<String> targets = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        targets.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    /** Tarjan's algorithm. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                visit(node, graph, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void visit(String node, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                              Deque<String> stack, Set<String> onStack, List<Set<String>> out, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]++);
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next, graph, index, low, stack, onStack, out, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            out.add(component);
        }
    }
}
