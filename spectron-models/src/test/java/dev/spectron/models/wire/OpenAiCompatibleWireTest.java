package dev.spectron.models.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.core.model.ModelSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An OpenAI-compatible server (vLLM, llama.cpp, LM Studio, Ollama's /v1) named by {@code base_url}
 * in the config's map form: no key anywhere, so none may be sent. The wire format is OpenAI's.
 */
class OpenAiCompatibleWireTest extends OpenAiWireTest {

    @Test
    void talks_plain_http_1_1_to_a_local_server_without_an_h2c_upgrade() {
        stubChat(ok("chat-success.json"));

        model().complete(CONVERSATION);

        assertThat(chatRequests().getFirst().containsHeader("Upgrade")).isFalse();
    }

    @Override
    protected ModelSpec spec(String serverUrl) {
        return ModelSpec.parse(Map.of("provider", "openai", "model", "Qwen/Qwen2.5-7B-Instruct", "base_url", serverUrl + "/v1"));
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of();
    }

    @Override
    protected void assertKeySent(LoggedRequest request) {
        assertThat(request.containsHeader("Authorization")).isFalse();
    }
}
