package dev.spectron.core.chat;

import dev.spectron.core.retrieval.ContextBlock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The items a reply cites: each {@code [S1]}-style marker in the reply that names an item the
 * prompt carried, once, in order of first use. Markers the prompt did not carry (a model inventing
 * {@code [S9]}) resolve to nothing, so a citation always points at retrieved memory.
 */
public final class Citations {
    private static final Pattern MARKER = Pattern.compile("\\[(S\\d{1,3})]");

    private Citations() {
    }

    public static List<ContextBlock.Cited> resolve(String reply, List<ContextBlock.Cited> carried) {
        Map<String, ContextBlock.Cited> byMarker = carried.stream()
                .collect(Collectors.toMap(ContextBlock.Cited::marker, Function.identity(), (a, b) -> a));
        Set<String> used = new LinkedHashSet<>();
        Matcher matcher = MARKER.matcher(reply);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        return used.stream().filter(byMarker::containsKey).map(byMarker::get).toList();
    }
}
