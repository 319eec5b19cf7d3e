package dev.spectron.models.wire;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.spectron.core.model.FinishReason;
import dev.spectron.core.model.LanguageModel;
import dev.spectron.core.model.ModelException;
import dev.spectron.core.model.ModelReply;
import dev.spectron.core.model.TokenUsage;
import dev.spectron.models.chat.ModelOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wire scenarios every provider must pass (issue 3, "What it must show"): each replays the
 * provider's documented bodies and asserts both what the client sent and what it made of the answer.
 */
abstract class AbstractProviderWireTest extends WireTestSupport {

    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    private static final int SLOW_ANSWER_MILLIS = 1_500;
    private static final Duration DEADLINE = Duration.ofMillis(1_000);
    /** Room for scheduling on a busy machine; a call held by the stalled body would take ten seconds. */
    private static final Duration DEADLINE_MARGIN = Duration.ofMillis(1_500);

    @Test
    void completes_a_chat_sending_the_conversation_in_order() {
        // given
        stubChat(ok("chat-success.json"));

        // when
        ModelReply reply = model().complete(CONVERSATION);

        // then
        assertThat(reply.text()).isEqualTo(SUCCESS_TEXT);
        assertThat(reply.rawText()).isEqualTo(SUCCESS_TEXT);
        assertThat(reply.modelId()).isEqualTo(answeringModel());
        assertThat(reply.usage()).isEqualTo(new TokenUsage(42, 12));
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        LoggedRequest sent = chatRequests().getFirst();
        assertThat(chatRequests()).hasSize(1);
        assertKeySent(sent);
        assertThat(sentModel(sent, body(sent))).isEqualTo(spec(WIRE.baseUrl()).model());
        assertThat(sentMessages(body(sent))).containsExactlyElementsOf(SENT_CONVERSATION);
    }

    @Test
    void sends_the_json_schema_and_returns_the_structured_object() {
        // given
        stubChat(ok("chat-json.json"));

        // when
        ModelReply reply = model().completeJson(CONVERSATION, PERSON);

        // then
        assertThat(tree(reply.text())).isEqualTo(tree(PERSON_JSON));
        JsonNode sent = body(chatRequests().getFirst());
        assertThat(sentModel(chatRequests().getFirst(), sent)).isEqualTo(spec(WIRE.baseUrl()).model());
        assertThat(sentMessages(sent)).containsExactlyElementsOf(SENT_CONVERSATION);
        assertThat(sentSchema(sent)).isEqualTo(tree(SCHEMA_JSON));
    }

    @Test
    void retries_once_after_429_then_succeeds() {
        stubChat(error(429), ok("chat-success.json"));

        ModelReply reply = model().complete(CONVERSATION);

        assertThat(reply.text()).isEqualTo(SUCCESS_TEXT);
        assertThat(chatRequests()).hasSize(2);
    }

    @Test
    void gives_up_after_two_retries_on_500_as_unavailable() {
        stubChat(error(500));

        ModelException failure = assertModelFailure(() -> model().complete(CONVERSATION), ModelException.Kind.UNAVAILABLE);

        assertThat(chatRequests()).hasSize(3);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("500");
    }

    @Test
    void fails_on_401_as_authentication_without_retrying() {
        stubChat(error(401));

        ModelException failure = assertModelFailure(() -> model().complete(CONVERSATION), ModelException.Kind.AUTHENTICATION);

        assertThat(chatRequests()).hasSize(1);
        assertThat(failure.getMessage()).contains("401");
    }

    @Test
    void times_out_when_the_provider_answers_later_than_the_timeout() {
        stubChat(ok("chat-success.json").withFixedDelay(SLOW_ANSWER_MILLIS));
        LanguageModel impatient = model(OPTIONS.withTimeout(SHORT_TIMEOUT));

        assertModelFailure(() -> impatient.complete(CONVERSATION), ModelException.Kind.TIMEOUT);

        assertThat(chatRequests()).hasSize(3);
    }

    @Test
    void does_not_sit_out_a_retry_after_longer_than_the_cap() {
        stubChat(error(429).withHeader("Retry-After", "120"));

        ModelException failure = assertModelFailure(() -> model().complete(CONVERSATION), ModelException.Kind.RATE_LIMITED);

        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(chatRequests()).hasSize(1);
    }

    @Test
    void repairs_a_malformed_json_answer_with_one_more_request() {
        // given
        stubChat(ok("chat-malformed.json"), ok("chat-json.json"));

        // when
        ModelReply reply = model().completeJson(CONVERSATION, PERSON);

        // then
        assertThat(tree(reply.text())).isEqualTo(tree(PERSON_JSON));
        assertThat(reply.usage()).isEqualTo(new TokenUsage(84, 24));
        List<LoggedRequest> sent = chatRequests();
        assertThat(sent).hasSize(2);
        JsonNode repair = body(sent.get(1));
        List<SentMessage> messages = sentMessages(repair);
        assertThat(messages).startsWith(SENT_CONVERSATION.toArray(SentMessage[]::new)).hasSize(6);
        assertThat(messages.get(4)).isEqualTo(SentMessage.assistant("{name: 'Ada', city: 'London',}"));
        assertThat(messages.get(5).role()).isEqualTo("user");
        assertThat(messages.get(5).text()).contains("Return only valid JSON matching the schema \"person\"", SCHEMA_JSON);
        assertThat(sentSchema(repair)).isEqualTo(tree(SCHEMA_JSON));
    }

