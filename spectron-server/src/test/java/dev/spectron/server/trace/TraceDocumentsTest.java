package dev.spectron.server.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spectron.core.retrieval.TraceLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Stored traces are answered as stored, so their rendering is pinned: the documents in
 * {@code src/test/resources/traces/} were rendered by {@code TraceRoutes} before traces were
 * stored, and only the key order of the small objects inside ({@code messages}, {@code returned}),
 * which came from {@code Map.of} and so changed from one JVM to the next, is now fixed.
 */
class TraceDocumentsTest {
    private final TraceDocuments documents = new TraceDocuments();

    @Test
    void a_retrieval_trace_renders_as_before() throws IOException {
        String rendered = documents.render(new TraceLog.Trace(TraceFixtures.CONTEXT, TraceFixtures.QUERY, TraceFixtures.retrieval(), TraceFixtures.AT));
        assertThat(rendered).isEqualTo(golden("retrieval.json"));
    }

    @Test
    void a_response_trace_renders_as_before() throws IOException {
        assertThat(documents.render(TraceFixtures.response())).isEqualTo(golden("response.json"));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = TraceDocumentsTest.class.getResourceAsStream("/traces/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
