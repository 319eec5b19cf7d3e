package dev.spectron.models;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.spectron.core.model.LanguageModel;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelMessage;
import dev.spectron.core.model.ModelProvider;
import dev.spectron.core.model.ModelRequest;
import dev.spectron.core.model.ModelSpec;
import dev.spectron.models.anthropic.AnthropicLanguageModel;
import dev.spectron.models.builtin.BuiltinLanguageModel;
import dev.spectron.models.chat.ModelOptions;
import dev.spectron.models.gemini.GeminiLanguageModel;
import dev.spectron.models.ollama.OllamaLanguageModel;
import dev.spectron.models.openai.OpenAiLanguageModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LanguageModelsTest {

    @RegisterExtension
    static final WireMockExtension WIRE = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Map<String, String> NO_CONTEXT_KEYS = Map.of();

    @Test
    void resolves_each_provider_to_its_adapter() {
        LanguageModels models = factory(Map.of("OPENAI_API_KEY", "sk-env", "ANTHROPIC_API_KEY", "sk-ant-env",
                "GEMINI_API_KEY", "g-env"));

        assertThat(models.resolve(ModelSpec.builtin(), NO_CONTEXT_KEYS)).isInstanceOf(BuiltinLanguageModel.class);
        assertThat(models.resolve(ModelSpec.parse("openai/gpt-4o-mini"), NO_CONTEXT_KEYS)).isInstanceOf(OpenAiLanguageModel.class);
        assertThat(models.resolve(ModelSpec.parse("anthropic/claude-sonnet-4-5"), NO_CONTEXT_KEYS))
                .isInstanceOf(AnthropicLanguageModel.class);
        assertThat(models.resolve(ModelSpec.parse("gemini/gemini-2.5-flash"), NO_CONTEXT_KEYS))
                .isInstanceOf(GeminiLanguageModel.class);
        assertThat(models.resolve(ModelSpec.parse("ollama/llama3.1:8b"), NO_CONTEXT_KEYS)).isInstanceOf(OllamaLanguageModel.class);
    }

    @Test
    void fails_at_resolution_when_openai_has_no_key_saying_where_to_set_one() {
        assertMisconfigured(() -> factory(Map.of()).resolve(ModelSpec.parse("openai/gpt-4o-mini"), NO_CONTEXT_KEYS),
                "openai/gpt-4o-mini needs an API key", "OPENAI_API_KEY", "\"providers\": {\"openai\": \"<key>\"}",
                "\"api_key\"", "base_url");
    }

    @Test
    void fails_at_resolution_when_anthropic_or_gemini_has_no_key() {
        assertMisconfigured(() -> factory(Map.of()).resolve(ModelSpec.parse("anthropic/claude-sonnet-4-5"), NO_CONTEXT_KEYS),
                "ANTHROPIC_API_KEY");
        assertMisconfigured(() -> factory(Map.of()).resolve(ModelSpec.parse("gemini/gemini-2.5-flash"), NO_CONTEXT_KEYS),
                "GEMINI_API_KEY or GOOGLE_API_KEY");
    }

    @Test
    void needs_no_key_for_an_openai_compatible_server_or_ollama() {
        LanguageModels models = factory(Map.of());

        assertThat(models.resolve(ModelSpec.parse(Map.of("provider", "openai", "model", "qwen2.5",
                "base_url", "http://localhost:8000/v1")), NO_CONTEXT_KEYS)).isNotNull();
        assertThat(factory(Map.of("OPENAI_BASE_URL", "http://localhost:1234/v1"))
                .resolve(ModelSpec.parse("openai/local-model"), NO_CONTEXT_KEYS)).isNotNull();
        assertThat(models.resolve(ModelSpec.parse("ollama/llama3.1:8b"), NO_CONTEXT_KEYS)).isNotNull();
    }

    @Test
    void still_needs_a_key_when_the_base_url_is_openai_itself() {
        ModelSpec spec = ModelSpec.parse(Map.of("provider", "openai", "model", "gpt-4o", "base_url", "https://api.openai.com/v1"));

        assertMisconfigured(() -> factory(Map.of()).resolve(spec, NO_CONTEXT_KEYS), "OPENAI_API_KEY");
    }

    @Test
    void rejects_a_base_url_from_the_environment_naming_the_variable() {
        assertMisconfigured(() -> factory(Map.of("OLLAMA_BASE_URL", "localhost:11434"))
                        .resolve(ModelSpec.parse("ollama/llama3.1:8b"), NO_CONTEXT_KEYS),
                "environment variable OLLAMA_BASE_URL", "base_url 'localhost:11434'");
    }

    @Test
    void takes_the_context_key_over_the_environment() {
        sendOneChat(factory(Map.of("OPENAI_API_KEY", "sk-env")), openAiAtWireMock(null), Map.of("openai", "sk-context"));

        assertThat(sentAuthorization()).isEqualTo("Bearer sk-context");
    }

    @Test
    void takes_the_spec_key_over_the_context_and_the_environment() {
        sendOneChat(factory(Map.of("OPENAI_API_KEY", "sk-env")), openAiAtWireMock("sk-spec"), Map.of("openai", "sk-context"));

        assertThat(sentAuthorization()).isEqualTo("Bearer sk-spec");
    }

    @Test
    void falls_back_to_the_environment_key() {
        sendOneChat(factory(Map.of("OPENAI_API_KEY", "sk-env")), openAiAtWireMock(null), NO_CONTEXT_KEYS);

        assertThat(sentAuthorization()).isEqualTo("Bearer sk-env");
    }

    @Test
    void prefers_gemini_api_key_to_google_api_key() {
        ProviderCredentials credentials = ProviderCredentials.of(Map.of("GEMINI_API_KEY", "g1", "GOOGLE_API_KEY", "g2"));

        assertThat(credentials.apiKey(ModelProvider.GEMINI)).contains("g1");
        assertThat(ProviderCredentials.of(Map.of("GOOGLE_API_KEY", "g2")).apiKey(ModelProvider.GEMINI)).contains("g2");
        assertThat(credentials).hasToString("ProviderCredentials[values hidden]");
    }

    private static LanguageModels factory(Map<String, String> environment) {
        return LanguageModels.create(ProviderCredentials.of(environment), ModelOptions.defaults());
    }

    private static ModelSpec openAiAtWireMock(String apiKey) {
        return new ModelSpec(ModelProvider.OPENAI, "gpt-4o-mini", WIRE.baseUrl() + "/v1", apiKey);
    }

    private static void sendOneChat(LanguageModels models, ModelSpec spec, Map<String, String> contextKeys) {
        WIRE.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(openAiSuccessFixture())));
        LanguageModel model = models.resolve(spec, contextKeys);
        model.complete(ModelRequest.of("", List.of(ModelMessage.user("hi"))));
    }

    private static String openAiSuccessFixture() {
        try (InputStream in = LanguageModelsTest.class.getResourceAsStream("/wire/openai/chat-success.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sentAuthorization() {
        return WIRE.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).getFirst().getHeader("Authorization");
    }

    private static void assertMisconfigured(ThrowingCallable call, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.kind()).isEqualTo(ModelException.Kind.MISCONFIGURED);
            assertThat(e.getMessage()).contains(messageParts);
        });
    }
}
