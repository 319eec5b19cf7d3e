package dev.spectron.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {
    private static List<SseReader.Event> parse(String text) throws IOException {
        List<SseReader.Event> events = new ArrayList<>();
        try (SseReader reader = new SseReader(new StringReader(text))) {
            SseReader.Event event;
            while ((event = reader.next()) != null) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void framesAreSeparatedByBlankLines() throws IOException {
        assertThat(parse("data: {\"delta\":\"Hello \"}\n\ndata: {\"delta\":\"world\"}\n\nevent: done\ndata: {\"done\":true}\n\n"))
                .containsExactly(new SseReader.Event("message", "{\"delta\":\"Hello \"}", null),
                        new SseReader.Event("message", "{\"delta\":\"world\"}", null),
                        new SseReader.Event("done", "{\"done\":true}", null));
    }

    @Test
    void multiLineDataIsJoinedWithNewlines() throws IOException {
        assertThat(parse("data: first\ndata: second\ndata:third\n\n")).singleElement()
                .extracting(SseReader.Event::data).isEqualTo("first\nsecond\nthird");
    }

    @Test
    void commentsAndKeepAlivesAreIgnored() throws IOException {
        assertThat(parse(": keep-alive\n\n:ping\ndata: x\n: between\n\n")).singleElement()
                .extracting(SseReader.Event::data).isEqualTo("x");
    }

    @Test
    void crlfAndCrLineEndingsWork() throws IOException {
        assertThat(parse("event: a\r\ndata: one\r\n\r\ndata: two\r\rdata: three\n\n"))
                .extracting(SseReader.Event::data).containsExactly("one", "two", "three");
    }

    @Test
    void onlyOneLeadingSpaceIsDropped() throws IOException {
        assertThat(parse("data:  two spaces\n\n")).singleElement().extracting(SseReader.Event::data).isEqualTo(" two spaces");
    }

    @Test
    void eventNameAppliesToOneFrameOnly() throws IOException {
        assertThat(parse("event: error\ndata: {}\n\ndata: next\n\n")).extracting(SseReader.Event::event).containsExactly("error", "message");
    }

    @Test
    void blankLinesWithoutDataDispatchNothing() throws IOException {
        assertThat(parse("\n\nevent: ignored\n\n\ndata: x\n\n")).singleElement()
                .satisfies(e -> assertThat(e.event()).isEqualTo("message"));
    }

    @Test
    void fieldWithoutColonHasEmptyValue() throws IOException {
        assertThat(parse("data\n\n")).singleElement().extracting(SseReader.Event::data).isEqualTo("");
    }

    @Test
    void lastEventWithoutTrailingBlankLineIsDelivered() throws IOException {
        assertThat(parse("data: a\n\ndata: [DONE]")).extracting(SseReader.Event::data).containsExactly("a", "[DONE]");
    }

    @Test
    void idIsRememberedAndUnknownFieldsIgnored() throws IOException {
        assertThat(parse("id: 7\nretry: 1000\nfoo: bar\ndata: a\n\ndata: b\n\n")).extracting(SseReader.Event::id).containsExactly("7", "7");
    }

    @Test
    void emptyStreamHasNoEvents() throws IOException {
        assertThat(parse("")).isEmpty();
        assertThat(parse(": only a comment\n")).isEmpty();
    }
}
