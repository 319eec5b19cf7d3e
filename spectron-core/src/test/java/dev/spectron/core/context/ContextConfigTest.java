package dev.spectron.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spectron.core.InvalidInputException;
import dev.spectron.core.UnprocessableException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextConfigTest {
    @Test
    void merge_patches_objects_recursively_and_replaces_other_values() {
        ContextConfig base = ContextConfig.of(Map.of("models", Map.of("extraction", "openai/gpt-4o-mini", "response", "builtin"),
                "limits", List.of(1, 2)));
        ContextConfig merged = base.merge(Map.of("models", Map.of("response", Map.of("provider", "anthropic", "model", "claude")),
                "limits", List.of(3)));
        assertThat(merged.asMap()).isEqualTo(Map.of(
                "models", Map.of("extraction", "openai/gpt-4o-mini", "response", Map.of("provider", "anthropic", "model", "claude")),
                "limits", List.of(3)));
        assertThat(base.asMap().get("limits")).isEqualTo(List.of(1, 2));
    }

    @Test
    void null_in_a_patch_removes_the_key() {
        Map<String, Object> removal = new HashMap<>();
        removal.put("extraction", null);
        ContextConfig merged = ContextConfig.of(Map.of("models", Map.of("extraction", "x", "response", "y"))).merge(Map.of("models", removal));
        assertThat(merged.asMap()).isEqualTo(Map.of("models", Map.of("response", "y")));
    }

    @Test
    void public_view_hides_secrets_and_lists_configured_providers() {
        ContextConfig config = ContextConfig.of(Map.of(
                "providers", Map.of("openai", "sk-1", "anthropic", "sk-2"),
                "models", Map.of("response", Map.of("provider", "openai", "model", "gpt", "api_key", "sk-3"))));
        Map<String, Object> view = config.publicView();
        assertThat(view).doesNotContainKey("providers");
        assertThat(view.get("providers_configured")).isEqualTo(List.of("anthropic", "openai"));
        assertThat(view.toString()).doesNotContain("sk-");
        assertThat(config.toString()).doesNotContain("sk-");
        assertThat(config.asMap().toString()).contains("sk-1", "sk-3");
    }

    @Test
    void typed_settings_are_read_once_from_the_tree() {
        ContextConfig config = ContextConfig.of(Map.of(
                "models", Map.of("extraction", "ollama/llama3.1:8b", "synthesis", Map.of("provider", "openai", "model", "gpt"),
                        "embedding", "onnx/bge-small-en-v1.5"),
                "reconciliation", Map.of("confidence_floor", 0.8),
                "providers", Map.of("openai", "sk-1", "gemini", " ")));
        assertThat(config.models().extraction()).contains(new ModelChoice("ollama/llama3.1:8b"));
        assertThat(config.models().response()).isEmpty();
        assertThat(config.models().answering().map(ModelChoice::raw)).contains(Map.of("provider", "openai", "model", "gpt"));
        assertThat(config.models().embedding().orElseThrow().embeddingModel().model()).isEqualTo("bge-small-en-v1.5");
        assertThat(config.confidenceFloor()).isEqualTo(0.8);
        assertThat(config.providerKeys()).isEqualTo(Map.of("openai", "sk-1"));
    }

    @Test
    void settings_of_the_wrong_shape_fall_back_as_they_always_have() {
        ContextConfig config = ContextConfig.of(Map.of("models", "builtin", "reconciliation", Map.of("confidence_floor", "high"),
                "providers", "openai"));
        assertThat(config.models()).isEqualTo(ModelSettings.NONE);
        assertThat(config.confidenceFloor()).isEqualTo(ContextConfig.DEFAULT_CONFIDENCE_FLOOR);
        assertThat(config.providerKeys()).isEmpty();
        assertThat(ContextConfig.of(Map.of("reconciliation", Map.of("confidence_floor", 2))).confidenceFloor())
                .isEqualTo(ContextConfig.DEFAULT_CONFIDENCE_FLOOR);
    }

    @Test
    void context_ids_are_validated_and_reserved_names_refused() {
        assertThat(new ContextId("acme-prod_2.eu").value()).isEqualTo("acme-prod_2.eu");
        assertThatThrownBy(() -> new ContextId("-lead")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ContextId("a".repeat(65))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ContextId("with space")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ContextId.forNewContext("Contexts")).isInstanceOf(UnprocessableException.class);
        assertThat(new ContextId("contexts").value()).isEqualTo("contexts");
    }
}
