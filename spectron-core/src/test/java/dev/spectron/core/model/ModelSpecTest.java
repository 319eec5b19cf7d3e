package dev.spectron.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

    @Test
    void splits_a_string_at_the_first_slash() {
        assertThat(ModelSpec.parse("openai/gpt-4o-mini")).isEqualTo(ModelSpec.of(ModelProvider.OPENAI, "gpt-4o-mini"));
        assertThat(ModelSpec.parse("ollama/llama3.1:8b")).isEqualTo(ModelSpec.of(ModelProvider.OLLAMA, "llama3.1:8b"));
        assertThat(ModelSpec.parse("openai/meta-llama/Llama-3.1-8B").model()).isEqualTo("meta-llama/Llama-3.1-8B");
    }

    @Test
    void accepts_builtin_alone() {
        assertThat(ModelSpec.parse("builtin")).isEqualTo(ModelSpec.builtin());
        assertThat(ModelSpec.parse(Map.of("provider", "builtin"))).isEqualTo(ModelSpec.builtin());
    }

    @Test
    void reads_the_map_form_with_snake_case_or_camel_case_keys() {
        ModelSpec snake = ModelSpec.parse(Map.of("provider", "openai", "model", "qwen2.5",
                "base_url", "http://localhost:8000/v1/", "api_key", "sk-test"));
        ModelSpec camel = ModelSpec.parse(Map.of("provider", "openai", "model", "qwen2.5",
                "baseUrl", "http://localhost:8000/v1", "apiKey", "sk-test"));

        assertThat(snake).isEqualTo(camel);
        assertThat(snake.baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(snake.apiKey()).isEqualTo("sk-test");
    }

    @Test
    void never_prints_the_api_key() {
        ModelSpec spec = new ModelSpec(ModelProvider.ANTHROPIC, "claude-sonnet-4-5", null, "sk-ant-secret");

        assertThat(spec.toString()).doesNotContain("sk-ant-secret").contains("anthropic/claude-sonnet-4-5", "***");
    }

    @Test
    void rejects_an_unknown_provider_listing_the_supported_ones() {
        assertMisconfigured(() -> ModelSpec.parse("mistral/large"),
                "unknown model provider 'mistral'", "builtin, openai, anthropic, gemini, ollama");
        assertMisconfigured(() -> ModelSpec.parse(Map.of("provider", "azure", "model", "x")),
                "unknown model provider 'azure'", "builtin, openai, anthropic, gemini, ollama");
    }

    @Test
    void rejects_an_empty_model_name() {
        assertMisconfigured(() -> ModelSpec.parse("openai/"), "model name is empty for provider 'openai'", "openai/<model>");
        assertMisconfigured(() -> ModelSpec.parse("openai"), "model name is missing in 'openai'", "openai/<model>");
        assertMisconfigured(() -> ModelSpec.parse(Map.of("provider", "gemini")), "model name is empty for provider 'gemini'");
    }

    @Test
    void rejects_a_string_that_names_no_provider() {
        assertMisconfigured(() -> ModelSpec.parse("gpt-4o"), "'gpt-4o' is not a model spec", "provider/model");
    }

    @Test
    void rejects_a_base_url_that_is_not_http() {
        assertMisconfigured(() -> ModelSpec.parse(Map.of("provider", "openai", "model", "m", "base_url", "localhost:8000")),
                "base_url 'localhost:8000'", "http://localhost:8000/v1");
        assertMisconfigured(() -> ModelSpec.parse(Map.of("provider", "ollama", "model", "m", "base_url", "http://exa mple")),
                "base_url 'http://exa mple'");
    }

    @Test
    void rejects_unknown_and_mistyped_fields() {
        assertMisconfigured(() -> ModelSpec.parse(Map.of("provider", "openai", "model", "m", "base-url", "http://x")),
                "unknown model spec field(s) [base-url]", "base_url");
        assertMisconfigured(() -> ModelSpec.parse(Map.of("provider", "openai", "model", 4)),
                "\"model\" must be a string");
    }

    @Test
    void does_not_echo_a_mistyped_api_key() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("provider", "openai");
        spec.put("model", "m");
        spec.put("api_key", 123456789L);

        assertThatThrownBy(() -> ModelSpec.parse(spec)).hasMessageNotContaining("123456789");
    }

    @Test
    void rejects_values_that_are_neither_string_nor_object() {
        assertMisconfigured(() -> ModelSpec.parse(List.of("openai")), "must be a \"provider/model\" string or an object");
        assertMisconfigured(() -> ModelSpec.parse(null), "got nothing");
        assertMisconfigured(() -> ModelSpec.parse(Map.of("model", "m")), "has no \"provider\"");
    }

    private static void assertMisconfigured(ThrowingCallable call, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ModelException.class, e -> {
            assertThat(e.kind()).isEqualTo(ModelException.Kind.MISCONFIGURED);
            assertThat(e.getMessage()).contains(messageParts);
        });
    }
}
