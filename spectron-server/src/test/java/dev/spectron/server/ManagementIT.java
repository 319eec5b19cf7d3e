package dev.spectron.server;

import static dev.spectron.server.testing.TestServer.MANAGEMENT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spectron.server.testing.TestHttp;
import dev.spectron.server.testing.TestHttp.Reply;
import dev.spectron.server.testing.ServerExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ManagementIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();
    static final TestHttp http = SERVER.http();

    @Test
    void contexts_are_created_listed_fetched_and_deleted() {
        Reply created = http.post("/api/v1/contexts").bearer(MANAGEMENT_KEY).json(Map.of("id", "acme-prod", "description", "Acme")).send();
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo("acme-prod");
        assertThat(created.json().get("description").asText()).isEqualTo("Acme");
        assertThat(http.post("/api/v1/contexts/acme-prod").bearer(MANAGEMENT_KEY).send().status()).isEqualTo(409);
        assertThat(http.get("/api/v1/contexts").bearer(MANAGEMENT_KEY).send().json().get("contexts").findValuesAsText("id"))
                .contains("default", "acme-prod");
        assertThat(http.get("/api/v1/contexts/acme-prod").bearer(MANAGEMENT_KEY).send().json().get("created_at").asText()).isNotBlank();

        String key = mint("acme-prod", "app").get("key").asText();
        assertThat(http.delete("/api/v1/contexts/acme-prod").bearer(MANAGEMENT_KEY).send().status()).isEqualTo(204);
        assertThat(http.get("/api/v1/contexts/acme-prod").bearer(MANAGEMENT_KEY).send().status()).isEqualTo(404);
        assertThat(http.get("/api/v1/acme-prod/sessions").bearer(key).send().status()).isEqualTo(401);
        assertThat(http.delete("/api/v1/contexts/acme-prod").bearer(MANAGEMENT_KEY).send().status()).isEqualTo(404);
    }

    @Test
    void invalid_and_reserved_context_ids_are_refused() {
        Reply invalid = http.post("/api/v1/contexts").bearer(MANAGEMENT_KEY).json(Map.of("id", "no spaces")).send();
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("detail").asText()).contains("context id must be");
        assertThat(http.post("/api/v1/contexts").bearer(MANAGEMENT_KEY).json(Map.of("id", "health")).send().status()).isEqualTo(422);
        assertThat(http.post("/api/v1/contexts").bearer(MANAGEMENT_KEY).json(Map.of()).send().status()).isEqualTo(400);
    }

    @Test
    void config_patch_deep_merges_and_hides_provider_secrets() {
        assertThat(http.post("/api/v1/contexts/cfg").bearer(MANAGEMENT_KEY)
                .json(Map.of("config", Map.of("models", Map.of("extraction", "ollama/llama3.1:8b")))).send().status()).isEqualTo(201);
        Reply patched = http.patch("/api/v1/contexts/cfg").bearer(MANAGEMENT_KEY).json(Map.of("config", Map.of(
                "models", Map.of("response", Map.of("provider", "anthropic", "model", "claude-x", "api_key", "sk-ant-secret")),
                "providers", Map.of("openai", "sk-openai-secret")))).send();
        assertThat(patched.status()).isEqualTo(200);
        JsonNode config = patched.json().get("config");
        assertThat(config.get("models").get("extraction").asText()).isEqualTo("ollama/llama3.1:8b");
        assertThat(config.get("models").get("response").get("model").asText()).isEqualTo("claude-x");
        assertThat(config.get("models").get("response").has("api_key")).isFalse();
        assertThat(config.has("providers")).isFalse();
        assertThat(config.get("providers_configured").findValuesAsText("")).isEmpty();
        assertThat(TestHttp.json(config.get("providers_configured"))).isEqualTo("[\"openai\"]");
        assertThat(patched.body()).doesNotContain("secret");

        // null removes a key (JSON merge patch)
        Map<String, Object> removal = new HashMap<>();
        removal.put("extraction", null);
        JsonNode after = http.patch("/api/v1/contexts/cfg").bearer(MANAGEMENT_KEY).json(Map.of("config", Map.of("models", removal))).send().json();
        assertThat(after.get("config").get("models").has("extraction")).isFalse();
        assertThat(after.get("config").get("models").has("response")).isTrue();
        assertThat(http.get("/api/v1/contexts/cfg").bearer(MANAGEMENT_KEY).send().body()).doesNotContain("secret");
    }

    @Test
    void a_model_without_its_key_is_refused_when_configured_not_at_the_first_turn() {
        http.post("/api/v1/contexts/nokey").bearer(MANAGEMENT_KEY).send();
        Reply refused = http.patch("/api/v1/contexts/nokey").bearer(MANAGEMENT_KEY)
                .json(Map.of("config", Map.of("models", Map.of("extraction", "anthropic/claude-haiku-4-5")))).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("config.models.extraction");
        assertThat(refused.json().get("detail").asText()).contains("ANTHROPIC_API_KEY");
        assertThat(http.get("/api/v1/contexts/nokey").bearer(MANAGEMENT_KEY).send().json().get("config").has("models")).isFalse();

        Reply unknown = http.patch("/api/v1/contexts/nokey").bearer(MANAGEMENT_KEY)
                .json(Map.of("config", Map.of("models", Map.of("response", "mystery/model-1")))).send();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("mystery").contains("openai");

        Reply withKey = http.patch("/api/v1/contexts/nokey").bearer(MANAGEMENT_KEY).json(Map.of("config", Map.of(
                "models", Map.of("extraction", "anthropic/claude-haiku-4-5"), "providers", Map.of("anthropic", "sk-ant-test")))).send();
        assertThat(withKey.status()).isEqualTo(200);
    }

    @Test
    void keys_are_minted_listed_rotated_and_deleted() {
        http.post("/api/v1/contexts/keys-ctx").bearer(MANAGEMENT_KEY).send();
        JsonNode minted = mint("keys-ctx", "worker");
        String secret = minted.get("key").asText();
        assertThat(secret).startsWith("sp-" + minted.get("id").asText() + "-");
        assertThat(use("keys-ctx", secret)).isEqualTo(200);

        Reply listed = http.get("/api/v1/contexts/keys-ctx/keys").bearer(MANAGEMENT_KEY).send();
        assertThat(listed.json().findValuesAsText("name")).containsExactly("worker");
        assertThat(listed.body()).doesNotContain(secret.substring(secret.lastIndexOf('-') + 1));

        assertThat(http.post("/api/v1/contexts/keys-ctx/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "worker")).send().status()).isEqualTo(409);

        Reply rotated = http.post("/api/v1/contexts/keys-ctx/keys/worker/rotate").bearer(MANAGEMENT_KEY).send();
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.json().get("key").asText();
        assertThat(rotated.json().get("id")).isEqualTo(minted.get("id"));
        assertThat(use("keys-ctx", secret)).isEqualTo(401);
        assertThat(use("keys-ctx", newSecret)).isEqualTo(200);

        assertThat(http.delete("/api/v1/contexts/keys-ctx/keys/worker").bearer(MANAGEMENT_KEY).send().status()).isEqualTo(204);
        assertThat(use("keys-ctx", newSecret)).isEqualTo(401);
        assertThat(http.delete("/api/v1/contexts/keys-ctx/keys/worker").bearer(MANAGEMENT_KEY).send().status()).isEqualTo(404);
    }

    @Test
    void key_routes_validate_their_input() {
        http.post("/api/v1/contexts/kv").bearer(MANAGEMENT_KEY).send();
        assertThat(http.post("/api/v1/contexts/kv/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "bad name")).send().status()).isEqualTo(400);
        assertThat(http.post("/api/v1/contexts/kv/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "x", "ttl_seconds", -5)).send().status()).isEqualTo(400);
        assertThat(http.post("/api/v1/contexts/kv/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "x", "ttl_seconds", "soon")).send().status()).isEqualTo(400);
        assertThat(http.post("/api/v1/contexts/missing/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", "x")).send().status()).isEqualTo(404);
        assertThat(http.post("/api/v1/contexts/kv/keys/nobody/rotate").bearer(MANAGEMENT_KEY).send().status()).isEqualTo(404);
        assertThat(http.get("/api/v1/contexts/kv/keys").bearer(MANAGEMENT_KEY).send().json()).isEmpty();
        assertThat(List.of(http.post("/api/v1/contexts/kv/keys/path-named").bearer(MANAGEMENT_KEY).send().status())).containsExactly(201);
    }

    private static JsonNode mint(String context, String name) {
        Reply reply = http.post("/api/v1/contexts/" + context + "/keys").bearer(MANAGEMENT_KEY).json(Map.of("name", name)).send();
        assertThat(reply.status()).isEqualTo(201);
        return reply.json();
    }

    private static int use(String context, String key) {
        return http.get("/api/v1/" + context + "/sessions").bearer(key).send().status();
    }
}