    @Test
    void fails_as_malformed_output_when_the_repaired_answer_is_still_not_json() {
        stubChat(ok("chat-malformed.json"));

        ModelException failure = assertModelFailure(() -> model().completeJson(CONVERSATION, PERSON),
                ModelException.Kind.MALFORMED_OUTPUT);

        assertThat(chatRequests()).hasSize(2);
        assertThat(failure.getMessage()).contains("{name: 'Ada', city: 'London',}");
    }

    @Test
    void takes_the_json_object_out_of_surrounding_prose() {
        assertParsedWithoutRepair("chat-json-in-prose.json");
    }

    @Test
    void takes_the_json_object_out_of_a_json_code_fence() {
        assertParsedWithoutRepair("chat-json-fenced.json");
    }

    @Test
    void skips_a_think_preamble_before_the_json_object() {
        assertParsedWithoutRepair("chat-think-preamble.json");
    }

    @Test
    void streams_the_answer_in_deltas_on_the_calling_thread() {
        // given
        stubSequence(streamPath(), aResponse().withStatus(200)
                .withHeader("Content-Type", streamContentType())
                .withBody(fixture(streamFixture())));
        List<String> deltas = new ArrayList<>();
        Thread caller = Thread.currentThread();

        // when
        ModelReply reply = model().stream(CONVERSATION, delta -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            deltas.add(delta);
        });

        // then
        assertThat(deltas).containsExactly("Noted:", " you moved", " to London", " last year.");
        assertThat(reply.text()).isEqualTo(SUCCESS_TEXT);
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        LoggedRequest sent = WIRE.findAll(postRequestedFor(urlPathEqualTo(streamPath()))).getFirst();
        assertStreamRequested(sent, body(sent));
        assertThat(sentMessages(body(sent))).containsExactlyElementsOf(SENT_CONVERSATION);
    }

    @Test
    void retries_a_stream_that_fails_before_any_text_arrives() {
        stubSequence(streamPath(), error(429), aResponse().withStatus(200)
                .withHeader("Content-Type", streamContentType())
                .withBody(fixture(streamFixture())));
        List<String> deltas = new ArrayList<>();

        ModelReply reply = model().stream(CONVERSATION, deltas::add);

        assertThat(String.join("", deltas)).isEqualTo(reply.text()).isEqualTo(SUCCESS_TEXT);
        assertThat(WIRE.findAll(postRequestedFor(urlPathEqualTo(streamPath())))).hasSize(2);
    }

    @Test
    void fails_a_stream_cut_off_before_its_end_marker_as_cut_off_issue_20() {
        // given: the documented stream with everything after the second text delta missing
        stubSequence(streamPath(), aResponse().withStatus(200)
                .withHeader("Content-Type", streamContentType())
                .withBody(cutOff(fixture(streamFixture()))));
        List<String> deltas = new ArrayList<>();

        // when-then
        ModelException failure = assertModelFailure(() -> model().stream(CONVERSATION, deltas::add), ModelException.Kind.CUT_OFF);
        assertThat(failure.getMessage()).contains("end marker");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void fails_a_call_whose_body_stalls_past_the_deadline_within_it_issue_20() {
        // given: headers at once, then a body that dribbles out over ten seconds
        stubChat(ok("chat-success.json").withChunkedDribbleDelay(5, 10_000));
        LanguageModel bounded = model(OPTIONS.withDeadline(DEADLINE));
        long start = System.nanoTime();

        // when-then
        ModelException failure = assertModelFailure(() -> bounded.complete(CONVERSATION), ModelException.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(DEADLINE_MARGIN));
        assertThat(failure.getMessage()).contains("1000 ms");
    }

    @Test
    void fails_a_stream_that_stalls_past_the_deadline_within_it_issue_20() {
        stubSequence(streamPath(), aResponse().withStatus(200)
                .withHeader("Content-Type", streamContentType())
                .withBody(fixture(streamFixture()))
                .withChunkedDribbleDelay(5, 10_000));
        LanguageModel bounded = model(OPTIONS.withDeadline(DEADLINE));
        long start = System.nanoTime();

        assertModelFailure(() -> bounded.stream(CONVERSATION, delta -> { }), ModelException.Kind.TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(DEADLINE_MARGIN));
    }

    @Test
    void does_not_retry_past_the_deadline_issue_20() {
        // given: every attempt times out after 600 ms, the deadline allows one and a bit
        stubChat(ok("chat-success.json").withFixedDelay(SLOW_ANSWER_MILLIS));
        LanguageModel bounded = model(new ModelOptions(Duration.ofMillis(600), FAST_RETRIES, DEADLINE));
        long start = System.nanoTime();

        assertModelFailure(() -> bounded.complete(CONVERSATION), ModelException.Kind.TIMEOUT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plus(DEADLINE_MARGIN));
        assertThat(chatRequests()).hasSizeLessThanOrEqualTo(2);
    }

    /** The stream as far as its second text delta: what a connection dropped mid-answer delivers. */
    private String cutOff(String stream) {
        String separator = stream.contains("\n\n") ? "\n\n" : "\n";
        List<String> events = List.of(stream.split(separator));
        int kept = 0;
        int texts = 0;
        while (kept < events.size() && texts < 2) {
            if (events.get(kept).contains("you moved") || events.get(kept).contains("Noted:")) {
                texts++;
            }
            kept++;
        }
        return String.join(separator, events.subList(0, kept)) + separator;
    }

    private void assertParsedWithoutRepair(String fixture) {
        stubChat(ok(fixture));

        ModelReply reply = model().completeJson(CONVERSATION, PERSON);

        assertThat(tree(reply.text())).isEqualTo(tree(PERSON_JSON));
        assertThat(reply.rawText()).isNotEqualTo(reply.text());
        assertThat(chatRequests()).hasSize(1);
    }
}
