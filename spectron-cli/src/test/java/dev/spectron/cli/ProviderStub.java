package dev.spectron.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One local stand-in for the model providers a README example can reach through the server's
 * environment ({@code OPENAI_BASE_URL}, {@code OLLAMA_BASE_URL}), answering in each provider's
 * documented wire format: OpenAI chat completions (a JSON body, a chunk stream when
 * {@code "stream": true}, an empty extraction when a {@code response_format} schema is asked for)
 * and embeddings (one vector per input); Ollama's {@code /api/chat} and {@code /api/embed}. Any
 * other request is answered 404 and shows in {@link #unexpected()}.
 */
final class ProviderStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String REPLY = "You live in Porto [S1].";
    /** A valid extraction that adds nothing: the heuristics' facts stand. */
    private static final String EMPTY_EXTRACTION =
            "{\"entities\":[],\"attributes\":[],\"relations\":[],\"invalidations\":[],\"instructions\":[],\"uncertainties\":[]}";

    private final WireMockServer server;

    private ProviderStub(WireMockServer server) {
        this.server = server;
    }

    static ProviderStub start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(new Answer()));
        server.start();
        server.stubFor(WireMock.any(WireMock.urlMatching(".*")).willReturn(WireMock.aResponse().withTransformers(Answer.NAME)));
        return new ProviderStub(server);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** Requests the stub had no answer for, as {@code METHOD url}. */
    List<String> unexpected() {
        return server.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 404)
                .map(event -> event.getRequest().getMethod() + " " + event.getRequest().getUrl()).toList();
    }

    /** Every request the stub answered, as {@code METHOD url}, oldest first. */
    List<String> served() {
        return server.getAllServeEvents().reversed().stream()
                .map(event -> event.getRequest().getMethod() + " " + event.getRequest().getUrl()).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final class Answer implements ResponseDefinitionTransformerV2 {
        static final String NAME = "readme-provider";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String path = request.getUrl().replaceAll("\\?.*", "");
            try {
                JsonNode body = request.getBodyAsString().isBlank() ? JSON.createObjectNode() : JSON.readTree(request.getBodyAsString());
                return switch (path) {
                    case "/v1/chat/completions" -> openAiChat(body);
                    case "/v1/embeddings" -> json(openAiEmbeddings(body));
                    case "/api/chat" -> ollamaChat(body);
                    case "/api/embed" -> json(ollamaEmbed(body));
                    default -> new ResponseDefinition(404, "{\"error\":\"the README stub has no answer for " + path + "\"}");
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** https://platform.openai.com/docs/api-reference/chat/object and .../chat-streaming */
        private static ResponseDefinition openAiChat(JsonNode body) throws IOException {
            String content = body.has("response_format") ? EMPTY_EXTRACTION : REPLY;
            if (body.path("stream").asBoolean()) {
                StringBuilder stream = new StringBuilder();
                stream.append(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
                for (String piece : List.of("You live", " in Porto [S1].")) {
                    stream.append(chunk("{\"content\":" + JSON.writeValueAsString(piece) + "}", "null"));
                }
                stream.append(chunk("{}", "\"stop\"")).append("data: [DONE]\n\n");
                return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(stream.toString()).build();
            }
            ObjectNode reply = JSON.createObjectNode().put("id", "chatcmpl-readme").put("object", "chat.completion").put("created", 1741570283)
                    .put("model", body.path("model").asText("gpt-4o-mini"));
            ObjectNode choice = reply.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            reply.putObject("usage").put("prompt_tokens", 412).put("completion_tokens", 9).put("total_tokens", 421);
            return json(reply);
        }

        private static String chunk(String delta, String finish) {
            return "data: {\"id\":\"chatcmpl-readme\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\","
                    + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finish + "}]}\n\n";
        }

        /** https://platform.openai.com/docs/api-reference/embeddings/object: one vector per input, in order. */
        private static JsonNode openAiEmbeddings(JsonNode body) {
            int dimensions = body.path("dimensions").asInt(body.path("model").asText().contains("large") ? 3072 : 1536);
            ObjectNode reply = JSON.createObjectNode().put("object", "list").put("model", body.path("model").asText());
            ArrayNode data = reply.putArray("data");
            List<String> inputs = inputs(body.path("input"));
            for (int i = 0; i < inputs.size(); i++) {
                data.addObject().put("object", "embedding").put("index", i).set("embedding", vector(inputs.get(i), dimensions));
            }
            reply.putObject("usage").put("prompt_tokens", inputs.size()).put("total_tokens", inputs.size());
            return reply;
        }

        /** https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion */
        private static ResponseDefinition ollamaChat(JsonNode body) {
            String content = body.has("format") ? EMPTY_EXTRACTION : REPLY;
            ObjectNode reply = JSON.createObjectNode().put("model", body.path("model").asText()).put("created_at", "2026-05-08T13:56:00Z");
            reply.putObject("message").put("role", "assistant").put("content", content);
            reply.put("done", true).put("done_reason", "stop").put("prompt_eval_count", 412).put("eval_count", 9);
            return json(reply); // a stream of one final object is what Ollama sends for a one-piece reply
        }

        /** https://github.com/ollama/ollama/blob/main/docs/api.md#generate-embeddings */
        private static JsonNode ollamaEmbed(JsonNode body) {
            ObjectNode reply = JSON.createObjectNode().put("model", body.path("model").asText());
            ArrayNode embeddings = reply.putArray("embeddings");
            inputs(body.path("input")).forEach(text -> embeddings.add(vector(text, 768)));
            return reply;
        }

        private static List<String> inputs(JsonNode input) {
            return input.isArray() ? java.util.stream.StreamSupport.stream(input.spliterator(), false).map(JsonNode::asText).toList()
                    : List.of(input.asText());
        }

        /** A deterministic, non-zero vector per text. */
        private static ArrayNode vector(String text, int dimensions) {
            ArrayNode vector = JSON.createArrayNode();
            java.util.Random random = new java.util.Random(text.hashCode());
            for (int i = 0; i < dimensions; i++) {
                vector.add(random.nextFloat() - 0.5f);
            }
            return vector;
        }

        private static ResponseDefinition json(JsonNode body) {
            return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString()).build();
        }
    }
}
