package dev.spectron.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelValuesTest {

    @Test
    void only_rate_limits_outages_and_timeouts_are_retryable() {
        assertThat(Arrays.stream(ModelException.Kind.values()).filter(ModelException.Kind::retryable))
                .containsExactly(ModelException.Kind.RATE_LIMITED, ModelException.Kind.UNAVAILABLE,
                        ModelException.Kind.TIMEOUT);
    }

    @Test
    void a_request_needs_a_message_and_sane_limits() {
        assertThatThrownBy(() -> ModelRequest.of("system", List.of())).hasMessageContaining("at least one message");
        ModelRequest request = ModelRequest.of(null, List.of(ModelMessage.user("hi")));
        assertThat(request.systemPrompt()).isEmpty();
        assertThatThrownBy(() -> request.withTemperature(2.5)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> request.withMaxTokens(0)).hasMessageContaining("maxTokens");
    }

    @Test
    void follow_up_messages_keep_the_order_and_the_limits() {
        ModelRequest request = ModelRequest.of("s", List.of(ModelMessage.user("q"))).withTemperature(0.0);

        ModelRequest repaired = request.followedBy(ModelMessage.assistant("a"), ModelMessage.user("again"));

        assertThat(repaired.messages()).extracting(ModelMessage::text).containsExactly("q", "a", "again");
        assertThat(repaired.temperature()).isZero();
    }

    @Test
    void usage_sums_known_counts() {
        assertThat(new TokenUsage(10, null).plus(new TokenUsage(5, 7))).isEqualTo(new TokenUsage(15, 7));
        assertThat(TokenUsage.unknown().plus(TokenUsage.unknown())).isEqualTo(TokenUsage.unknown());
    }

    @Test
    void a_schema_needs_a_provider_safe_name_and_an_object() {
        assertThat(new JsonSchemaSpec("person_v1", "{\"type\":\"object\"}").name()).isEqualTo("person_v1");
        assertThatThrownBy(() -> new JsonSchemaSpec("person v1", "{}")).hasMessageContaining("schema name");
        assertThatThrownBy(() -> new JsonSchemaSpec("p", "[]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> new JsonSchemaSpec("p", "{type: object}")).hasMessageContaining("not a JSON object");
    }
}
