package dev.spectron.models.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.core.model.JsonSchemaSpec;
import dev.spectron.core.model.LanguageModel;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelMessage;
import dev.spectron.core.model.ModelRequest;
import dev.spectron.core.model.ModelSpec;
import dev.spectron.models.LanguageModels;
import dev.spectron.models.ProviderCredentials;
import dev.spectron.models.chat.ModelOptions;
import dev.spectron.models.chat.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every provider's wire test shares: a WireMock server on a random port replaying the
 * provider's documented bodies from {@code wire/<provider>/}, a model resolved through the real
 * factory and pointed at it, and helpers to read back what the client sent. The scenarios
 * themselves live in {@link AbstractProviderWireTest}; subclasses say where each wire field is.
 */
abstract class WireTestSupport {

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String SYSTEM = "You are a careful assistant.";
    static final ModelRequest CONVERSATION = ModelRequest.of(SYSTEM, List.of(
            ModelMessage.user("Hi, I'm Ada."),
            ModelMessage.assistant("Hello Ada! How can I help?"),
            ModelMessage.user("I moved to London last year.")));
    static final List<SentMessage> SENT_CONVERSATION = List.of(
            SentMessage.system(SYSTEM),
            SentMessage.user("Hi, I'm Ada."),
            SentMessage.assistant("Hello Ada! How can I help?"),
            SentMessage.user("I moved to London last year."));
    static final String SCHEMA_JSON = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
            + "\"city\":{\"type\":\"string\"}},\"required\":[\"name\",\"city\"],\"additionalProperties\":false}";
    static final JsonSchemaSpec PERSON = new JsonSchemaSpec("person", SCHEMA_JSON);
    static final String PERSON_JSON = "{\"name\":\"Ada\",\"city\":\"London\"}";
    static final String SUCCESS_TEXT = "Noted: you moved to London last year.";
    static final String KEY = "test-key";
    /** Short waits so the retry scenarios run in milliseconds; Retry-After above a second is not sat out. */
    static final RetryPolicy FAST_RETRIES = new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(1));
    static final ModelOptions OPTIONS = new ModelOptions(Duration.ofSeconds(5), FAST_RETRIES);

    // --- where the provider keeps things ---

    /** The folder under {@code wire/} holding this provider's fixtures. */
    protected abstract String fixtureDir();

    /** The spec under test, pointed at {@code serverUrl}. */
    protected abstract ModelSpec spec(String serverUrl);

    /** The environment the factory reads keys from. */
    protected abstract Map<String, String> environment();

    protected abstract String chatPath();

    protected abstract String streamPath();

    protected abstract String streamFixture();

    protected abstract String streamContentType();

    /** The model id the fixtures report. */
    protected abstract String answeringModel();

    protected abstract void assertKeySent(LoggedRequest request);

    protected abstract void assertStreamRequested(LoggedRequest request, JsonNode body);

    protected abstract String sentModel(LoggedRequest request, JsonNode body);

    protected abstract List<SentMessage> sentMessages(JsonNode body);

    /** The JSON schema the request carried, after checking the provider's wrapper fields around it. */
    protected abstract JsonNode sentSchema(JsonNode body);

    // --- helpers ---

    LanguageModel model() {
        return model(OPTIONS);
    }

    LanguageModel model(ModelOptions options) {
        return LanguageModels.create(ProviderCredentials.of(environment()), options)
                .resolve(spec(WIRE.baseUrl()), Map.of());
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

    /** Answers the chat endpoint with {@code responses} in turn; the last one repeats. */
    void stubChat(ResponseDefinitionBuilder... responses) {
        stubSequence(chatPath(), responses);
    }

    void stubSequence(String path, ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? STARTED : "answer-" + i;
            WIRE.stubFor(post(urlPathEqualTo(path))
                    .inScenario(path)
                    .whenScenarioStateIs(state)
                    .willSetStateTo(i == responses.length - 1 ? state : "answer-" + (i + 1))
                    .willReturn(responses[i]));
        }
    }

    List<LoggedRequest> chatRequests() {
        return WIRE.findAll(postRequestedFor(urlPathEqualTo(chatPath())));
    }

    static JsonNode body(LoggedRequest request) {
        try {
            return MAPPER.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a content field that is either a string or a list of {@code {type: text, text}} blocks. */
    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asText()));
        return text.toString();
    }

    static ModelException assertModelFailure(ThrowingCallable call, ModelException.Kind kind) {
        ModelException[] caught = new ModelException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.kind()).as("kind of %s", e.getMessage()).isEqualTo(kind);
            caught[0] = e;
        });
        return caught[0];
    }
}
