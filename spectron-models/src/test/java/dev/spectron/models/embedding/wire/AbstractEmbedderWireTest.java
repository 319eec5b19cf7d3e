package dev.spectron.models.embedding.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.core.embedding.Embedder;
import dev.spectron.core.embedding.EmbeddingSpec;
import dev.spectron.core.model.ModelException;
import dev.spectron.models.Embedders;
import dev.spectron.models.ProviderCredentials;
import dev.spectron.models.chat.ModelOptions;
import dev.spectron.models.chat.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The wire scenarios every embedding provider must pass: each replays the provider's documented
 * bodies from {@code wire/<provider>/} through an embedder resolved by the real factory, and
 * asserts what the client sent, what it made of the answer, and how it retried.
 */
abstract class AbstractEmbedderWireTest {

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String KEY = "test-key";
    static final List<String> TEXTS = List.of("I adopted a puppy", "The stock market fell");
    /** Short waits so the retry scenarios run in milliseconds. */
    static final ModelOptions OPTIONS = new ModelOptions(Duration.ofSeconds(5),
            new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(1)));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The folder under {@code wire/} holding this provider's fixtures. */
    protected abstract String fixtureDir();

    /** The spec under test, pointed at {@code serverUrl} where the provider takes a base URL. */
    protected abstract EmbeddingSpec spec(String serverUrl);

    /** The environment the factory reads keys and base URLs from. */
    protected abstract Map<String, String> environment();

    protected abstract String embedPath();

    /** The vectors of {@code embeddings-success.json}, in order, as the provider wrote them. */
    protected abstract List<float[]> fixtureVectors(JsonNode answer);

    protected abstract void assertKeySent(LoggedRequest request);

    /** Checks the model, the inputs in order and the size field (or its absence) the request carried. */
    protected abstract void assertBatchSent(JsonNode body, List<String> texts);

    @Test
    void embeds_a_batch_in_order_sending_the_model_and_the_inputs() {
        // given
        stub(ok("embeddings-success.json"));

        // when
        List<float[]> vectors = embedder().embedAll(TEXTS);

        // then
        List<float[]> written = fixtureVectors(tree(fixture("embeddings-success.json")));
        assertThat(vectors).hasSize(2);
        for (int i = 0; i < vectors.size(); i++) {
            assertThat(norm(vectors.get(i))).isCloseTo(1.0, within(1e-6));
            assertThat(cosine(vectors.get(i), written.get(i))).isCloseTo(1.0, within(1e-6));
        }
        assertThat(requests()).hasSize(1);
        assertKeySent(requests().getFirst());
        assertBatchSent(body(requests().getFirst()), TEXTS);
    }

    @Test
    void retries_once_after_429_then_succeeds() {
        stub(error(429), ok("embeddings-success.json"));

        assertThat(embedder().embedAll(TEXTS)).hasSize(2);

        assertThat(requests()).hasSize(2);
    }

    @Test
    void gives_up_after_two_retries_on_500_as_unavailable() {
        stub(error(500));

        ModelException failure = assertModelFailure(() -> embedder().embedAll(TEXTS), ModelException.Kind.UNAVAILABLE);

        assertThat(requests()).hasSize(3);
        assertThat(failure.getMessage()).contains("500");
    }

    @Test
    void fails_on_401_as_authentication_without_retrying() {
        stub(error(401));

        assertModelFailure(() -> embedder().embedAll(TEXTS), ModelException.Kind.AUTHENTICATION);

        assertThat(requests()).hasSize(1);
    }

    // --- helpers ---

    Embedder embedder() {
        return Embedders.create(ProviderCredentials.of(environment()), OPTIONS).resolve(spec(WIRE.baseUrl()), Map.of());
    }

    String fixture(String name) {
        String path = "/wire/" + fixtureDir() + "/" + name;
        try (InputStream in = getClass().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ResponseDefinitionBuilder ok(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(fixture(fixture));
    }

    ResponseDefinitionBuilder error(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(fixture("error-" + status + ".json"));
    }

    /** Answers the embedding endpoint with {@code responses} in turn; the last one repeats. */
    void stub(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? STARTED : "answer-" + i;
            WIRE.stubFor(post(urlPathEqualTo(embedPath()))
                    .inScenario(embedPath())
                    .whenScenarioStateIs(state)
                    .willSetStateTo(i == responses.length - 1 ? state : "answer-" + (i + 1))
                    .willReturn(responses[i]));
        }
    }

    List<LoggedRequest> requests() {
        return WIRE.findAll(postRequestedFor(urlPathEqualTo(embedPath())));
    }

    static JsonNode body(LoggedRequest request) {
        return tree(request.getBodyAsString());
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static float[] floats(JsonNode array) {
        float[] vector = new float[array.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) array.get(i).asDouble();
        }
        return vector;
    }

    static ModelException assertModelFailure(ThrowingCallable call, ModelException.Kind kind) {
        ModelException[] caught = new ModelException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.kind()).as("kind of %s", e.getMessage()).isEqualTo(kind);
            caught[0] = e;
        });
        return caught[0];
    }

    private static double norm(float[] vector) {
        return Math.sqrt(dot(vector, vector));
    }

    private static double cosine(float[] a, float[] b) {
        return dot(a, b) / (norm(a) * norm(b));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
